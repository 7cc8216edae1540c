/** The compiled form of `grammars/change-<lang>.yaml`: agenda questions and changes to existing items. */
import { WordSet, loadGrammar } from './grammar';
import type { Lang } from './types';

export type VerbClass = 'complete' | 'move' | 'reassign' | 'extend' | 'cancel';
export type Period = 'this_week' | 'next_week' | 'weekend' | 'this_month' | 'end_of_week';
export type NounKind = 'task' | 'event' | 'neutral';

interface ChangeFile {
  nouns: Record<NounKind, string[]>;
  verbs: Record<VerbClass, string[]>;
  /** Infinitives ("перенести"): a change only when they open the utterance ("надо перенести встречу"). */
  infinitives?: Partial<Record<VerbClass, string[]>>;
  done: string[];
  resumptive?: { pronouns: string[]; statements: string[]; subjects: string[]; verbs?: Partial<Record<VerbClass, string[]>> };
  before_verb?: string[];
  time_before_noun?: string[];
  name_before_verb?: string[];
  infinitive_modals?: string[];
  event_only_verbs?: string[];
  fillers: string[];
  deadline_nouns?: string[];
  obligation_verbs?: string[];
  noun_query_markers?: string[];
  message_objects?: { nouns: string[]; before: string[] };
  done_news?: string[];
  done_closers?: string[];
  naming_markers?: string[];
  inner_articles?: string[];
  reasons?: string[];
  run_particles?: string[];
  reassign_prepositions?: string[];
  instead?: string[];
  plan_topics?: string[];
  generic_before?: string[];
  set_done?: { verbs: string[]; to: string[]; done: string[] };
  street_prepositions?: string[];
  relative?: { pronouns: string[]; verbs: string[]; subjects?: string[]; set_verbs?: string[] };
  definite_only?: { verbs: string[]; indefinite: string[]; definite?: string[] };
  this: string[];
  query_markers: string[];
  new_value: string[];
  weak_new_value?: string[];
  places?: { prepositions: string[]; nouns: string[] };
  split_at: string[];
  split_move?: { verbs: string[]; particles: string[] };
  split_cancel?: { verbs: string[]; particles: string[] };
  id_move?: { verbs: string[]; values: string[] };
  old_value: string[];
  hour_prepositions: string[];
  day_adjectives: Record<string, number>;
  weekday_adjectives?: Record<string, string>;
  shift: { prepositions: string[]; units: string[]; hour_units: string[]; directions: string[]; particles?: string[]; more?: string[]; amounts?: string[]; bare_at_end?: { not_after: string[] } };
  agenda: { openers: string[]; bare_nouns?: string[]; owned_nouns?: { nouns: string[]; before_date: string[] }; counting?: string[]; prices?: string[]; kind_adjectives?: string[]; fillers?: string[]; event_nouns: string[]; until: string[]; owner: string[]; plan_words: string[]; overdue: string[]; periods: Record<Period, string[]> };
}

export interface ChangeGrammar {
  nouns: [NounKind, WordSet][];
  verbs: [VerbClass, WordSet][];
  infinitives: [VerbClass, WordSet][];
  done: WordSet;
  /** "Задача «X» выполнена, закрой её": the item named first, then a change verb with a pronoun
   *  for it. The pronouns, the news said of the item before the verb, and the subjects of that news. */
  resumptive: { pronouns: WordSet; statements: WordSet; subjects: WordSet;
    /** Said with the pronoun, after the item is named: "put it on Dilnoza", "make it due Friday". */
    verbs: [VerbClass, WordSet][] };
  /** Words that may stand before an English change verb ("do remove …", "just cancel …"). */
  beforeVerb: WordSet;
  /** "после обеда", "after lunch": an item's noun after these is a time of day, no item. */
  timeBeforeNoun: WordSet;
  /** "the task for Mark Young": after these a later change verb is a name's first word, no verb. */
  nameBeforeVerb: WordSet;
  /** "эту задачу можно закрыть": after these an infinitive is the change wherever it stands. */
  infinitiveModals: WordSet;
  /** "reschedule the journal club to Friday": verbs only events take, so no noun need say it is one. */
  eventOnlyVerbs: WordSet;
  fillers: WordSet;
  /** "move the deadline for the grant report to the 30th": a deadline named with no item noun
   *  stands for its task when it is moved. */
  deadlineNouns: WordSet;
  /** "have", "need": before them "to do" is an infinitive, no to-do ("what do i have to do today"). */
  obligationVerbs: WordSet;
  /** "done with task 88", "задача 88 готова": news of a task done, said to the assistant with no
   *  verb, asks to close it. */
  doneNews: WordSet;
  /** "task 318 done already, pls close": what may follow the news, asking to close it. */
  doneClosers: WordSet;
  /** "the meeting called budget review": after a kind of meeting, these give its name alone. */
  namingMarkers: WordSet;
  /** Articles kept inside a query after its noun's words ("meeting with the supplier"). */
  innerArticles: WordSet;
  /** "…, поскольку поставщик задерживает": after a comma, the reason for the change, no query words. */
  reasons: WordSet;
  /** "hand the task about X over to Orla": a particle of the verb after a query marker's run, right
   *  before the new value, is the verb's, no word of the query. */
  runParticles: WordSet;
  /** "put the boiler task on Artem": the preposition a reassigning verb gives its new responsible. */
  reassignPrepositions: WordSet;
  /** "… instead of Semyon", "вместо Семёна": the person after these is who has the item now. */
  instead: WordSet;
  /** "план по выручке": after a plan noun, these open the work it is a plan of — no agenda. */
  planTopics: WordSet;
  /** "the CPT code for an office visit": before an item's noun, a thing of that kind in general, no plan. */
  genericBefore: WordSet;
  /** "set the onboarding task to completed", "move the X task to done": a status set to done. */
  setDone: { verbs: WordSet; to: WordSet; done: WordSet };
  /** "на Ленина": a street after a word of the item's name (closing or cancelling it). */
  streetPrepositions: WordSet;
  /** "ту встречу, что на среду была": a date in a relative clause is the item's, not a new value. */
  relative: { pronouns: WordSet; verbs: WordSet; subjects: WordSet; setVerbs: WordSet };
  /** Verbs that also create ("give", "assign"): a change only of an item named definitely — an
   *  indefinite word before its noun ("give Emma a task …") makes a new one. */
  definiteOnly: { verbs: WordSet; indefinite: WordSet; definite: WordSet };
  thisWords: WordSet;
  queryMarkers: WordSet;
  /** Markers of the query only right after the item's noun, before a word no slot took ("the task on vendor registration"). */
  nounQueryMarkers: WordSet;
  /** "drop a message to …", "drop Kamau a line": after a change verb (and its article or person), these make it a message's verb. */
  messageObjects: { nouns: WordSet; before: WordSet };
  newValue: WordSet;
  /** "reschedule … for Friday": a new value only when no other is said. */
  weakNewValue: WordSet;
  /** "the event Business trip to Madrid": after a travel noun and one of these prepositions, a name
   *  nobody here has is a place in the title, not a person ("my call to Oleg" keeps Oleg). */
  places: { prepositions: WordSet; nouns: WordSet };
  splitAt: WordSet;
  /** "bring the meeting forward": a move verb only with one of its particles after the item. */
  splitMove: { verbs: WordSet; particles: WordSet };
  /** "call the meeting off", "take this meeting off my calendar": a cancel only with its particle after the item. */
  splitCancel: { verbs: WordSet; particles: WordSet };
  /** "make task 918 due …": a move only of a task named by its number, with a new value after. */
  idMove: { verbs: WordSet; values: WordSet };
  oldValue: WordSet;
  hourPrepositions: WordSet;
  dayAdjectives: [WordSet, number][];
  /** "fridays standup": the possessive → the weekday said plainly (read by the date extractor). */
  weekdayAdjectives: Map<string, string>;
  shiftPrepositions: WordSet;
  shiftUnits: WordSet;
  shiftHourUnits: WordSet;
  shiftDirections: WordSet;
  /** A move's particle said with no amount ('push the standup back to 11'): the verb's, no query word. */
  shiftParticles: WordSet;
  /** "two more days": between the amount and its unit, a shift said as time added. */
  shiftMore: WordSet;
  /** "a couple of days": an amount said in words before the unit. */
  shiftAmounts: WordSet;
  /** "postpone the standup half an hour": an amount and unit closing the utterance is a shift
   *  (null: never; otherwise not after these words). */
  shiftBareAtEnd: WordSet | null;
  openers: WordSet;
  /** Plan nouns that open a question said with no opener ("calendar next week"). */
  bareNouns: WordSet;
  /** …and ones that do so only after their owner, or with nobody named and only a date after them
   *  ("Kenji-san schedule next week?", "schedule for Wednesday?"); said first they are a verb. */
  ownedNouns: { nouns: WordSet; beforeDate: WordSet };
  /** "how many …": an opener that counts the noun after it — a question about something else
   *  ("how many rooms are booked") unless that noun is ours. */
  counting: WordSet;
  /** "сколько стоит …", "how much does … cost": after a counting opener, a price asked. */
  prices: WordSet;
  /** Before an opener: "Просроченные задачи Антона". */
  kindAdjectives: WordSet;
  /** Nouns that make an agenda question about events but name no item ("календарь"). */
  agendaEventNouns: WordSet;
  /** "до пятницы", "until Friday": the agenda runs from today to that date. */
  until: WordSet;
  owner: WordSet;
  planWords: WordSet;
  /** Words of an agenda question that say nothing ("what does Lena have on Friday"). */
  agendaFillers: WordSet;
  overdue: WordSet;
  periods: [Period, WordSet][];
}

export function loadChangeGrammar(lang: Lang): ChangeGrammar {
  const g = loadGrammar<ChangeFile>(`change-${lang}.yaml`);
  const pairs = <K extends string>(r: Partial<Record<K, string[]>>): [K, WordSet][] =>
    (Object.keys(r) as K[]).map((k) => [k, new WordSet(r[k] ?? [])]);
  return {
    nouns: pairs(g.nouns),
    verbs: pairs(g.verbs),
    infinitives: pairs(g.infinitives ?? {}),
    done: new WordSet(g.done),
    resumptive: { pronouns: new WordSet(g.resumptive?.pronouns ?? []), statements: new WordSet(g.resumptive?.statements ?? []), subjects: new WordSet(g.resumptive?.subjects ?? []), verbs: pairs(g.resumptive?.verbs ?? {}) },
    beforeVerb: new WordSet(g.before_verb ?? []),
    timeBeforeNoun: new WordSet(g.time_before_noun ?? []),
    nameBeforeVerb: new WordSet(g.name_before_verb ?? []),
    infinitiveModals: new WordSet(g.infinitive_modals ?? []),
    eventOnlyVerbs: new WordSet(g.event_only_verbs ?? []),
    fillers: new WordSet(g.fillers),
    deadlineNouns: new WordSet(g.deadline_nouns ?? []),
    obligationVerbs: new WordSet(g.obligation_verbs ?? []),
    doneNews: new WordSet(g.done_news ?? []),
    doneClosers: new WordSet(g.done_closers ?? []),
    namingMarkers: new WordSet(g.naming_markers ?? []),
    innerArticles: new WordSet(g.inner_articles ?? []),
    reasons: new WordSet(g.reasons ?? []),
    runParticles: new WordSet(g.run_particles ?? []),
    reassignPrepositions: new WordSet(g.reassign_prepositions ?? []),
    instead: new WordSet(g.instead ?? []),
    planTopics: new WordSet(g.plan_topics ?? []),
    genericBefore: new WordSet(g.generic_before ?? []),
    setDone: { verbs: new WordSet(g.set_done?.verbs ?? []), to: new WordSet(g.set_done?.to ?? []), done: new WordSet(g.set_done?.done ?? []) },
    streetPrepositions: new WordSet(g.street_prepositions ?? []),
    relative: { pronouns: new WordSet(g.relative?.pronouns ?? []), verbs: new WordSet(g.relative?.verbs ?? []), subjects: new WordSet(g.relative?.subjects ?? []), setVerbs: new WordSet(g.relative?.set_verbs ?? []) },
    definiteOnly: { verbs: new WordSet(g.definite_only?.verbs ?? []), indefinite: new WordSet(g.definite_only?.indefinite ?? []), definite: new WordSet(g.definite_only?.definite ?? []) },
    thisWords: new WordSet(g.this),
    queryMarkers: new WordSet(g.query_markers),
    nounQueryMarkers: new WordSet(g.noun_query_markers ?? []),
    messageObjects: { nouns: new WordSet(g.message_objects?.nouns ?? []), before: new WordSet(g.message_objects?.before ?? []) },
    newValue: new WordSet(g.new_value),
    weakNewValue: new WordSet(g.weak_new_value ?? []),
    places: { prepositions: new WordSet(g.places?.prepositions ?? []), nouns: new WordSet(g.places?.nouns ?? []) },
    splitAt: new WordSet(g.split_at),
    idMove: { verbs: new WordSet(g.id_move?.verbs ?? []), values: new WordSet(g.id_move?.values ?? []) },
    splitMove: { verbs: new WordSet(g.split_move?.verbs ?? []), particles: new WordSet(g.split_move?.particles ?? []) },
    splitCancel: { verbs: new WordSet(g.split_cancel?.verbs ?? []), particles: new WordSet(g.split_cancel?.particles ?? []) },
    oldValue: new WordSet(g.old_value),
    hourPrepositions: new WordSet(g.hour_prepositions),
    dayAdjectives: Object.entries(g.day_adjectives).map(([w, d]) => [new WordSet([w]), Number(d)]),
    weekdayAdjectives: new Map(Object.entries(g.weekday_adjectives ?? {})),
    shiftPrepositions: new WordSet(g.shift.prepositions),
    shiftUnits: new WordSet(g.shift.units),
    shiftHourUnits: new WordSet(g.shift.hour_units),
    shiftDirections: new WordSet(g.shift.directions),
    shiftParticles: new WordSet(g.shift.particles ?? []),
    shiftMore: new WordSet(g.shift.more ?? []),
    shiftAmounts: new WordSet(g.shift.amounts ?? []),
    shiftBareAtEnd: g.shift.bare_at_end ? new WordSet(g.shift.bare_at_end.not_after) : null,
    openers: new WordSet(g.agenda.openers),
    bareNouns: new WordSet(g.agenda.bare_nouns ?? []),
    ownedNouns: { nouns: new WordSet(g.agenda.owned_nouns?.nouns ?? []), beforeDate: new WordSet(g.agenda.owned_nouns?.before_date ?? []) },
    counting: new WordSet(g.agenda.counting ?? []),
    prices: new WordSet(g.agenda.prices ?? []),
    kindAdjectives: new WordSet(g.agenda.kind_adjectives ?? []),
    agendaEventNouns: new WordSet(g.agenda.event_nouns),
    until: new WordSet(g.agenda.until),
    owner: new WordSet(g.agenda.owner),
    planWords: new WordSet(g.agenda.plan_words),
    agendaFillers: new WordSet(g.agenda.fillers ?? []),
    overdue: new WordSet(g.agenda.overdue),
    periods: pairs(g.agenda.periods),
  };
}

/** The first match of any set in `sets` at word i: its key and length. */
export function matchKeyAt<K>(sets: readonly [K, WordSet][], words: readonly string[], i: number): { key: K; len: number } | null {
  let best: { key: K; len: number } | null = null;
  for (const [key, set] of sets) {
    const n = set.matchAt(words, i);
    if (n && (!best || n > best.len)) best = { key, len: n };
  }
  return best;
}
