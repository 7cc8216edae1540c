/** Mark a task done: the speaker must be its responsible or its creator. */
import { answerReference, findReferenced, isReply, itemLabel, refuse } from './reference';
import type { IntentModule } from './module';
import type { TaskItem } from '../types';

export const taskComplete: IntentModule<'task.complete'> = {
  intent: 'task.complete',
  requires: ['task'],
  async prepare(c, d) {
    const task = await findReferenced(c, d, 'task');
    if (isReply(task)) return task;
    const t = task as TaskItem;
    if (t.done) return refuse(c, 'already_done', { title: t.title });
    const me = c.account.userId;
    if (t.responsibleId !== me && t.createdBy !== me) return refuse(c, 'task', { name: c.nameOf({ userId: t.responsibleId }) });
    return null;
  },
  answer: (c, d) => answerReference(c, d, 'task'),
  confirms: (c, d) => c.say('task.complete', 'confirm', { item: itemLabel(c, d.found as unknown as TaskItem) }),
  async does(c, d, key) {
    await c.deps.actions.completeTask(c.account, (d.found as unknown as TaskItem).id, key);
    return { text: c.say('task.complete', 'done') };
  },
};
