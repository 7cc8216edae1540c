/**
 * The parser's vocabulary: what `parse(text, ctx)` takes and returns (the contract is
 * `../shared/spec/nlu.md`), and the shapes its pieces (dates, persons) hand to each other.
 */

export type Lang = 'ru' | 'en';

export type IntentName =
  | 'message.send'
  | 'event.create'
  | 'task.create'
  | 'lead.score'
  | 'agenda.query'
  | 'task.complete'
  | 'task.update'
  | 'event.update'
  | 'event.cancel'
  | 'confirm'
  | 'reject'
  | 'cancel'
  | 'help'
  | 'unknown';

/** One user of a portal, as the directory hands it to the parser. */
export interface DirectoryUser {
  id: number;
  name: string;
  lastName: string;
  secondName?: string;
  gender?: 'M' | 'F';
  timeZone?: string;
  active?: boolean;
}

/** The portal's users; `self` is the speaker's id. Same shape as `shared/corpus/directory.json`. */
export interface Directory {
  self: number;
  timeZone?: string;
  users: DirectoryUser[];
}

/** A person slot, per nlu.md. */
export type PersonSlot =
  | { userId: number }
  | { self: true }
  | { candidates: number[] }
  | { unresolved: string };

/**
 * A time value local to the user's zone, without offset:
 * "2026-12-01" (a date said without a time) or "2026-12-01T13:15" (a moment).
 */
export type LocalDateTime = string;

/** OpenCorpora case tags, as `az` names them. */
export type GramCase = 'nomn' | 'gent' | 'datv' | 'accs' | 'ablt' | 'loct';

export interface LeadRef {
  id?: number;
  context?: true;
  query?: string;
  entity?: 'deal';
}

/** What the user said to point at an existing task or event (nlu.md, "Reading and changing
 *  what exists"); `{}` for "эту задачу" / "this meeting". */
export interface ItemRef {
  id?: number;
  query?: string;
  person?: PersonSlot;
  at?: LocalDateTime;
}

export interface Slots {
  recipient?: PersonSlot;
  text?: string;
  title?: string;
  start?: LocalDateTime;
  end?: LocalDateTime;
  allDay?: boolean;
  attendees?: PersonSlot[];
  responsible?: PersonSlot;
  deadline?: LocalDateTime;
  lead?: LeadRef;
  /** agenda.query: only tasks or only events; absent for both. */
  kind?: 'tasks' | 'events';
  from?: LocalDateTime;
  to?: LocalDateTime;
  overdue?: boolean;
  /** agenda.query: whose plan, when not the speaker's. */
  person?: PersonSlot;
  task?: ItemRef;
  event?: ItemRef;
}

export interface ParseContext {
  /** The current instant. The parser never reads the system clock. */
  now: Date;
  /** The user's IANA time zone; every time value is local to it. */
  timeZone: string;
  /** The portal's users. */
  directory: Directory;
  /** Language hint; detected from the text when absent. */
  lang?: Lang;
  /** The intent the dialogue is asking about, so "нет, на среду" is read as a correction of it. */
  expecting?: IntentName;
}

export interface ParseResult {
  intent: IntentName;
  slots: Slots;
  /** Language the text was read in. */
  lang: Lang;
  /** Names of the grammar pieces that matched, to trace a wrong parse. */
  trace?: string[];
}

/** A date or time expression found in the text (see src/nlu/dates). */
export interface DateMention {
  /** Offset of the first character in the text given to the extractor. */
  index: number;
  /** The matched text, exactly as it stands in the input. */
  text: string;
  start: LocalDateTime;
  end?: LocalDateTime;
  allDay?: boolean;
  /** "до пятницы", "к понедельнику", "by Friday", "due …", "сроком …": said as a deadline. */
  deadline?: boolean;
  /** Names of the parsers and refiners that produced it. */
  tags: string[];
}

/** A person found in the text (see src/nlu/persons). */
export interface PersonMention {
  index: number;
  /** Offset just past the last character. */
  end: number;
  text: string;
  slot: PersonSlot;
  /** 'pronoun' for меня/мне/себе/me; 'name' for a directory match; 'unknown' for a name nobody has. */
  kind: 'name' | 'pronoun' | 'unknown';
  /** Cases the surface form was read in (for Russian); empty for English or indeclinable forms. */
  cases: GramCase[];
  /** The preposition right before the mention, lower-cased ("на", "с", "для", "for", "with", "to"), if any. */
  preposition?: string;
}
