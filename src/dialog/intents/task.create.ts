/** Create a task: a title is required; the responsible defaults to the speaker, the deadline is optional. */
import { isPast } from '../say-date';
import { created } from './create';
import type { IntentModule } from './module';

export const taskCreate: IntentModule<'task.create'> = {
  intent: 'task.create',
  requires: ['title'],
  personSlot: 'responsible',
  freeText: ['title'],
  confirms(c, d) {
    const s = d.slots;
    const past = s.deadline && isPast(s.deadline, c.turn.now, c.turn.timeZone) ? c.say('common', 'past_deadline') : '';
    const when = s.deadline ? c.say('task.create', 'when', { date: c.when(s.deadline) }) : '';
    const responsible = s.responsible ?? { self: true };
    const self = 'self' in responsible || ('userId' in responsible && responsible.userId === c.account.userId);
    return past + c.say('task.create', self ? 'confirm_self' : 'confirm_other', { title: s.title ?? '', name: c.nameOf(responsible), when });
  },
  async does(c, d, key) {
    const s = d.slots;
    const r = s.responsible ?? { self: true };
    const responsibleId = 'userId' in r ? r.userId : c.account.userId;
    await c.deps.actions.createTask(c.account, { title: s.title!, responsibleId, ...(s.deadline ? { deadline: s.deadline } : {}), timeZone: c.turn.timeZone }, key);
    return created(c, c.say('task.create', 'done'));
  },
};
