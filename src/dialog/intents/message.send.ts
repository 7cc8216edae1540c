/** Send a message: a recipient and a text are required. */
import { created } from './create';
import type { IntentModule } from './module';

export const messageSend: IntentModule<'message.send'> = {
  intent: 'message.send',
  requires: ['recipient', 'text'],
  personSlot: 'recipient',
  freeText: ['text'],
  confirms: (c, d) => c.say('message.send', 'confirm', { name: c.nameOf(d.slots.recipient!), text: d.slots.text ?? '' }),
  async does(c, d, key) {
    const r = d.slots.recipient!;
    const toUserId = 'userId' in r ? r.userId : c.account.userId;
    const sender = c.nameOf({ userId: c.account.userId });
    const relayText = c.say('message.send', 'relay', { sender, text: d.slots.text! });
    const sent = await c.deps.actions.sendMessage(c.account, { toUserId, text: d.slots.text!, relayText }, key);
    return created(c, c.say('message.send', sent.via === 'bot' ? 'done_via_bot' : 'done'));
  },
};
