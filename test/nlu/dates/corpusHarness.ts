/**
 * Scores the date extractor on the gold date slots of the shared corpora.
 *
 * Rule for picking mentions (what the lead's slot assembly will do):
 * - a line whose gold has no date slot must yield no mention, when its intent is task/event
 *   (message texts may quote dates: "созвон переносится на завтра" is the caller's business);
 * - otherwise the mentions are combined: one mention gives its start/end/allDay; a date-only
 *   and a time-only mention (not adjacent, so returned apart) are joined into one moment;
 *   with more, the first one that has a date is taken.
 * - task lines compare `deadline` with the start (a task has no end); event lines compare
 *   start, end and allDay (absent must be absent).
 */
import * as fs from 'fs';
import type { DateMention } from '../../../src/nlu/types';
import type { DateExtractor } from '../../../src/nlu/dates';
import { CORPUS_DIR } from '../../helpers/data';

export interface CorpusLine {
  id: string;
  text: string;
  now?: string;
  tz?: string;
  expect: { intent: string; slots: Record<string, unknown> };
}

export interface Outcome {
  id: string;
  text: string;
  ok: boolean;
  expected: Record<string, unknown>;
  got: Record<string, unknown>;
}

const DEFAULT_NOW = '2026-11-26T10:00';
const DEFAULT_TZ = 'Europe/Moscow';


export function readCorpus(name: string): CorpusLine[] {
  return fs
    .readFileSync(`${CORPUS_DIR}/${name}`, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CorpusLine);
}

/** A wall-clock "YYYY-MM-DDTHH:MM" in `tz` → the instant (searching the offset, DST-safe enough). */
export function instantOf(wall: string, tz: string): Date {
  const [d, t] = wall.split('T');
  const [y, mo, da] = d.split('-').map(Number);
  const [h, mi] = t.split(':').map(Number);
  const target = Date.UTC(y, mo - 1, da, h, mi);
  let guess = target;
  for (let i = 0; i < 3; i++) {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
    }).formatToParts(new Date(guess));
    const g = (k: string) => Number(parts.find((p) => p.type === k)?.value);
    const shown = Date.UTC(g('year'), g('month') - 1, g('day'), g('hour') % 24, g('minute'));
    guess += target - shown;
  }
  return new Date(guess);
}

const DATE_SLOTS = ['start', 'end', 'deadline', 'allDay'];

function combine(mentions: DateMention[]): DateMention | undefined {
  if (mentions.length === 0) return undefined;
  if (mentions.length === 2) {
    const [a, b] = mentions;
    const dateOnly = (m: DateMention) => !m.start.includes('T') && !m.end;
    const timeOnly = (m: DateMention) => m.tags.length > 0 && m.start.includes('T') && !m.end;
    const [date, time] = dateOnly(a) && timeOnly(b) ? [a, b] : dateOnly(b) && timeOnly(a) ? [b, a] : [undefined, undefined];
    if (date && time) return { ...date, start: `${date.start}T${time.start.split('T')[1]}` };
  }
  return mentions[0];
}

export function score(extractor: DateExtractor, lines: CorpusLine[], lang: (l: CorpusLine) => 'ru' | 'en'): Outcome[] {
  const out: Outcome[] = [];
  for (const line of lines) {
    const slots = line.expect.slots;
    const expected: Record<string, unknown> = {};
    for (const k of DATE_SLOTS) if (k in slots) expected[k] = slots[k];
    const isTask = line.expect.intent === 'task.create';
    const isEvent = line.expect.intent === 'event.create';
    if (!isTask && !isEvent) continue;
    const tz = line.tz ?? DEFAULT_TZ;
    const mentions = extractor.extract(line.text, { now: instantOf(line.now ?? DEFAULT_NOW, tz), timeZone: tz, lang: lang(line) });
    const m = combine(mentions);
    const got: Record<string, unknown> = {};
    if (m) {
      if (isTask) got.deadline = m.start;
      else {
        got.start = m.start;
        if (m.end) got.end = m.end;
        if (m.allDay) got.allDay = true;
      }
    }
    const ok = JSON.stringify(sortKeys(got)) === JSON.stringify(sortKeys(expected));
    out.push({ id: line.id, text: line.text, ok, expected, got: { ...got, mentions: mentions.map((x) => x.text) } });
  }
  return out;
}

function sortKeys(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}

/** English lines of the shared corpora: ASCII letters only. */
export function langOf(line: CorpusLine): 'ru' | 'en' {
  return /[а-яё]/i.test(line.text) ? 'ru' : 'en';
}
