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

/** A local date without a time ("2026-12-01"). */
export type LocalDate = string;

/**
 * What the user said to point at an existing task or event (nlu.md, "Reading and changing what
 * exists"): its id, words of its title, a person with it, the date or moment it is on now.
 */
export interface ItemRef {
  id?: number;
  query?: string;
  person?: PersonSlot;
  at?: LocalDateTime;
}

// Slots per intent: what each intent may carry, so a reader of `ParseResult` sees typed slots.
export interface MessageSendSlots {
  recipient?: PersonSlot;
  text?: string;
}
export interface EventCreateSlots {
  title?: string;
  start?: LocalDateTime;
  end?: LocalDateTime;
  allDay?: boolean;
  attendees?: PersonSlot[];
}
export interface TaskCreateSlots {
  title?: string;
  responsible?: PersonSlot;
  deadline?: LocalDateTime;
}
export interface LeadScoreSlots {
  lead?: LeadRef;
}
export interface AgendaQuerySlots {
  /** Only tasks or only events; absent when both (or neither) are named. */
  kind?: 'tasks' | 'events';
  from?: LocalDate;
  to?: LocalDate;
  overdue?: true;
  /** Whose plan; absent for the speaker's own. */
  person?: PersonSlot;
}
export interface TaskCompleteSlots {
  task?: ItemRef;
}
export interface TaskUpdateSlots {
  task?: ItemRef;
  deadline?: LocalDateTime;
  responsible?: PersonSlot;
}
export interface EventUpdateSlots {
  event?: ItemRef;
  start?: LocalDateTime;
  end?: LocalDateTime;
}
export interface EventCancelSlots {
  event?: ItemRef;
}
/** Replies carry no slots. */
export type NoSlots = Record<string, never>;

/** Slots by intent. A `reject` may carry the corrected slots of the intent under discussion. */
export interface SlotsByIntent {
  'message.send': MessageSendSlots;
  'event.create': EventCreateSlots;
  'task.create': TaskCreateSlots;
  'lead.score': LeadScoreSlots;
  'agenda.query': AgendaQuerySlots;
  'task.complete': TaskCompleteSlots;
  'task.update': TaskUpdateSlots;
  'event.update': EventUpdateSlots;
  'event.cancel': EventCancelSlots;
  confirm: NoSlots;
  reject: Slots;
  cancel: NoSlots;
  help: NoSlots;
  unknown: NoSlots;
}

/** Every slot any intent has: what the parser's pieces fill before the intent is fixed. */
export type Slots = MessageSendSlots &
  EventCreateSlots &
  TaskCreateSlots &
  LeadScoreSlots &
  AgendaQuerySlots &
  TaskCompleteSlots &
  TaskUpdateSlots &
  EventUpdateSlots &
  EventCancelSlots;

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

/** One parse of an intent with its own slots. */
export interface ParsedAs<I extends IntentName> {
  intent: I;
  slots: SlotsByIntent[I];
  /** Language the text was read in. */
  lang: Lang;
  /** Names of the grammar pieces that matched, to trace a wrong parse. */
  trace?: string[];
}

/** What `parse` returns: a union discriminated by `intent`, so slots are typed where they are read. */
export type ParseResult = { [I in IntentName]: ParsedAs<I> }[IntentName];

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
  /** A length said apart from its time ("book 30 min with Giorgi Monday 9am"): its place, its
   *  words the date's though `text` is the time's. */
  lengthAt?: { index: number; length: number };
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
  /** A role word stands between the preposition and the name ("на доктора Пахомова"). */
  roleWord?: true;
  /** Said as a possessive ("emily's", "sanjays report"): the owner of a thing, not a role. */
  possessive?: true;
}
