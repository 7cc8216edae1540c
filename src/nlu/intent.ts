/**
 * Decides which intent an utterance is, from the vocabulary in `grammars/intents-<lang>.yaml`.
 * Replies (да / нет / отмена / что ты умеешь) are recognised only when the utterance consists of
 * them; commands need a creation verb with a noun of their kind, or a standalone trigger.
 */
import { WordSet, loadGrammar } from './grammar';
import type { IntentName, Lang } from './types';
import type { Token } from './tokens';

type CommandIntent = 'task.create' | 'event.create' | 'message.send' | 'lead.score';
type ReplyIntent = 'confirm' | 'reject' | 'cancel' | 'help';

interface IntentGrammarFile {
  replies: Record<ReplyIntent, string[]>;
  negations?: string[];
  negated_verbs?: string[];
  reply_objects?: string[];
  drop_openers?: string[];
  person_gap?: string[];
  glued_objects?: string[];
  sound_folds?: Record<string, string>;
  not_object_prepositions?: string[];
  discourse?: string[];
  help_words?: { keys: string[]; others: string[] };
  cancel_frames?: [string, string][];
  cancel_reasons?: { marks: string[]; max: number };
  fillers: string[];
  correction: string[];
  noun_openers?: string[]; command_pronouns?: string[]; not_verb_after?: string[]; not_noun_before?: string[]; filler_question_words?: string[];
  commands: Record<CommandIntent, { nouns: string[]; verbs: string[]; verbs_not_nouns?: boolean; standalone?: string[]; reminder?: string[]; standalone_with_person?: string[]; person_then_to?: string[]; given_to?: { verbs: string[]; prepositions: string[] }; with_date?: string[]; opening_before_content?: string[]; counting?: string[]; noun_adjectives?: string[] }>;
  blockers: { start: string[]; near?: string[]; anywhere?: string[]; topic?: string[]; content?: { before?: string[]; endings?: string[]; markers?: string[]; verbs?: string[] }; purchase?: { verbs: string[]; objects: string[] }; reminder_questions?: string[]; cannot?: string[]; possessives?: string[]; subject_verbs?: string[] };
  lead_in: string[];
  brand?: { name: string; spoken: string[] };
  homophones?: { groups: { words: Record<string, string>; before: string[] }[]; opening?: Record<string, string> };
  help_question?: { openers: string[]; nouns: string[]; words: string[]; ability?: { modals: string[]; verbs: string[] }; how?: { openers: string[]; verbs: string[]; objects: string[] } };
}

interface CompiledCommand {
  intent: CommandIntent;
  nouns: WordSet;
  verbs: WordSet;
  /** A verb stem landing on a noun ("постав*" on "поставки", "созда*" on "создание") is no verb. */
  verbsNotNouns: boolean;
  standalone: WordSet;
  reminder: WordSet;
  standaloneWithPerson: WordSet;
  /** Of standaloneWithPerson, those that need "to" and a verb after the person ("ask Xolani to
   *  sort out …" gives a task; "ask Xolani if …" asks a question). */
  personThenTo: WordSet;
  /** "assign competitor analysis to Katarzyna": a verb, what is given, a preposition, a person. */
  givenTo: { verbs: WordSet; prepositions: WordSet };
  withDate: WordSet;
  /** Said first and followed by an infinitive, the noun alone asks for one ("задача заказать подарки, срок …"). */
  openingBeforeContent: WordSet;
  /** Right before the command's noun, a count asked ("how many deals did we close"): a report, not this command. */
  counting: WordSet;
  /** Verbs that are adjectives of the noun ("новую задачу", "new task"): a verb only next to it. */
  nounAdjectives: WordSet;
}

export interface IntentGrammar {
  replies: [ReplyIntent, WordSet][];
  /** A reply after one of these is turned: "не создавай" → reject, "не отменяй" → confirm. */
  negations: WordSet;
  /** Command verbs in the forms said after "не" ("не ставь", "не надо писать"): a negated command. */
  negatedVerbs: WordSet;
  /** Words that may follow a negated command in a cancel ("не надо ничего", "никому"). */
  replyObjects: WordSet;
  /** Cancels that name what they drop ("забудь про эту задачу", "forget about the meeting"). */
  dropOpeners: WordSet;
  /** Words that may stand between "напиши" and its person ("напиши давай Антону", "в Битрикс24"). */
  personGap: WordSet;
  /** Short objects a recogniser runs into the command word before them ("напомнимне"). */
  gluedObjects: WordSet;
  /** Letters a word spelt as heard may have in place of others (о as а, в as ф): compared folded. */
  soundFolds: Map<string, string>;
  /** "did i have with Mr Richards": a person said with one of these is no object of "have", "get". */
  notObjectPrepositions: WordSet;
  /** Words said while thinking ("короче", "значит"): inside a command they name nothing. */
  discourse: WordSet;
  /** Help asked in one's own words: only these words, one of the keys among them ("подскажи, что ты можешь"). */
  helpKeys: WordSet;
  helpOthers: WordSet;
  /** [opening, closing] of a cancel said around what is dropped ("выкинь … из головы"). */
  cancelFrames: [WordSet, WordSet][];
  /** "забудь, потом сам сделаю", "never mind, I'll handle it": a short statement of doing it oneself
   *  or later after a cancel is its reason — one of the marks in at most `max` words, no command noun. */
  cancelReasons: { marks: WordSet; max: number };
  fillers: WordSet;
  correction: WordSet;
  /** Words between a command verb and its noun ("creat a taks"): where a misspelt noun is looked for. */
  nounOpeners: WordSet;
  /** "…, make it a task": between the command's verb and its noun, what was said before. */
  commandPronouns: WordSet;
  /** "… for the new B1 group": after these a command's verb word is an adjective of the content. */
  notVerbAfter: WordSet;
  /** "…, call it office closed": before these a command's noun word is a verb. */
  notNounBefore: WordSet;
  /** "ну что, поставь задачу …": question words said as a filler before a command (questionAsFiller). */
  fillerQuestions: WordSet;
  commands: CompiledCommand[];
  blockStart: WordSet;
  blockNear: WordSet;
  blockAnywhere: WordSet;
  /** A purchase ("book me a flight", "buy train tickets"): its verb and object as the command's
   *  verb and noun are a request we cannot fulfil, not an event. */
  purchase: { verbs: WordSet; objects: WordSet };
  /** "remind me what the wifi password is": a question word right after the reminder (and "me")
   *  asks to be told now, no task. */
  reminderQuestions: WordSet;
  /** Words that make the next one a subject ("про перенос сроков"), which then blocks nothing. */
  topic: WordSet;
  /** How an infinitive is told (the content of a command: "поставь задачу удалить файлы", "a task to delete files"). */
  contentBefore: WordSet;
  contentEndings: readonly string[];
  /** English has no infinitive endings: verbs that open a task's content said right after its noun. */
  contentVerbs: WordSet;
  /** "my schedule", "our plans": a possessive before a word that also makes a meeting with a date. */
  possessives: WordSet;
  /** "Mark is out sick today": after a word that would make a meeting with a date, these make it a subject. */
  subjectVerbs: WordSet;
  /** "…a message saying …", "…сообщение со словами …": what follows a text marker is the content. */
  contentMarkers: WordSet;
  leadIn: WordSet;
  /** "what commands do you understand": an opener, a noun of the commands, only these words. */
  /** "can't": a command word right after one is news about someone ("Hannah can't make the meeting"). */
  cannot: WordSet;
  helpQuestion: { openers: WordSet; nouns: WordSet; words: WordSet; modals: WordSet; verbs: WordSet };
  /** "right to Oksana that …": a command word heard as a word that sounds the same, before one of
   *  the `before` words, at the command's first word only. */
  homophones: { groups: { words: Map<string, string>; before: WordSet }[]; opening: Map<string, string> };
  /** "как тут поставить задачу?", "how do I use this bot": how to use the assistant or a command. */
  helpHow: { openers: WordSet; verbs: WordSet; objects: WordSet };
  /** Rewrites the skill's name said as words ("битрикс двадцать четыре") to the name, keeping offsets. */
  brand: (text: string) => string;
}

export function loadIntentGrammar(lang: Lang): IntentGrammar {
  const g = loadGrammar<IntentGrammarFile>(`intents-${lang}.yaml`);
  return {
    replies: (Object.keys(g.replies) as ReplyIntent[]).map((k) => [k, new WordSet(g.replies[k])]),
    negations: new WordSet(g.negations ?? []),
    negatedVerbs: new WordSet(g.negated_verbs ?? []),
    replyObjects: new WordSet(g.reply_objects ?? []),
    dropOpeners: new WordSet(g.drop_openers ?? []),
    personGap: new WordSet([...(g.person_gap ?? []), ...g.fillers]),
    gluedObjects: new WordSet(g.glued_objects ?? []),
    soundFolds: new Map(Object.entries(g.sound_folds ?? {})),
    notObjectPrepositions: new WordSet(g.not_object_prepositions ?? []),
    discourse: new WordSet(g.discourse ?? []),
    helpKeys: new WordSet(g.help_words?.keys ?? []),
    helpOthers: new WordSet(g.help_words?.others ?? []),
    cancelFrames: (g.cancel_frames ?? []).map(([a, b]) => [new WordSet([a]), new WordSet([b])]),
    cancelReasons: { marks: new WordSet(g.cancel_reasons?.marks ?? []), max: g.cancel_reasons?.max ?? 0 },
    fillers: new WordSet(g.fillers),
    correction: new WordSet(g.correction),
    nounOpeners: new WordSet(g.noun_openers ?? []),
    commandPronouns: new WordSet(g.command_pronouns ?? []),
    notVerbAfter: new WordSet(g.not_verb_after ?? []),
    notNounBefore: new WordSet(g.not_noun_before ?? []),
    fillerQuestions: new WordSet(g.filler_question_words ?? []),
    commands: (Object.keys(g.commands) as CommandIntent[]).map((intent) => {
      const c = g.commands[intent];
      return {
        intent,
        nouns: new WordSet(c.nouns),
        verbs: new WordSet(c.verbs),
        verbsNotNouns: c.verbs_not_nouns === true,
        standalone: new WordSet(c.standalone ?? []),
        reminder: new WordSet(c.reminder ?? []),
        standaloneWithPerson: new WordSet(c.standalone_with_person ?? []),
        personThenTo: new WordSet(c.person_then_to ?? []),
        givenTo: { verbs: new WordSet(c.given_to?.verbs ?? []), prepositions: new WordSet(c.given_to?.prepositions ?? []) },
        withDate: new WordSet(c.with_date ?? []),
        openingBeforeContent: new WordSet(c.opening_before_content ?? []),
        counting: new WordSet(c.counting ?? []),
        nounAdjectives: new WordSet(c.noun_adjectives ?? []),
      };
    }),
    blockStart: new WordSet(g.blockers.start),
    blockNear: new WordSet(g.blockers.near ?? []),
    topic: new WordSet(g.blockers.topic ?? []),
    contentBefore: new WordSet(g.blockers.content?.before ?? []),
    contentEndings: g.blockers.content?.endings ?? [],
    contentVerbs: new WordSet(g.blockers.content?.verbs ?? []),
    possessives: new WordSet(g.blockers.possessives ?? []),
    subjectVerbs: new WordSet(g.blockers.subject_verbs ?? []),
    contentMarkers: new WordSet(g.blockers.content?.markers ?? []),
    blockAnywhere: new WordSet(g.blockers.anywhere ?? []),
    purchase: { verbs: new WordSet(g.blockers.purchase?.verbs ?? []), objects: new WordSet(g.blockers.purchase?.objects ?? []) },
    reminderQuestions: new WordSet(g.blockers.reminder_questions ?? []),
    leadIn: new WordSet(g.lead_in),
    brand: brandRewriter(g.brand),
    cannot: new WordSet(g.blockers.cannot ?? []),
    helpQuestion: {
      openers: new WordSet(g.help_question?.openers ?? []),
      nouns: new WordSet(g.help_question?.nouns ?? []),
      words: new WordSet(g.help_question?.words ?? []),
      modals: new WordSet(g.help_question?.ability?.modals ?? []),
      verbs: new WordSet(g.help_question?.ability?.verbs ?? []),
    },
    homophones: {
      groups: (g.homophones?.groups ?? []).map((h) => ({ words: new Map(Object.entries(h.words)), before: new WordSet(h.before) })),
      opening: new Map(Object.entries(g.homophones?.opening ?? {})),
    },
    helpHow: {
      openers: new WordSet(g.help_question?.how?.openers ?? []),
      verbs: new WordSet(g.help_question?.how?.verbs ?? []),
      objects: new WordSet(g.help_question?.how?.objects ?? []),
    },
  };
}

function brandRewriter(b: IntentGrammarFile['brand']): (text: string) => string {
  if (!b || !b.spoken.length) return (t) => t;
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\s-]+/g, '[\\s-]+');
  const re = new RegExp(`(?<![\\p{L}\\d])(?:${[...b.spoken].sort((x, y) => y.length - x.length).map(esc).join('|')})(?![\\p{L}\\d])`, 'giu');
  // Padded to the same length, so every offset into the text stays valid.
  return (text) => text.replace(re, (m) => (m.length >= b.name.length ? b.name.padEnd(m.length, ' ') : m));
}

/**
 * A reply intent when the words are only reply phrases and fillers; the first reply phrase
 * decides ("нет, отмена" is a rejection first). Returns the reply and the index of the first word
 * it did not cover (for corrections: "нет, на среду").
 */
export function classifyReply(words: readonly string[], g: IntentGrammar): { intent: ReplyIntent; rest: number } | null {
  // "выкинь эту встречу из головы": a cancel around whatever is dropped.
  for (const [open, close] of g.cancelFrames) {
    let i = 0;
    while (i < words.length && g.fillers.matchAt(words, i)) i += g.fillers.matchAt(words, i);
    const n = open.matchAt(words, i);
    if (!n) continue;
    for (let k = words.length - 1; k > i; k--) {
      if (close.matchAt(words, k) === words.length - k) return { intent: 'cancel', rest: words.length };
    }
  }
  // "подскажи, что ты можешь", "с чего начать": a question made only of words about the assistant
  // and its abilities, with one ability word among them, is help however it is put together.
  if (words.length >= 2 && words.length <= 8 && isHelpInOwnWords(words, g)) return { intent: 'help', rest: words.length };
  const said: ReplyIntent[] = [];
  // A cancel said in its own words, no negation ("cancel that", not "не надо").
  let cancelled = false;
  let dropping = false;
  let i = 0;
  while (i < words.length) {
    const f = g.fillers.matchAt(words, i);
    if (g.negations.matchAt(words, i) || g.dropOpeners.matchAt(words, i)) dropping = true;
    let matched = 0;
    let intent: ReplyIntent | null = null;
    for (const [r, set] of g.replies) {
      const n = set.matchAt(words, i);
      if (n > matched) {
        matched = n;
        intent = r;
      }
    }
    // "ok google, stop", "алиса, да": a wake word or lead-in before the first reply is no word of
    // it (a longer lead-in wins over a reply inside it: "ok google" is not "ok").
    // ("yep go ahead alice": a wake word ending the reply is no word of it either.)
    const lead = said.length ? (matched ? 0 : endingLeadIn(words, i, g)) : g.leadIn.matchAt(words, i);
    if (lead > matched && (i + lead < words.length || said.length > 0)) {
      i += lead;
      continue;
    }
    // "не создавай", "don't send it": the reply after a negation is turned.
    const neg = g.negations.matchAt(words, i);
    // A negation that is a reply of its own ("не надо", "не стоит") governs an infinitive ("не надо
    // отменять"), not the imperative of a second reply: "не надо, забудь" is two cancels.
    if (neg && !(matched && neg > 1 && isImperativeAfter(words[i + neg]))) {
      let after = 0;
      let turned: ReplyIntent | null = null;
      for (const [r, set] of g.replies) {
        const n = set.matchAt(words, i + neg);
        if (n > after) {
          after = n;
          turned = r === 'confirm' ? 'reject' : r === 'cancel' ? 'confirm' : null;
        }
      }
      // ("не, отмени это": "не" a no of its own before a perfective imperative — Russian negates
      // an order in the imperfective, "не отменяй" — so the cancel is no negated one.)
      const w = words[i + neg];
      if (turned === 'confirm' && matched > 0 && w !== undefined && /^[а-яё]+$/.test(w) && !/[аяе]й(?:те)?$/.test(w)) turned = null;
      if (turned && neg + after > matched) {
        said.push(turned);
        i += neg + after;
        continue;
      }
    }
    const drop = matched ? 0 : g.dropOpeners.matchAt(words, i);
    if (matched > 0 && intent) {
      if (intent === 'cancel' && !neg) cancelled = true;
      said.push(intent);
      i += matched;
    } else if (drop) {
      said.push('cancel');
      i += drop;
    } else if (f > 0) i += f;
    // "не надо ничего создавать", "не, задачу не надо", "забудь про эту задачу": after a negation
    // or a dropping word, command words and their objects are what is refused, not a new command.
    else if (said.length && (dropping || negatedBefore(words, i, g)) && (isCommandWord(g, words[i]!) || g.replyObjects.hasWord(words[i]!))) i++;
    // ("stop, dont create anything": the negation of what a reply already refused, before its verb.)
    else if (said.length && neg && i + neg < words.length && g.negatedVerbs.hasWord(words[i + neg]!)) i += neg;
    else break;
  }
  if (!said.length) return null;
  // The first reply decides ("нет, отмена" is a rejection), except that a soft yes before a cancel
  // ("ладно, забей", "ok never mind") is no yes.
  // (…and "okay, what are you able to do" asks for help.)
  // (…and a no before a cancel in its own words, "nah cancel that", cancels; "нет, не надо" stays a no.)
  const intent = (said[0] === 'confirm' && said.includes('cancel')) || (said[0] === 'reject' && cancelled) ? 'cancel' : said[0] === 'confirm' && said.includes('help') ? 'help' : said[0]!;
  if (intent === 'cancel' && i < words.length && isCancelReason(words, i, g)) return { intent, rest: words.length };
  return { intent, rest: i };
}

/**
 * classifyReply for speech: when the words as said are no whole reply, a reply drawn out or
 * stammered ("дааа", "нее не то"), or one whose longest phrase would leave a word ("yes please do
 * it": "yes please do" + "it") — a first reply word and a reply after it, the first deciding as
 * classifyReply has it.
 */
export function classifySpokenReply(words: readonly string[], g: IntentGrammar): { intent: ReplyIntent; rest: number } | null {
  let reply = classifyReply(words, g);
  if (reply && reply.rest >= words.length) return reply;
  const undrawn = undrawnReplyWords(words, g) ?? words;
  const once = undrawn.filter((w, k) => w !== undrawn[k - 1]);
  for (const v of [undrawn !== words ? undrawn : null, once.length < undrawn.length ? once : null]) {
    const again = v && classifyReply(v, g);
    if (again && again.rest >= v.length) return { intent: again.intent, rest: words.length };
  }
  const head = classifyReply(words.slice(0, 1), g);
  const tail = head && words.length > 1 ? classifyReply(words.slice(1), g) : null;
  if (head && tail && tail.rest >= words.length - 1) {
    reply = { intent: head.intent === 'confirm' && (tail.intent === 'cancel' || tail.intent === 'help') ? tail.intent : head.intent, rest: words.length };
  }
  return reply;
}

/**
 * "нее не то", "дааа", "nooo", "yesss": a reply word drawn out in speech (a letter said twice or
 * more) is that word, when the word as written is no reply word or filler and the drawn letters
 * said once make one. Returns the words with each such word replaced, or null when none is.
 */
export function undrawnReplyWords(words: readonly string[], g: IntentGrammar): string[] | null {
  let out: string[] | null = null;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!/(\p{L})\1/u.test(w) || isReplyWord(w, g)) continue;
    const once = w.replace(/(\p{L})\1+/gu, '$1');
    if (once.length < 2 || !isReplyWord(once, g)) continue;
    (out ??= [...words])[i] = once;
  }
  return out;
}

function isReplyWord(w: string, g: IntentGrammar): boolean {
  return g.fillers.hasWord(w) || g.replies.some(([, set]) => set.hasWord(w));
}

/** A lead-in (a wake word) that ends the utterance at i: its length, or 0. */
function endingLeadIn(words: readonly string[], i: number, g: IntentGrammar): number {
  const n = g.leadIn.matchAt(words, i);
  return n && i + n === words.length ? n : 0;
}

/** "…, потом сам сделаю", "…, I'll do it myself": the words from `from` on are a short statement of
 *  the speaker doing it themselves or later — a mark among them, no command's noun, few words. */
function isCancelReason(words: readonly string[], from: number, g: IntentGrammar): boolean {
  if (words.length - from > g.cancelReasons.max) return false;
  let mark = false;
  for (let k = from; k < words.length; k++) {
    const w = words[k]!;
    if (g.cancelReasons.marks.hasWord(w)) mark = true;
    for (const c of g.commands) if (c.nouns.hasWord(w)) return false;
  }
  return mark;
}

/** A Russian verb form that is no infinitive (-ть, -ти, -чь): an imperative such as "забудь", "отмени". */
function isImperativeAfter(w: string | undefined): boolean {
  return !!w && /^[а-яё]+$/.test(w) && !/(ть|ти|чь|ться|тись)$/.test(w);
}

/** A word of some command's vocabulary (noun or verb, or a verb form said after "не"). */
function isCommandWord(g: IntentGrammar, w: string): boolean {
  if (g.negatedVerbs.hasWord(w)) return true;
  for (const c of g.commands) if (c.nouns.hasWord(w) || c.verbs.hasWord(w)) return true;
  return false;
}

function isCommandVerb(g: IntentGrammar, w: string): boolean {
  if (g.negatedVerbs.hasWord(w)) return true;
  for (const c of g.commands) if (c.verbs.hasWord(w)) return true;
  return false;
}

/** Only words about the assistant and its abilities, with one ability word among them. */
function isHelpInOwnWords(words: readonly string[], g: IntentGrammar): boolean {
  let key = false;
  for (const w of words) {
    if (g.helpKeys.hasWord(w)) key = true;
    else if (!g.helpOthers.hasWord(w) && !g.fillers.hasWord(w)) return false;
  }
  return key;
}

function negatedBefore(words: readonly string[], i: number, g: IntentGrammar): boolean {
  for (let k = 0; k < i; k++) if (g.negations.hasWord(words[k]!)) return true;
  return false;
}

/**
 * "не ставь задачу", "задачу не надо", "не нужно ставить задачу", "don't create the task": a
 * command under negation is no command (the caller reads it as a cancel). A negation counts right
 * before a trigger or a command verb, or right after a trigger with a command verb or nothing after
 * it — so "поставь задачу не забыть про отчёт" and "не забудь напомнить" stay commands.
 */
export function isNegatedCommand(tokens: readonly Token[], g: IntentGrammar, triggers: readonly number[], contentFrom = Infinity): boolean {
  const words = tokens.map((t) => t.norm);
  for (let i = 0; i < words.length; i++) {
    if (tokens[i]!.kind !== 'word' || triggers.includes(i)) continue;
    const n = g.negations.matchAt(words, i);
    if (!n) continue;
    // Inside a message's text ("напиши Ткачу банкомат не выдаёт наличные") only a negated form of
    // the commands themselves ("…, нет, не пиши") takes the command back.
    const inContent = i >= contentFrom;
    let inTrigger = false;
    for (let k = 1; k < n; k++) if (triggers.includes(i + k)) inTrigger = true;
    if (inTrigger) continue;
    const next = i + n;
    if (triggers.includes(next) || (tokens[next]?.kind === 'word' && (inContent ? g.negatedVerbs.hasWord(words[next]!) : isCommandVerb(g, words[next]!)))) return true;
    if (triggers.includes(i - 1)) {
      let more = false;
      for (let k = next; k < tokens.length; k++) if (tokens[k]!.kind === 'word') more = true;
      if (!more) return true;
    }
  }
  return false;
}

const OPENING_QUOTE = /^["«“„]$/;
const CLOSING_QUOTE = /^["»”“]$/;

/** The token after the quote opening at token k (past its closing mark), if one opens there. */
function afterQuote(tokens: readonly Token[], k: number): number | undefined {
  if (tokens[k]?.kind !== 'punct' || !OPENING_QUOTE.test(tokens[k]!.text)) return undefined;
  for (let j = k + 1; j < tokens.length; j++) if (tokens[j]!.kind === 'punct' && CLOSING_QUOTE.test(tokens[j]!.text)) return j > k + 1 ? j + 1 : undefined;
  return undefined;
}

export interface CommandMatch {
  intent: CommandIntent;
  /** Token indices of the words that made the decision (command words, cut from titles). */
  triggers: number[];
  /** A reminder ("напомни …"): the speaker is responsible unless someone else is named. */
  reminder: boolean;
  /** Made by a word of `with_date` and a date alone, no noun of the command ("запланируй … завтра"). */
  weak?: true;
}

/**
 * The command intent, or null. `personAt(i)` tells whether a person mention starts at word `i`
 * (for triggers like "напиши Антону"). `words` are folded word tokens, `tokens` the same tokens.
 */
export function classifyCommand(
  tokens: readonly Token[],
  g: IntentGrammar,
  personAt: (tokenIndex: number) => boolean,
  hasDate: () => boolean = () => false,
  isNounAt: (tokenIndex: number) => boolean = () => false,
  /** Whether a colleague of the directory is named at word `i` (not a stranger). */
  colleagueAt: (tokenIndex: number) => boolean = () => false,
): CommandMatch | null {
  const words = tokens.map((t) => t.norm);
  // weak: fired by a kind of meeting plus a date only, no command word ("встреча завтра в 10").
  // explicit: a creating verb or a reminder word was said, so what follows is the content.
  // contentFrom: the addressee's token ("напиши Орлу перенеси …"): what follows is the message.
  type Hit = { intent: CommandIntent; first: number; triggers: number[]; reminder: boolean; weak?: boolean; explicit?: boolean; contentFrom?: number };
  const hits: Hit[] = [];
  const opening = pastLeadIns(words, g, 0);
  for (const c of g.commands) {
    let noun = -1;
    let nounLen = 0;
    let verb = -1;
    let verbLen = 0;
    let standalone = -1;
    let standaloneLen = 0;
    let reminder = false;
    let addressee: number | undefined;
    for (let i = 0; i < words.length; i++) {
      if (tokens[i]!.kind !== 'word') continue;
      if (noun < 0) {
        const n = c.nouns.matchAt(words, i);
        if (n && !(n === 1 && i + 1 < words.length && g.notNounBefore.hasWord(words[i + 1]!))) {
          noun = i;
          nounLen = n;
        }
      }
      if (verb < 0) {
        const n = c.verbs.matchAt(words, i);
        // "задача на Полину оформить доверенность": an infinitive a few words after the noun is
        // the task itself, not the command's verb.
        // (…and so is a verb after a dash or colon that follows the noun: "Task for Valya - prep
        // the clinic schedule".)
        const content =
          // (Never a lead question's: "лид какая вероятность" ends like an infinitive.)
          (c.intent !== 'lead.score' && noun >= 0 && i > noun + 1 && n === 1 && g.contentEndings.some((e) => words[i]!.endsWith(e)) && !onlyLeadInsBetween(words, g, noun + 1, i)) ||
          // ("задача Бондаренко - сделать фотосъемку новой коллекции": Russian too.)
          (noun >= 0 && c.intent === 'task.create' && separatorBetween(tokens, noun + 1, i)) ||
          // ("task for jose nunez schedule the pour inspection": English, after the noun and the person it is for.)
          (noun >= 0 && c.intent === 'task.create' && g.contentVerbs.size > 0 && i > noun + 1 && personBefore(personAt, noun + 1, i));
        // (A person's name is no verb: "a meeting with Mark Olsen".)
        // ("i need you to remind …": a verb inside a lead-in that goes on past it is the lead-in's.)
        // ("задачу Гене настроить турникеты на новые карты": an adjective of the noun away from it is the content's.)
        const loose = n === 1 && c.nounAdjectives.hasWord(words[i]!) && !c.nouns.matchAt(words, i + 1) && !(i > 0 && c.nouns.hasWord(words[i - 1]!));
        if (n && !loose && i + n >= opening && i !== noun && !content && !personAt(i) && !(c.verbsNotNouns && n === 1 && isNounAt(i)) && !(c.intent !== 'lead.score' && i > 0 && g.notVerbAfter.hasWord(words[i - 1]!))) {
          verb = i;
          verbLen = n;
        }
      }
      if (standalone < 0) {
        let n = c.standalone.matchAt(words, i);
        if (!n) {
          n = c.reminder.matchAt(words, i);
          if (n) reminder = true;
        }
        // "задача заказать подарки": the noun said first, an infinitive right after it.
        // ("тимофею задача подготовить договор": the addressee may come first.)
        if (!n && (i === opening || (i <= opening + 2 && personAt(opening)))) {
          const m = c.openingBeforeContent.matchAt(words, i);
          const next = words[i + m];
          // (English: a verb of the list opens it, "task book the inspection"; or the person it is
          // for, "task Vera Dolgikh to sign off …".)
          if (m && next !== undefined && tokens[i + m]!.kind === 'word' && (g.contentEndings.some((e) => next.endsWith(e)) || g.contentVerbs.hasWord(next) || (g.contentVerbs.size > 0 && personAt(i + m)))) n = m;
        }
        if (!n) {
          const m = c.standaloneWithPerson.matchAt(words, i);
          // "напиши Антону" / "message Emily": the next word (or the one after a preposition) is a person.
          if (m) {
            // Fillers may stand between: "напиши давай Антону", "напиши в Битрикс24 Орлову".
            let k = i + m;
            // (…set off by commas too: "напишите, пожалуйста, Всеволоду".)
            const gapAt = (x: number) => (tokens[x]?.kind === 'punct' && tokens[x]!.text === ',' && tokens[x + 1]?.kind === 'word' && g.personGap.matchAt(words, x + 1) ? 1 : g.personGap.matchAt(words, x));
            for (let gap = gapAt(k); gap && k < i + m + 5; gap = gapAt(k)) k += gap;
            if (personAt(k) && !g.notObjectPrepositions.hasWord(words[k] ?? '')) addressee = k;
            else if (tokens[k]?.kind === 'punct' && personAt(k + 1)) addressee = k + 1;
            // (Up to three words of the name, then "to": "ask xolani to …", "ask thandi van wyk to …".)
            if (addressee !== undefined && c.personThenTo.matchAt(words, i) === m && ![1, 2, 3].some((d) => words[addressee! + d] === 'to' && tokens[addressee! + d + 1]?.kind === 'word')) addressee = undefined;
            if (addressee !== undefined) n = m;
            // 'assign "Prepare the deck" to Omar': a quoted title, then the person it is given to.
            else if (afterQuote(tokens, k) !== undefined && personAt(afterQuote(tokens, k)!)) n = m;
          }
          // "assign competitor analysis to Katarzyna": what is given (words only), then the person.
          const v = !n ? c.givenTo.verbs.matchAt(words, i) : 0;
          // (An article right after the verb is the command's: "assign the deck to Rahul" gives "deck".)
          if (v && givenToAt(tokens, words, i + v, c.givenTo.prepositions, personAt)) n = v + (g.nounOpeners.matchAt(words, i + v) === 1 ? 1 : 0);
        }
        if (n) {
          standalone = i;
          standaloneLen = n;
        }
      }
    }
    // ("Tony should schedule …, make a task for him": the verb said right before the noun, an article or a
    // pronoun between, is the command's, not one said earlier.)
    if (noun >= 0 && verb >= 0 && verb < noun - 3) {
      for (let k = noun - 1; k >= noun - 3 && k > verb; k--) {
        if (tokens[k]!.kind !== 'word') break;
        if (c.verbs.matchAt(words, k) === 1 && !personAt(k)) {
          verb = k;
          verbLen = 1;
          break;
        }
        if (!g.nounOpeners.hasWord(words[k]!) && !g.commandPronouns.hasWord(words[k]!)) break;
      }
    }
    if (!(noun >= 0 && verb >= 0) && standalone < 0) {
      // "i have a meeting at noon today": a word of this kind plus a date said.
      for (let i = 0; i < words.length; i++) {
        const n = tokens[i]!.kind === 'word' ? c.withDate.matchAt(words, i) : 0;
        // ("my schedule for today?": after a possessive the word is the plan asked about.)
        if (n && i > 0 && g.possessives.hasWord(words[i - 1]!) && c.verbs.matchAt(words, i)) continue;
        // ("Mark is out sick today": a verb after it makes the word its subject, a name. After a
        // phrase of two words, "meeting with will tomorrow", the word is its object, a name.)
        if (n === 1 && g.subjectVerbs.hasWord(words[i + n] ?? '')) continue;
        // ("запланируй позвонить клиенту завтра": an infinitive after the planning verb is a
        // task's content, no event.)
        if (n && c.verbs.matchAt(words, i) && tokens[i + n]?.kind === 'word' && g.contentEndings.some((e) => words[i + n]!.endsWith(e))) continue;
        if (n && hasDate()) {
          hits.push({ intent: c.intent, first: i, triggers: span(i, n), reminder: false, weak: true });
          break;
        }
      }
      continue;
    }
    if (noun >= 0 && verb >= 0) {
      const t = [...span(noun, nounLen), ...span(verb, verbLen)];
      // ("create a task to remind the team about …": a reminder word the task's noun and "to" open is its content.)
      // ("…a task to remind me to call …" still names the speaker: a phrase of more words is the reminder.)
      const content = standaloneLen === 1 && standalone > noun && standalone > verb && g.contentBefore.hasWord(words[standalone - 1]!);
      if (standalone >= 0 && reminder && !content) t.push(...span(standalone, standaloneLen));
      hits.push({ intent: c.intent, first: Math.min(noun, verb), triggers: t, reminder: standalone >= 0 && reminder && !content, explicit: true });
    } else if (standalone >= 0) {
      const t = span(standalone, standaloneLen);
      // (A noun far from the standalone verb is the content's: "remind Faith to send the deposit
      // reminder to the Parkers".)
      // ("Assign Yuri Sergeyevich Baranov a task: update …": a noun a colon closes is the command's too.)
      if (noun >= 0 && (Math.abs(noun - standalone) <= standaloneLen + 3 || (noun > standalone && noun - standalone <= standaloneLen + 6 && tokens[noun + nounLen]?.text === ':'))) t.push(...span(noun, nounLen));
      hits.push({ intent: c.intent, first: standalone, triggers: t, reminder, explicit: reminder, contentFrom: addressee });
    }
  }
  if (!hits.length) return null;
  // The intent whose noun (or trigger) comes first wins; a lead question beats everything when
  // it fired, since its nouns (лид, сделка) never appear in the other commands.
  // …unless a creating command said before it holds the lead words as its content ("create a task
  // to look at the new leads").
  let lead = hits.find((h) => h.intent === 'lead.score');
  if (lead && hits.some((h) => h.intent !== 'lead.score' && h.explicit && h.first < lead!.first)) lead = undefined;
  // "how many deals did we close last quarter", "сколько сделок закрыли": a count, a report we do not give.
  if (lead && countedNoun(words, g.commands.find((c) => c.intent === 'lead.score')!, lead.triggers)) return null;
  // (Event nouns "в календарь" are weaker than a task or message noun said anywhere.)
  let best = lead ?? hits.filter((h) => h.intent !== 'lead.score').sort((a, b) => a.first - b.first)[0]!;
  // ("Ziad needs to book the truck for Monday, make it a task": a kind of meeting and a date said
  // give way to a command said in words.)
  if (best.weak) best = hits.find((h) => h.explicit && !h.reminder && h.intent !== 'lead.score') ?? best;
  if (best.intent !== 'lead.score' && isBlocked(tokens, words, g, best, colleagueAt)) return null;
  if (best.intent === 'event.create' && isPurchase(words, g, best.triggers)) return null;
  // (With a time said it is a reminder of that: "remind me what to bring tomorrow at 9".)
  if (best.reminder && reminderQuestion(words, g, best.triggers) && !hasDate()) return null;
  return best.weak ? { intent: best.intent, triggers: best.triggers, reminder: best.reminder, weak: true } : { intent: best.intent, triggers: best.triggers, reminder: best.reminder };
}

/** Is one of the trigger words a noun of the command right after a counting phrase ("how many deals")? */
function countedNoun(words: readonly string[], c: CompiledCommand, triggers: readonly number[]): boolean {
  for (const t of triggers) {
    if (!c.nouns.hasWord(words[t]!)) continue;
    for (let n = 1; n <= 2 && n <= t; n++) if (c.counting.matchAt(words, t - n) === n) return true;
  }
  return false;
}

/** Longest run of words given before the person it is given to ("assign X to Y"). */
const GIVEN_MAX_WORDS = 8;

/** From `from`: one to GIVEN_MAX_WORDS words, a preposition of `prepositions`, a person. */
function givenToAt(tokens: readonly Token[], words: readonly string[], from: number, prepositions: WordSet, personAt: (k: number) => boolean): boolean {
  for (let k = from + 1; k <= from + GIVEN_MAX_WORDS && k + 1 < tokens.length; k++) {
    if (tokens[k - 1]!.kind !== 'word') return false;
    if (prepositions.hasWord(words[k]!) && personAt(k + 1)) return true;
  }
  return false;
}

/** Is there a dash or colon among the tokens from `from` up to (not including) `to`? */
/** Does a person start within the three tokens before `to` (and from `from` on)? */
function personBefore(personAt: (i: number) => boolean, from: number, to: number): boolean {
  for (let k = Math.max(from, to - 3); k < to; k++) if (personAt(k)) return true;
  return false;
}

function separatorBetween(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (tokens[k]!.kind === 'punct' && /^[:—–-]$/.test(tokens[k]!.text)) return true;
  return false;
}

/** Are the words from `from` up to `to` only lead-ins and fillers ("задачу надо создать")? */
function onlyLeadInsBetween(words: readonly string[], g: IntentGrammar, from: number, to: number): boolean {
  for (let k = from; k < to; ) {
    const n = g.leadIn.matchAt(words, k) || g.fillers.matchAt(words, k);
    if (!n) return false;
    k += n;
  }
  return true;
}

/** Token indices i … i + n − 1. */
function span(i: number, n: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < n; k++) out.push(i + k);
  return out;
}

/** A question word right after the reminder's words, past a self pronoun ("remind me what …"). */
function reminderQuestion(words: readonly string[], g: IntentGrammar, triggers: readonly number[]): boolean {
  let k = Math.max(...triggers) + 1;
  if (words[k] === 'me' || words[k] === 'us') k++;
  return words[k] !== undefined && g.reminderQuestions.hasWord(words[k]!);
}

/** The command's verb is a purchase's, with its object a few words on ("book me a flight", "book
 *  a hotel in Paris"): not a calendar event. */
function isPurchase(words: readonly string[], g: IntentGrammar, triggers: readonly number[]): boolean {
  return triggers.some((i) => g.purchase.verbs.hasWord(words[i]!) && [1, 2, 3, 4].some((k) => words[i + k] !== undefined && g.purchase.objects.hasWord(words[i + k]!)));
}

/**
 * "ну что, поставь задачу …": the length of a question word at `i` said as a filler — one of
 * fillerQuestions with a creating command's verb and noun right after it (commas between) — or 0.
 */
export function questionAsFiller(tokens: readonly Token[], words: readonly string[], i: number, g: IntentGrammar): number {
  const n = g.fillerQuestions.matchAt(words, i);
  if (!n) return 0;
  let next = i + n;
  while (tokens[next]?.kind === 'punct') next++;
  const command = g.commands.some((c) => {
    if (c.intent === 'lead.score') return false;
    const v = next < words.length ? c.verbs.matchAt(words, next) : 0;
    return v > 0 && c.nouns.matchAt(words, next + v) > 0;
  });
  return command ? n : 0;
}

function isBlocked(tokens: readonly Token[], words: readonly string[], g: IntentGrammar, hit: { triggers: number[]; weak?: boolean; explicit?: boolean; contentFrom?: number }, colleagueAt: (i: number) => boolean = () => false): boolean {
  const wordIdx = tokens.map((t, i) => (t.kind === 'word' ? i : -1)).filter((i) => i >= 0);
  // Skip lead-in words ("ok google", "can you") to find where the utterance really starts.
  let k = 0;
  while (k < wordIdx.length) {
    const n = g.leadIn.matchAt(words, wordIdx[k]!) || questionAsFiller(tokens, words, wordIdx[k]!, g);
    if (!n) break;
    k += n;
  }
  if (k < wordIdx.length) {
    const n = g.blockStart.matchAt(words, wordIdx[k]!);
    // A start word that is itself the command ("make …") blocks only as part of a phrase ("make sure").
    const at = wordIdx[k]!;
    // …unless a longer command phrase covers it ("give me a reminder" over "give me").
    const coveredLonger = n > 0 && Array.from({ length: n + 1 }, (_, j) => at + j).every((i) => hit.triggers.includes(i));
    if (!coveredLonger && (n > 1 || (n === 1 && !hit.triggers.includes(at)))) return true;
  }
  const firstTrigger = Math.min(...hit.triggers);
  // "Hannah can't make the meeting": the command word said of someone who cannot is news.
  if (firstTrigger > 0 && g.cannot.hasWord(words[firstTrigger - 1]!)) return true;
  const lastTrigger = Math.max(...hit.triggers);
  const afterTopicWord = (i: number) => [1, 2, 3].some((n) => i - n >= 0 && g.topic.matchAt(words, i - n) === n);
  // From the task's infinitive on ("a task to sort the mail") or after the addressee, the words are
  // the content: they block nothing.
  let inContent = false;
  // "Create a task for Joy: update the Instagram copy": after a colon (or a dash) past the command, the content.
  let colon = -1;
  if (!hit.weak) for (let i = lastTrigger + 1; i < tokens.length && colon < 0; i++) if (tokens[i]!.kind === 'punct' && /^[:—–-]$/.test(tokens[i]!.text)) colon = i;
  for (let i = 0; i < words.length; i++) {
    if (colon >= 0 && i > colon) inContent = true;
    if (tokens[i]!.kind !== 'word' || hit.triggers.includes(i)) continue;
    // With no command word the utterance states something about a meeting, so a cancelling or
    // moving word anywhere makes it news, not a request ("встреча завтра в 10 отменяется").
    // After "поставь задачу" / "напомни" an infinitive is the task itself: "поставь задачу отменить подписку".
    const infinitive = g.contentEndings.some((e) => words[i]!.endsWith(e)) || (i > 0 && g.contentBefore.matchAt(words, i - 1) === 1);
    const content = (hit.explicit && i > lastTrigger && (infinitive || g.contentMarkers.matchAt(words, i) > 0)) || (hit.contentFrom !== undefined && i > hit.contentFrom);
    if (!content && (hit.weak || i <= firstTrigger + 2) && g.blockNear.matchAt(words, i) && !afterTopicWord(i)) return true;
    if (content) inContent = true;
    // ("напиши Погоде …": a colleague whose name is such a word is no weather.)
    if (!inContent && g.blockAnywhere.matchAt(words, i) && !colleagueAt(i)) return true;
  }
  return false;
}

/** A question about the commands themselves: "what commands do you understand", "какие фразы ты
 *  понимаешь". Lead-ins and fillers may stand around it. */
export function isHelpQuestion(words: readonly string[], g: IntentGrammar): boolean {
  if (helpQuestionAt(words, g, false)) return true;
  // "help - what commands do you understand?": a help word before the question asks the same.
  return helpQuestionAt(words, g, true);
}

function helpQuestionAt(words: readonly string[], g: IntentGrammar, afterHelpWord: boolean): boolean {
  const h = g.helpQuestion;
  let i = 0;
  i = pastLeadIns(words, g, i);
  if (afterHelpWord) {
    const n = g.replies.find(([r]) => r === 'help')?.[1].matchAt(words, i) ?? 0;
    if (!n) return false;
    i = pastLeadIns(words, g, i + n);
  }
  const how = g.helpHow.openers.matchAt(words, i);
  if (how && helpHowFrom(words, i + how, g)) return true;
  const op = h.openers.matchAt(words, i);
  if (!op) return false;
  let noun = false;
  let modal = false;
  let verb = false;
  for (i += op; i < words.length; ) {
    const n = h.nouns.matchAt(words, i);
    if (n) noun = true;
    if (h.modals.matchAt(words, i)) modal = true;
    if (h.verbs.matchAt(words, i)) verb = true;
    const m = n || h.words.matchAt(words, i) || h.verbs.matchAt(words, i) || g.fillers.matchAt(words, i);
    if (!m) return false;
    i += m;
  }
  return noun || (modal && verb);
}

/** The first word at or after i that is no lead-in or filler. */
function pastLeadIns(words: readonly string[], g: IntentGrammar, i: number): number {
  for (let n = g.leadIn.matchAt(words, i) || g.fillers.matchAt(words, i); n && i < words.length; n = g.leadIn.matchAt(words, i) || g.fillers.matchAt(words, i)) i += n;
  return i;
}

/** After "как" / "how do I": a verb of using the assistant or of a command, and only its objects. */
function helpHowFrom(words: readonly string[], from: number, g: IntentGrammar): boolean {
  const h = g.helpHow;
  let verb = false;
  for (let i = from; i < words.length; ) {
    const v = h.verbs.matchAt(words, i);
    if (v) verb = true;
    const m = v || h.objects.matchAt(words, i) || g.fillers.matchAt(words, i);
    if (!m) return false;
    i += m;
  }
  return verb;
}

export type { CommandIntent, ReplyIntent };
export const isCommandIntent = (i: IntentName): i is CommandIntent =>
  i === 'task.create' || i === 'event.create' || i === 'message.send' || i === 'lead.score';
