/** The compiled form of `grammars/slots-<lang>.yaml`. */
import { WordSet, fold, loadGrammar } from './grammar';
import { quotes } from './utterance';
import type { GramCase, Lang } from './types';
import { caseMask } from './persons/cases';

interface SlotsFile {
  title_markers: string[];
  title_word_markers?: string[];
  objects_after_title_words?: boolean;
  text_markers: string[];
  role_words: string[];
  role_after?: string[];
  role_before?: string[];
  vague_titles?: string[];
  command_fillers: string[];
  not_modifiers?: string[];
  left_only_fillers?: string[];
  title_person_prepositions?: string[];
  past_topic_prepositions?: string[];
  place_prepositions?: string[];
  preposition_homophones?: Record<string, string>;
  homophones_not_after?: string[];
  verb_homophones?: Record<string, string>;
  verb_particles?: Record<string, string[]>;
  verb_particle_before?: string[];
  event_place_prepositions?: string[];
  outsider_markers?: string[];
  event_title_openers?: string[];
  purpose_markers?: string[];
  subject_modals?: string[];
  restart_min_words?: number;
  restart_prepositions?: string[];
  hour_words?: string[];
  thanks?: string[];
  person_description_prepositions?: string[];
  text_openers?: string[];
  attendee_prepositions?: string[];
  person_joiners?: string[];
  title_topics?: string[];
  negations?: string[];
  negated_pronouns?: string[];
  edge_words: string[];
  tail_words?: string[];
  chat_fillers?: string[];
  hesitations?: string[];
  calendar_prepositions?: string[];
  /** Words written wrong or run together by chat and recognisers, as they are meant ("calender"). */
  spellings?: Record<string, string>;
  /** Words typed with two letters swapped or one dropped ("thrusday", "wensday"), put right. */
  misspelt?: string[];
  /** Particles hyphened onto a word that change nothing asked ("отмени-ка"). */
  enclitics?: string[];
  short_hesitations?: { words: string[]; after: string[] };
  /** Prepositions a speaker may say twice in a row ("на на Васю"): the first is blanked. */
  said_twice?: string[];
  glued_prepositions?: Record<string, GramCase[]>;
  repair?: { markers: string[]; hesitations?: string[]; negation?: string[]; contrast?: string[]; after_value?: string[] };
  message_channels?: string[];
  recipient_descriptions?: string[];
  event_kinds: Record<string, string[]>;
  own_kinds?: string[];
  kind_repair?: string[];
  event_plain: string[];
  lead: { nouns: Record<string, 'lead' | 'deal'>; this: string[]; number: string[]; not_names: string[]; with?: string[]; company?: string[]; legal_forms?: string[]; titles?: string[] };
}

export interface SlotsGrammar {
  titleMarkers: WordSet;
  /** Markers that are also ordinary title words: a marker only when no title word is right before. */
  titleWordMarkers: WordSet;
  /** A person right after a title word, with no preposition, is its object and stays in the title (English). */
  objectsAfterTitleWords: boolean;
  textMarkers: WordSet;
  roleWords: WordSet;
  /** Said right after a person, these make them the responsible ("with Uwe Schulze as responsible"). */
  roleAfter: WordSet;
  /** "…, responsible Hari": said right before the person who is responsible, whoever else is named. */
  roleBefore: WordSet;
  /** "add something to my calendar": titles that name nothing (lower case, as said). */
  vagueTitles: Set<string>;
  commandFillers: WordSet;
  /** Words that are no modifier of the kind after them ("I have meeting with …"): said of it. */
  notModifiers: WordSet;
  /** Fillers taken only before a command word (articles: "a message", not "message the …"). */
  leftOnlyFillers: WordSet;
  /** Prepositions after which a person stays in a task's title ("созвониться с Антоном"). */
  titlePersonPrepositions: WordSet;
  /** "reconcile the ticket scans from last night": a day already past after one of these is what
   *  the task is about, no deadline. */
  pastTopicPrepositions: WordSet;
  /** Prepositions of a place: an unknown name after one, right after a title word, is a place ("flights to Berlin"). */
  placePrepositions: WordSet;
  /** In an event, after a title word: a place, never an attendee ("проверка аптеки на Гагарина"). */
  eventPlacePrepositions: WordSet;
  /** In an event, right after a name nobody here has: where that outsider is from, so they stay
   *  in the title, no attendee ("a call with Brenda from Stryker"). */
  outsiderMarkers: WordSet;
  /** Opening the words that name an event with no kind of meeting said, the purpose's preposition,
   *  no word of the name ("block Friday for trial prep"). */
  eventTitleOpeners: WordSet;
  /** "a call to go over the quotes": right after a kind of meeting, the purpose keeps its marker. */
  purposeMarkers: WordSet;
  /** "Ziad needs to book the truck …": said right after the responsible, before the task. */
  subjectModals: WordSet;
  /** A command's first words said again later restart it ("add a stand up every uh add a stand up …"): this many at least; 0 = off. */
  restartMinWords: number;
  /** "на ко на корнилова": a preposition and a name cut off, said again in full. */
  restartPrepositions: WordSet;
  /** Words of time after an hour ("в 3 часа", "в 10 утра"): the number before them is an hour. */
  hourWords: WordSet;
  /** Thanks said to the assistant after a message's text ("…? Ta"): no word of the text. */
  thanks: WordSet;
  /** "task for Kevin in accounting: …": after the responsible and before a colon, who they are. */
  personDescriptionPrepositions: WordSet;
  /** Command fillers that may open a message's text ("давай созвонимся"). */
  textOpeners: WordSet;
  /** Prepositions of an event's attendees: a marked title ends before one with a person after it. */
  attendeePrepositions: WordSet;
  /** Words joining two persons of one slot ("Вере и Петру"). */
  personJoiners: WordSet;
  /** Words opening a meeting's topic said after an attendee ("… с Антоном по бюджету"). */
  titleTopics: WordSet;
  /** Words negating the slot after them in a correction ("не Антону, а Маше"). */
  negations: WordSet;
  /** "not me Fatima": a pronoun after the negation is what is negated, no preposition before the
   *  next name (short prepositions stand there: "не в среду"). */
  negatedPronouns: WordSet;
  edgeWords: WordSet;
  /** Said to the assistant at the very end ("… or not?", "… can?", "lah"): no title's words. */
  tailWords: WordSet;
  /** Chat politeness and its abbreviations ("плз", "pls"): meant for the assistant, never part of
   *  a title or a query (a message text dictated after its marker keeps them). */
  chatFillers: WordSet;
  /** Prepositions a recogniser glues to the next word → the cases (mask) a dictionary word after
   *  one must be in to be split off (0: only a date word is). */
  gluedPrepositions: Map<string, number>;
  /** Short sounds of hesitation ("э", "um"), blanked only where they cannot be a word (after a preposition). */
  shortHesitations: WordSet;
  /** The text with its hesitations ("um", "uh") outside quotes blanked to spaces (offsets kept):
   *  they carry no meaning, wherever they stand. */
  blankHesitations: (text: string) => string;
  /** "to my calendar", "в календарь": the prepositions before the calendar, a place and no title word. */
  calendarPrepositions: WordSet;
  /** The text with `spellings` put right (outside quotes). */
  respell: (text: string) => string;
  /** "create a task four rose to …": a word that sounds like a preposition, before a name, is it. */
  prepositionHomophones: Homophones;
  /** After these a preposition's homophone is itself ("at four sharp": the hour). */
  homophonesNotAfter: WordSet;
  /** "remind me too ask …": a word that sounds like "to", before a verb of the task's content. */
  verbHomophones: Homophones;
  /** "put … in", "pencil … in": a command verb's particle said after its object. */
  verbParticles: Map<string, Set<string>>;
  /** "put a task in for Fatima to …": words before which the particle right after the command's noun is the verb's. */
  verbParticleBefore: WordSet;
  /** The table's words found in a text, as [said, respelt]: a slot gives back what the user said. */
  respelt: (text: string) => [string, string][];
  /** A self-repair between two values of one slot ("в четверг ой нет в пятницу"): the later wins. */
  repairMarkers: WordSet;
  /** Sounds that may stand in a repair beside its words ("э", "ммм"), never one alone. */
  repairHesitations: WordSet;
  /** "не A, а B": the negation before the first value and the contrast word between the two. */
  repairNegation: WordSet;
  repairContrast: WordSet;
  /** A word the first value's sentence went on with before the repair ("for garfield to um no for jermaine"). */
  repairAfterValue: WordSet;
  /** Where a message goes, said between its recipient and its text ("в личку"): no word of the text. */
  messageChannels: WordSet;
  /** Prepositions of a short description of the recipient before a text marker ("Васе из
   *  бухгалтерии, что …"): the description is no word of the text. */
  recipientDescriptions: WordSet;
  /** Folded word form → the kind's nominative ("встречу" → "встреча"). */
  eventKinds: Map<string, string>;
  /** Said between two kinds of meeting, the first is a false start ("a call no a meeting"). */
  kindRepair: WordSet | null;
  eventPlain: WordSet;
  /** "Wanjiru's visit": kinds of event a person's possessive makes theirs, nobody invited. */
  ownKinds: WordSet;
  leadNouns: Map<string, 'lead' | 'deal'>;
  leadThis: WordSet;
  leadNumber: WordSet;
  /** "the lead score for Mrs. Okonkwo": a courtesy title before the contact's name names nothing. */
  leadTitles: WordSet;
  leadNotNames: WordSet;
  /** Prepositions between the noun and the name ("сделка с Ромашкой"). */
  leadWith: WordSet;
  /** Words before a lead's name that only say what it is ("с компанией Ромашка"). */
  leadCompany: WordSet;
  /** Of those, the legal forms that belong to the name as said ("ООО Уралтранс"). */
  leadLegalForms: WordSet;
}

export function loadSlotsGrammar(lang: Lang): SlotsGrammar {
  const g = loadGrammar<SlotsFile>(`slots-${lang}.yaml`);
  const kinds = new Map<string, string>();
  for (const [nominative, forms] of Object.entries(g.event_kinds)) for (const f of forms) kinds.set(fold(f), nominative);
  const nouns = new Map<string, 'lead' | 'deal'>();
  for (const [k, v] of Object.entries(g.lead.nouns)) nouns.set(fold(k), v);
  const spellings = { ...slips(g.misspelt ?? []), ...(g.spellings ?? {}) };
  return {
    titleMarkers: new WordSet(g.title_markers),
    titleWordMarkers: new WordSet(g.title_word_markers ?? []),
    objectsAfterTitleWords: g.objects_after_title_words === true,
    textMarkers: new WordSet(g.text_markers),
    messageChannels: new WordSet(g.message_channels ?? []),
    recipientDescriptions: new WordSet(g.recipient_descriptions ?? []),
    roleWords: new WordSet(g.role_words),
    roleAfter: new WordSet(g.role_after ?? []),
    roleBefore: new WordSet(g.role_before ?? []),
    vagueTitles: new Set((g.vague_titles ?? []).map((t) => t.toLowerCase())),
    commandFillers: new WordSet(g.command_fillers),
    notModifiers: new WordSet(g.not_modifiers ?? []),
    leftOnlyFillers: new WordSet(g.left_only_fillers ?? []),
    titlePersonPrepositions: new WordSet(g.title_person_prepositions ?? []),
    pastTopicPrepositions: new WordSet(g.past_topic_prepositions ?? []),
    placePrepositions: new WordSet(g.place_prepositions ?? []),
    eventPlacePrepositions: new WordSet(g.event_place_prepositions ?? g.place_prepositions ?? []),
    outsiderMarkers: new WordSet(g.outsider_markers ?? []),
    eventTitleOpeners: new WordSet(g.event_title_openers ?? []),
    purposeMarkers: new WordSet(g.purpose_markers ?? []),
    subjectModals: new WordSet(g.subject_modals ?? []),
    restartMinWords: g.restart_min_words ?? 0,
    restartPrepositions: new WordSet(g.restart_prepositions ?? []),
    hourWords: new WordSet(g.hour_words ?? []),
    thanks: new WordSet(g.thanks ?? []),
    personDescriptionPrepositions: new WordSet(g.person_description_prepositions ?? []),
    textOpeners: new WordSet(g.text_openers ?? []),
    attendeePrepositions: new WordSet(g.attendee_prepositions ?? []),
    personJoiners: new WordSet(g.person_joiners ?? []),
    titleTopics: new WordSet(g.title_topics ?? []),
    negations: new WordSet(g.negations ?? []),
    negatedPronouns: new WordSet(g.negated_pronouns ?? []),
    edgeWords: new WordSet(g.edge_words),
    tailWords: new WordSet(g.tail_words ?? []),
    chatFillers: new WordSet(g.chat_fillers ?? []),
    gluedPrepositions: new Map(Object.entries(g.glued_prepositions ?? {}).map(([p, cs]) => [fold(p), caseMask(cs ?? [])])),
    shortHesitations: new WordSet(g.short_hesitations?.words ?? []),
    blankHesitations: hesitationBlanker(g.hesitations ?? [], g.short_hesitations, g.said_twice ?? []),
    respell: respeller(spellings, g.enclitics ?? []),
    prepositionHomophones: homophones(g.preposition_homophones ?? {}),
    homophonesNotAfter: new WordSet(g.homophones_not_after ?? []),
    verbHomophones: homophones(g.verb_homophones ?? {}),
    verbParticles: new Map(Object.entries(g.verb_particles ?? {}).map(([v, ps]) => [v, new Set(ps)])),
    verbParticleBefore: new WordSet(g.verb_particle_before ?? []),
    respelt: respellings(spellings),
    calendarPrepositions: new WordSet(g.calendar_prepositions ?? []),
    repairMarkers: new WordSet(g.repair?.markers ?? []),
    repairHesitations: new WordSet(g.repair?.hesitations ?? []),
    repairNegation: new WordSet(g.repair?.negation ?? []),
    repairContrast: new WordSet(g.repair?.contrast ?? []),
    repairAfterValue: new WordSet(g.repair?.after_value ?? []),
    eventKinds: kinds,
    kindRepair: g.kind_repair?.length ? new WordSet(g.kind_repair) : null,
    eventPlain: new WordSet(g.event_plain),
    ownKinds: new WordSet(g.own_kinds ?? []),
    leadNouns: nouns,
    leadThis: new WordSet(g.lead.this),
    leadNumber: new WordSet(g.lead.number),
    leadNotNames: new WordSet(g.lead.not_names),
    leadWith: new WordSet(g.lead.with ?? []),
    leadCompany: new WordSet(g.lead.company ?? []),
    leadLegalForms: new WordSet(g.lead.legal_forms ?? []),
    leadTitles: new WordSet(g.lead.titles ?? []),
  };
}

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Any of the words or phrases, longest first. */
const alternatives = (ws: readonly string[]) => [...ws].sort((a, b) => b.length - a.length).map(escape).join('|');
/** The words or phrases standing whole (no letter, digit, apostrophe or hyphen beside them). */
const wholeWords = (ws: readonly string[]) => `(?<![\\p{L}\\d'’-])(?:${alternatives(ws)})(?![\\p{L}\\d'’-])`;

/**
 * A function that replaces each match of any of `patterns` (any case) outside quotes by
 * `replace(match, offset)`; the text itself when none is there.
 */
function patternReplacer(patterns: readonly string[], replace: (match: string, at: number) => string): (text: string) => string {
  if (!patterns.length) return (t) => t;
  const re = new RegExp(patterns.join('|'), 'giu');
  return (text) => {
    if (!re.test(text)) return text;
    re.lastIndex = 0;
    const q = /["«“„]/.test(text) ? quotes(text) : [];
    return text.replace(re, (m, at: number) => (q.some((s) => at >= s.start && at < s.end) ? m : replace(m, at)));
  };
}

/** Words heard for others, and a pattern that finds any of them said before another word. */
export interface Homophones {
  words: Map<string, string>;
  said: RegExp | null;
}

function homophones(table: Record<string, string>): Homophones {
  const words = new Map(Object.entries(table).map(([k, v]) => [k.toLowerCase(), v]));
  return { words, said: words.size ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives([...words.keys()])})\\s+\\p{L}`, 'iu') : null };
}

/** "calender" → "calendar", "отмени-ка" → "отмени": offsets change, so this runs before tokenising. */
function respeller(table: Record<string, string>, enclitics: readonly string[]): (text: string) => string {
  const map = new Map(Object.entries(table).map(([k, v]) => [k.toLowerCase(), v]));
  // ("tommorow's meeting": a word put right keeps the possessive said after it.)
  const patterns = map.size ? [`(?<![\\p{L}\\d'’-])(?:${alternatives([...map.keys()])})(?:['’]s)?(?![\\p{L}\\d'’-])`] : [];
  if (enclitics.length) patterns.push(`(?<=\\p{L})(?:${alternatives(enclitics)})(?![\\p{L}\\d])`);
  const put = (m: string) => {
    const whole = map.get(m.toLowerCase());
    if (whole !== undefined) return whole;
    const owned = /['’]s$/.exec(m);
    const base = owned ? map.get(m.slice(0, -2).toLowerCase()) : undefined;
    return base !== undefined ? base + owned![0] : undefined;
  };
  return patternReplacer(patterns, (m) => put(m) ?? (enclitics.includes(m.toLowerCase()) ? '' : m));
}

/** Each word with two neighbouring letters swapped or a letter dropped (never the first, which
 *  people get right, nor the last: "frida" is a name, not "friday"), mapped to the word. */
function slips(words: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const w of words) {
    for (let i = 1; i < w.length; i++) {
      const dropped = w.slice(0, i) + w.slice(i + 1);
      if (i < w.length - 1 && !(dropped in out)) out[dropped] = w;
      if (i + 1 < w.length && w[i] !== w[i + 1]) {
        const swapped = w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
        if (!(swapped in out)) out[swapped] = w;
      }
    }
  }
  for (const w of words) delete out[w];
  return out;
}

function respellings(table: Record<string, string>): (text: string) => [string, string][] {
  const map = new Map(Object.entries(table).map(([k, v]) => [k.toLowerCase(), v]));
  if (!map.size) return () => [];
  const re = new RegExp(wholeWords([...map.keys()]), 'giu');
  return (text) => {
    const out: [string, string][] = [];
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) out.push([m[0], map.get(m[0].toLowerCase())!]);
    return out;
  };
}

/** Hesitations become spaces of their length, so every offset stays. */
function hesitationBlanker(words: readonly string[], short?: { words: string[]; after: string[] }, twice: readonly string[] = []): (text: string) => string {
  // "на на Васю": a preposition said again at once is said once (the first blanked, offsets kept).
  const p = twice.length ? `(${alternatives(twice)})` : '';
  const againRe = p ? new RegExp(`(?<![\\p{L}\\d'’-])${p}(\\s+)${p}(?![\\p{L}\\d'’.-])`, 'giu') : null;
  // "на гриш на гришу": a word cut off and said again whole after the same preposition.
  // (The second half is looked ahead at, so "с Кэптукэ на послезав на послезавтра" finds it after
  // a false start at "с".)
  const cutRe = p ? new RegExp(`(?<![\\p{L}\\d'’-])${p}(\\s+)(\\p{L}{3,})(?=\\s+${p}\\s+(\\p{L}+))`, 'giu') : null;
  const recut = (text: string) =>
    cutRe && cutRe.test(text)
      ? text.replace(cutRe, (m, a: string, s1: string, w: string, b: string, x: string) =>
          a.toLowerCase() === b.toLowerCase() && x.length > w.length && x.toLowerCase().startsWith(w.toLowerCase()) ? ' '.repeat(a.length + s1.length + w.length) : m,
        )
      : text;
  const again = (text: string) =>
    recut(
      againRe && againRe.test(text)
        ? text.replace(againRe, (m, a: string, sp: string, b: string) => (a.toLowerCase() === b.toLowerCase() ? ' '.repeat(a.length) + sp + b : m))
        : text,
    );
  const parts: string[] = [];
  if (words.length) parts.push(wholeWords(words));
  // "на э Зарему": a short hesitation right after a preposition (where no letter or abbreviation
  // can stand alone) is a pause, and would cut the preposition off its name or date.
  if (short?.words.length && short.after.length) parts.push(`(?<=(?<![\\p{L}\\d'’-])(?:${alternatives(short.after)})\\s+)(?:${alternatives(short.words)})(?=\\s)`);
  const blanked: number[] = [];
  const blank = patternReplacer(parts, (m, at) => {
    blanked.push(at);
    return ' '.repeat(m.length);
  });
  return (text) => {
    blanked.length = 0;
    let out = blank(again(text));
    // ("for um sorry for …": a short hesitation after another one, once that is blanked.)
    if (blanked.length && short?.words.length) out = blank(out);
    return blanked.length ? unrepeated(out, [...blanked]) : out;
  };
}

/**
 * "for um for Dilnoza", "the uh the report": a word said again after a hesitation is said once —
 * the first saying is blanked too (positions kept).
 */
function unrepeated(text: string, blanks: number[]): string {
  let out = text;
  for (const at of blanks) {
    const before = /([\p{L}]+)\s+$/u.exec(out.slice(0, at));
    const after = /^\s*([\p{L}]+)(?![\p{L}\d'’-])/u.exec(out.slice(at));
    if (!before || !after || before[1]!.toLowerCase() !== after[1]!.toLowerCase()) continue;
    const start = at - before[0].length;
    if (start > 0 && /[\p{L}\d'’-]/u.test(out[start - 1]!)) continue;
    out = out.slice(0, start) + ' '.repeat(before[1]!.length) + out.slice(start + before[1]!.length);
  }
  return out;
}
