/** Cancel (delete) an event; only its organiser may. */
import { answerReference, findReferenced, isReply, itemLabel, refuse } from './reference';
import type { IntentModule } from './module';
import type { EventItem } from '../types';

export const eventCancel: IntentModule<'event.cancel'> = {
  intent: 'event.cancel',
  requires: ['event'],
  async prepare(c, d) {
    const event = await findReferenced(c, d, 'event');
    if (isReply(event)) return event;
    const e = event as EventItem;
    if (e.organizerId !== c.account.userId) return refuse(c, 'event', { name: c.nameOf({ userId: e.organizerId }) });
    return null;
  },
  answer: (c, d) => answerReference(c, d, 'event'),
  confirms: (c, d) => c.say('event.cancel', 'confirm', { item: itemLabel(c, d.found as unknown as EventItem) }),
  async does(c, d, key) {
    await c.deps.actions.cancelEvent(c.account, d.found as unknown as EventItem, key);
    return { text: c.say('event.cancel', 'done') };
  },
};
