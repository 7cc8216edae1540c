/** What the creating intents share: the reply after a creation offers the next commands. */
import type { Ctx } from '../context';
import type { Reply } from '../types';

export function created(c: Ctx, text: string): Reply {
  return {
    text,
    buttons: [
      { title: c.say('common', 'buttons.new_task'), payload: { say: c.say('common', 'buttons.new_task_says') } },
      { title: c.say('common', 'buttons.new_message'), payload: { say: c.say('common', 'buttons.new_message_says') } },
    ],
  };
}

/** An hour after a local moment ("2026-12-01T13:15" → "2026-12-01T14:15"). */
export function plusMinutes(start: string, minutes: number): string {
  const d = new Date(`${start}:00Z`);
  d.setUTCMinutes(d.getUTCMinutes() + minutes);
  return d.toISOString().slice(0, 16);
}
