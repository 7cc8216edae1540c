/**
 * Create an event: a start is required; the title defaults to "Событие", the end to an hour later;
 * a bare date asks for a time of day and offers the whole day.
 */
import { isPast } from '../say-date';
import { fill } from '../texts';
import { created, plusMinutes } from './create';
import type { IntentModule } from './module';

export const eventCreate: IntentModule<'event.create'> = {
  intent: 'event.create',
  requires: ['start'],
  personSlot: 'attendees',
  personList: true,
  prepare(c, d) {
    const s = d.slots;
    if (s.start && s.start.length === 10 && !s.allDay && !s.end) {
      d.asking = 'time';
      return { text: c.say('event.create', 'ask.time'), buttons: [{ title: c.say('event.create', 'all_day_button'), payload: { allDay: true } }] };
    }
    return null;
  },
  answer(c, d) {
    if (d.asking !== 'time') return null;
    const text = c.turn.text.trim();
    const payload = (c.turn.payload ?? {}) as { allDay?: boolean };
    const allDay = c.texts.raw<Record<string, string[]>>('event.create', 'all_day_words')?.[c.lang] ?? [];
    if (payload.allDay || allDay.some((w) => text.toLowerCase().includes(w))) {
      d.slots.allDay = true;
      return 'filled';
    }
    const frame = c.texts.raw<Record<string, string>>('event.create', 'answer_frame.time')![c.lang]!;
    const t = c.parse(fill(frame, { date: d.slots.start!, answer: text }));
    const start = t.intent === 'event.create' ? t.slots.start : undefined;
    if (!start || start.length <= 10) return { text: c.say('event.create', 'ask.time') };
    d.slots.start = `${d.slots.start!.slice(0, 10)}${start.slice(10)}`;
    if (t.intent === 'event.create' && t.slots.end) d.slots.end = `${d.slots.start.slice(0, 10)}${t.slots.end.slice(10)}`;
    return 'filled';
  },
  confirms(c, d) {
    const s = d.slots;
    const start = s.start!;
    const title = s.title ?? c.say('event.create', 'default_title');
    let when = c.when(start);
    if (s.allDay) when = `${c.when(start.slice(0, 10))} ${c.say('common', 'dates.all_day')}`;
    else if (s.end) {
      when =
        s.end.slice(0, 10) === start.slice(0, 10)
          ? `${c.when(start.slice(0, 10))} ${c.say('common', 'dates.from_to', { from: start.slice(11), to: s.end.slice(11) })}`
          : c.say('common', 'dates.from_to', { from: c.when(start), to: c.when(s.end) });
    }
    const names = (s.attendees ?? []).map((p) => c.nameOf(p)).filter(Boolean);
    const withText = names.length ? c.say('event.create', 'with', { names: names.join(', ') }) : '';
    const past = isPast(start, c.turn.now, c.turn.timeZone) ? c.say('common', 'past_deadline') : '';
    return past + c.say('event.create', 'confirm', { title, when, with: withText });
  },
  async does(c, d, key) {
    const s = d.slots;
    const start = s.start!;
    const end = s.allDay ? (s.end ?? start.slice(0, 10)) : (s.end ?? plusMinutes(start, 60));
    const attendeeIds = (s.attendees ?? []).flatMap((p) => ('userId' in p ? [p.userId] : []));
    await c.deps.actions.createEvent(c.account, { title: s.title ?? c.say('event.create', 'default_title'), start, end, allDay: !!s.allDay, attendeeIds, timeZone: c.turn.timeZone }, key);
    return created(c, c.say('event.create', 'done'));
  },
};
