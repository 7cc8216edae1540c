/**
 * What is planned (dialogue.md): the counts first, then the items in time order — events with
 * their times, tasks with their deadlines, overdue ones marked — at most `voiceItems` by voice
 * ("и ещё N"), with the whole list following in the messenger; nothing planned is said as such.
 */
import type { AgendaQuerySlots } from '../../nlu/types';
import type { Ctx } from '../context';
import { counted } from '../plural';
import { isPast } from '../say-date';
import type { EventItem, PlanItem, Reply, TaskItem } from '../types';
import type { IntentModule } from './module';

export const agendaQuery: IntentModule<'agenda.query'> = {
  intent: 'agenda.query',
  requires: [],
  personSlot: 'person',
  async does(c, d) {
    const s = d.slots;
    const person = s.person && 'userId' in s.person ? s.person.userId : c.account.userId;
    const items = await c.deps.actions.agenda(c.account, {
      userId: person,
      ...(s.from ? { from: s.from } : {}),
      ...(s.from ? { to: s.to ?? s.from } : {}),
      ...(s.kind ? { kind: s.kind } : s.overdue ? { kind: 'tasks' as const } : {}),
      ...(s.overdue ? { overdue: true } : {}),
      timeZone: c.turn.timeZone,
    });
    const voice = c.turn.channel === 'alice' || c.turn.channel === 'google';
    const limit = voice ? (c.deps.config.voiceItems ?? 5) : Infinity;
    const reply = answer(c, s, items, person, limit);
    // The voice says a few; the whole list follows in the messenger.
    if (voice && items.length > limit) return { ...reply, followUp: Promise.resolve(answer(c, s, items, person, Infinity)) };
    return reply;
  },
};

function answer(c: Ctx, s: AgendaQuerySlots, items: PlanItem[], person: number, limit: number): Reply {
  const forms = (key: string) => c.texts.raw<Record<string, string[]>>('agenda.query', `forms.${key}`)![c.lang]!;
  const events = items.filter((i): i is EventItem => i.kind === 'event').sort((a, b) => a.start.localeCompare(b.start));
  const tasks = items.filter((i): i is TaskItem => i.kind === 'task').sort((a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999'));
  const when = range(c, s.from, s.to);
  const whose = person === c.account.userId ? c.say('agenda.query', 'mine') : c.say('agenda.query', 'theirs', { name: c.nameOf({ userId: person }) });
  if (!items.length) return { text: c.say('agenda.query', s.overdue ? 'nothing_overdue' : 'nothing', { when, whose }) };
  const counts = [events.length ? counted(events.length, forms('event'), c.lang) : '', tasks.length ? counted(tasks.length, forms(s.overdue ? 'overdue' : 'task'), c.lang) : ''].filter(Boolean);
  const head = c.say('agenda.query', 'counts', { when, whose, counts: counts.join(c.say('common', 'and')) });
  const oneDay = !!s.from && (s.to ?? s.from) === s.from;
  let left = limit;
  const sentences: string[] = [];
  const evs = events.slice(0, left).map((e) => eventLine(c, e, oneDay));
  left -= evs.length;
  if (evs.length) sentences.push(capital(evs.join(', ')));
  const tks = tasks.slice(0, Math.max(0, left)).map((t) => taskLine(c, t, oneDay));
  if (tks.length) sentences.push(c.say('agenda.query', 'tasks_lead', { list: tks.join(', ') }));
  const rest = items.length - evs.length - tks.length;
  // "… и ещё 2." closes the last sentence said.
  if (rest) sentences[sentences.length - 1] += c.say('agenda.query', 'more', { n: rest });
  const text = [capital(head.trim()), ...sentences.map((x) => `${x}.`)].join(' ');
  return { text };
}

function eventLine(c: Ctx, e: EventItem, oneDay: boolean): string {
  if (e.allDay) return c.say('agenda.query', 'event_all_day', { title: e.title, date: oneDay ? '' : c.when(e.start.slice(0, 10)) }).replace(/\s+/g, ' ').trim();
  const at = oneDay ? c.say('agenda.query', 'at_time', { time: e.start.slice(11, 16) }) : c.when(e.start);
  return c.say('agenda.query', 'event', { at, title: e.title });
}

function taskLine(c: Ctx, t: TaskItem, oneDay: boolean): string {
  const title = c.say('common', 'quoted', { text: t.title });
  if (!t.deadline) return title;
  const due = oneDay && t.deadline.length > 10 ? t.deadline.slice(11, 16) : c.when(t.deadline);
  const late = isPast(t.deadline, c.turn.now, c.turn.timeZone) ? c.say('agenda.query', 'overdue_mark') : '';
  return c.say('agenda.query', 'task', { title, due, late });
}

/** "Завтра", "1 декабря", "С 30 ноября по 6 декабря", or nothing for "all open". */
function range(c: Ctx, from?: string, to?: string): string {
  if (!from) return '';
  const end = to ?? from;
  if (end === from) return capital(c.when(from));
  return capital(c.say('common', 'dates.from_to', { from: c.when(from), to: c.when(end) }));
}

const capital = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
