/**
 * Move an event, keeping its length: a new moment moves the start; a new date alone keeps the time
 * of day; only the organiser may move it.
 */
import { minutesBetween } from '../find';
import { plusMinutes } from './create';
import { answerReference, itemLabel, organisedEvent } from './reference';
import type { IntentModule } from './module';
import type { EventItem } from '../types';

export const eventUpdate: IntentModule<'event.update'> = {
  intent: 'event.update',
  requires: ['event', 'start'],
  prepare: (c, d) => organisedEvent(c, d),
  answer(c, d) {
    if (d.asking === 'start') {
      const frame = c.texts.raw<Record<string, string>>('event.update', 'answer_frame.start')![c.lang]!;
      const p = c.parse(frame.replace('{answer}', c.turn.text.trim()));
      const start = p.intent === 'event.create' ? p.slots.start : undefined;
      if (!start) return { text: c.say('event.update', 'ask.start') };
      d.slots.start = start;
      return 'filled';
    }
    return answerReference(c, d, 'event');
  },
  confirms(c, d) {
    const e = d.found as unknown as EventItem;
    const to = newTimes(e, d.slots.start!, d.slots.end);
    return c.say('event.update', 'confirm', { title: e.title, old: c.when(e.allDay ? e.start.slice(0, 10) : e.start), new: c.when(to.allDay ? to.start.slice(0, 10) : to.start) });
  },
  async does(c, d, key) {
    const e = d.found as unknown as EventItem;
    await c.deps.actions.moveEvent(c.account, e, { ...newTimes(e, d.slots.start!, d.slots.end), timeZone: c.turn.timeZone }, key);
    return { text: c.say('event.update', 'done') };
  },
};

/** The event's new start and end: its length kept; a bare new date keeps the old time of day. */
export function newTimes(e: EventItem, start: string, end?: string): { start: string; end: string; allDay: boolean } {
  if (e.allDay) {
    const days = minutesBetween(e.start.slice(0, 10), e.end.slice(0, 10)) / 1440;
    const from = start.slice(0, 10);
    return { start: from, end: plusMinutes(`${from}T00:00`, days * 1440).slice(0, 10), allDay: true };
  }
  const from = start.length === 10 ? `${start}${e.start.slice(10, 16)}` : start.slice(0, 16);
  const to = end && end.length > 10 ? end.slice(0, 16) : plusMinutes(from, minutesBetween(e.start, e.end));
  return { start: from, end: to, allDay: false };
}

export { itemLabel };
