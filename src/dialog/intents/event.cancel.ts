/** Cancel (delete) an event; only its organiser may. */
import { answerReference, itemLabel, organisedEvent } from './reference';
import type { IntentModule } from './module';
import type { EventItem } from '../types';

export const eventCancel: IntentModule<'event.cancel'> = {
  intent: 'event.cancel',
  requires: ['event'],
  prepare: (c, d) => organisedEvent(c, d),
  answer: (c, d) => answerReference(c, d, 'event'),
  confirms: (c, d) => c.say('event.cancel', 'confirm', { item: itemLabel(c, d.found as unknown as EventItem) }),
  async does(c, d, key) {
    await c.deps.actions.cancelEvent(c.account, d.found as unknown as EventItem, key);
    return { text: c.say('event.cancel', 'done') };
  },
};
