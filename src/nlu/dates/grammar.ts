/**
 * Date vocabulary: the words live in grammars/dates-<lang>.yaml; this module loads and checks them
 * once, and turns word lists into regex alternations (longest first, so "после обеда" beats "после").
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

const NumberMap = z.record(z.string(), z.number().int());
const Words = z.array(z.string()).default([]);

const RuGrammarSchema = z.object({
  weekdays: NumberMap,
  months: NumberMap,
  cardinals: NumberMap,
  ordinalStems: NumberMap,
  ordinalEndings: Words,
  ordinalTens: NumberMap,
  daySuffixes: Words,
  meridiem: z.record(z.string(), z.enum(['am', 'pm', 'night'])),
  dayParts: NumberMap,
  minutesBefore: NumberMap,
  fixedDurations: NumberMap,
  durationUnits: NumberMap,
  allDay: Words,
  markers: z.record(z.string(), z.boolean()),
  rangeConnectors: Words,
  rangeOpeners: Words,
  nextWords: Words,
  thisWords: Words,
  nextWeek: Words,
  endOfWeek: Words,
  endOfDay: Words,
  endOfMonth: Words.default([]),
  /** "дедлайн пт", "срок пятница": a weekday right after one of these is the deadline. */
  deadlineNouns: Words.default([]),
  countedNouns: Words,
  /** "к чёрной пятнице": words before a weekday that make it a day's name ("-" ends a stem). */
  namedDays: Words.default([]),
  /** The endings a namedDays stem may take (a singular adjective's). */
  namedDayEndings: Words.default([]),
  casualDates: Words,
  /** Words said to the assistant that may follow a date and end its phrase ("… двадцать пятого пожалуйста"). */
  saidToAssistant: Words,
  /** Meetings named right before "на" + an hour in words: "встречу на двенадцать" is its time. */
  hourAfterMeetings: Words,
  splitCasualDates: NumberMap.default({}),
  recurrence: Words,
  filterWords: Words,
});

const EnGrammarSchema = z.object({
  weekdays: NumberMap,
  dayParts: NumberMap,
  dayPartsAfterDate: NumberMap.default({}),
  nextWeek: Words,
  endOfWeek: Words,
  endOfDay: Words.default([]),
  endOfMonth: Words.default([]),
  recurrence: Words,
  fixedDurations: NumberMap,
  durationUnits: NumberMap,
  allDay: Words,
  markers: z.record(z.string(), z.boolean()),
  rangeConnectors: Words,
  rangeOpeners: Words,
  nextWords: Words,
  thisWords: Words,
  /** "Tuesday week", "a week on Tuesday": words said after or before a weekday for a week later. */
  weekdayWeek: z.object({ after: Words, before: Words }).default({ after: [], before: [] }),
  // Numbers as words (spoken dates and times).
  cardinals: NumberMap,
  tens: NumberMap,
  ordinals: NumberMap,
  thousand: Words,
  hundred: Words,
  months: NumberMap,
  verbMonths: Words,
  subjects: Words,
  meridiem: z.record(z.string(), z.enum(['am', 'pm'])),
  oClock: Words,
  noonWords: NumberMap,
  minuteWords: NumberMap,
  pastWords: Words,
  /** Nouns numbered by what follows them: "task seventeen fifty" is task 1750, no time. */
  numberedNouns: Words.default([]),
  /** "Black Friday": words before a weekday that make it a day's name. */
  namedDays: Words.default([]),
  /** British "half two" (2:30) also after these: "my half two meeting", "make it half three". */
  halfHourAfter: Words.default([]),
  /** …and right after a day: a weekday or one of these ("on Friday, half two"). */
  halfHourAfterDays: Words.default([]),
  toWords: Words,
  timePrepositions: Words,
  bareHourFollowers: Words,
  relativeWords: Words,
  dayUnits: NumberMap,
  filterWords: Words,
});

export type RuGrammar = z.infer<typeof RuGrammarSchema>;
export type EnGrammar = z.infer<typeof EnGrammarSchema>;

export interface DateGrammars {
  ru: RuGrammar;
  en: EnGrammar;
}

/** The repository's grammars/ folder (src/nlu/dates → ../../../grammars). */
export const DEFAULT_GRAMMAR_DIR = path.resolve(__dirname, '..', '..', '..', 'grammars');

function loadOne<T>(file: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = parseYaml(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`date grammar ${file} cannot be read: ${(err as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`date grammar ${file} is malformed: ${parsed.error.message}`);
  }
  return lowerKeys(parsed.data);
}

/** Keys are matched case-insensitively; store them lower-cased once. */
function lowerKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v.toLowerCase() : v)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out[k] = v && typeof v === 'object' && !Array.isArray(v) ? lowerKeysFlat(v as Record<string, unknown>) : lowerKeys(v);
    }
    return out as T;
  }
  return value;
}

function lowerKeysFlat(map: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(map)) out[k.toLowerCase()] = v;
  return out;
}

export function loadDateGrammars(dir: string = DEFAULT_GRAMMAR_DIR): DateGrammars {
  return {
    ru: loadOne(path.join(dir, 'dates-ru.yaml'), RuGrammarSchema),
    en: loadOne(path.join(dir, 'dates-en.yaml'), EnGrammarSchema),
  };
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A non-capturing alternation of the given words, longest first; spaces inside a phrase match
 * any run of whitespace (speech and typing differ there).
 */
export function alternation(words: Iterable<string>): string {
  const list = [...new Set(words)].sort((a, b) => b.length - a.length);
  return `(?:${list.map((w) => escapeRegex(w).replace(/ /g, '\\s+')).join('|')})`;
}

/** Look a matched phrase up in a map, folding case and whitespace. */
export function lookup<T>(map: Record<string, T>, phrase: string): T | undefined {
  return map[phrase.toLowerCase().replace(/\s+/g, ' ').trim()];
}
