/**
 * Move a task's deadline or hand it to someone else. The creator may do both; the responsible may
 * hand it on, and move the deadline only where the task allows it.
 */
import { answerReference, findReferenced, isReply, refuse } from './reference';
import type { IntentModule } from './module';
import type { TaskItem } from '../types';
import { fill } from '../texts';

export const taskUpdate: IntentModule<'task.update'> = {
  intent: 'task.update',
  requires: ['task'],
  personSlot: 'responsible',
  async prepare(c, d) {
    const task = await findReferenced(c, d, 'task');
    if (isReply(task)) return task;
    const t = task as TaskItem;
    if (!d.slots.deadline && !d.slots.responsible) {
      d.asking = 'change';
      return { text: c.say('task.update', 'ask.change') };
    }
    const me = c.account.userId;
    const creator = t.createdBy === me;
    const responsible = t.responsibleId === me;
    if (!creator && !responsible) return refuse(c, 'task', { name: c.nameOf({ userId: t.responsibleId }) });
    if (d.slots.deadline && !creator && !t.responsibleMayMoveDeadline) return refuse(c, 'deadline', { name: c.nameOf({ userId: t.createdBy }) });
    return null;
  },
  answer(c, d) {
    if (d.asking === 'change') {
      // "на пятницу" / "Антону": read as a task's new deadline or responsible.
      const frame = c.texts.raw<Record<string, string>>('task.update', 'answer_frame.change')![c.lang]!;
      const p = c.parse(fill(frame, { answer: c.turn.text.trim() }));
      const s = p.intent === 'task.create' ? p.slots : {};
      if (!s.deadline && !s.responsible) return { text: c.say('task.update', 'ask.change') };
      if (s.deadline) d.slots.deadline = s.deadline;
      if (s.responsible && !('self' in s.responsible)) d.slots.responsible = s.responsible;
      return 'filled';
    }
    return answerReference(c, d, 'task');
  },
  confirms(c, d) {
    const t = d.found as unknown as TaskItem;
    const parts: string[] = [];
    if (d.slots.deadline) {
      const old = t.deadline ? c.when(t.deadline) : c.say('task.update', 'no_deadline');
      parts.push(c.say('task.update', 'deadline_change', { old, new: c.when(d.slots.deadline) }));
    }
    if (d.slots.responsible) parts.push(c.say('task.update', 'responsible_change', { old: c.nameOf({ userId: t.responsibleId }), new: c.nameOf(d.slots.responsible) }));
    return c.say('task.update', 'confirm', { title: t.title, changes: parts.join(c.say('common', 'and')) });
  },
  async does(c, d, key) {
    const t = d.found as unknown as TaskItem;
    const r = d.slots.responsible;
    const responsibleId = r && 'userId' in r ? r.userId : undefined;
    await c.deps.actions.updateTask(c.account, t.id, { ...(d.slots.deadline ? { deadline: d.slots.deadline } : {}), ...(responsibleId ? { responsibleId } : {}), timeZone: c.turn.timeZone }, key);
    return { text: c.say('task.update', 'done') };
  },
};
