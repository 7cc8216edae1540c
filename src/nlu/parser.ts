/**
 * The pipeline behind `parse(text, ctx)`: normalise → tokens → reply or command intent → date and
 * person mentions → slots. Each step marks the tokens it used, so titles and message texts are what
 * is left ("the words the user gave, trimmed of the marker phrase and of the surrounding command,
 * date and person words", nlu.md).
 */
import { formatDate, wallClockAt } from './dates/clock';
import { detectLang, normalizeInput } from './normalize';
import { tokenize, type Token } from './tokens';
import { classifyCommand, classifySpokenReply, isHelpQuestion, isNegatedCommand, type CommandMatch, type IntentGrammar } from './intent';
import type { SlotsGrammar } from './slots-grammar';
import type { WordSet } from './grammar';
import type { NumberWords } from './numbers';
import type { ChangeGrammar } from './change-grammar';
import { agendaSlots, changeSlots, classifyAgenda, classifyChange, firstWord, isPlace, type ChangeDeps, type ChangeMatch } from './change';
import type { DateExtractor } from './dates';
import type { PersonFinder } from './persons';
import type { Homophones } from './slots-grammar';
import type { DateMention, Directory, IntentName, Lang, LeadRef, ParseContext, ParseResult, PersonMention, PersonSlot, Slots } from './types';
import { Utterance, dateTokens, isPrepositionOf, isUnknownNameAt, personTokens, quotes, residual, runText, timeSlots, useLeadIn, visible } from './utterance';

export interface LangGrammar {
  intents: IntentGrammar;
  slots: SlotsGrammar;
  numbers: NumberWords;
  change: ChangeGrammar;
}

export interface ParserDeps {
  dates: DateExtractor;
  persons: PersonFinder;
  grammars: Record<Lang, LangGrammar>;
  /** Corrects a misrecognised command word ("пставь" → "поставь"); null when it cannot (command-fuzzy.ts). */
  fixCommandWord?: Partial<Record<Lang, (word: string) => string | null>>;
  /** Corrects the command's first word only, by a rule that elsewhere would change real words. */
  fixOpeningWord?: Partial<Record<Lang, (word: string, next: string | undefined) => string | null>>;
  /** Corrects a misspelt command noun after the command word and an article ("creat a taks"). */
  fixCommandNoun?: Partial<Record<Lang, (word: string) => string | null>>;
  /** Recogniser word boundaries: glued prepositions split off, a command word cut in two joined (glue.ts). */
  glue?: Partial<Record<Lang, GlueSteps>>;
  /** Lemmatiser for names said in an oblique case ("лида Петровой" → "Петрова"), the words of one
   *  name together ("Ивана Гарифуллина" → "Иван Гарифуллин"); identity when absent. */
  nominative?: (words: string[], lang: Lang) => string[];
  /** Does a Russian adjective agree with the noun after it ("пятое поле")? */
  agrees?: (adjective: string, noun: string) => boolean;
  /** Is a Russian word a common noun in the nominative ("мороз"), a sentence's subject? */
  commonNominative?: (word: string) => boolean;
}

/** Prepositions after which a person ends a title ("… for Emily", "… на Сергея"). */
const TITLE_ENDING_PREPOSITIONS = new Set(['на', 'для', 'for', 'to', 'assigned']);


/** The steps of glue.ts with the directory and grammar bound. */
export interface GlueSteps {
  splitDates: (text: string, directory: ParseContext['directory']) => string;
  splitWords: (text: string, tokens: readonly Token[], directory: ParseContext['directory']) => string;
  join: (text: string, tokens: readonly Token[], found?: string) => string | null;
}

export function parseWith(deps: ParserDeps, raw: unknown, ctx: ParseContext, rejoined = false): ParseResult {
  let text = normalizeInput(raw);
  const lang: Lang = ctx.lang ?? detectLang(text);
  const unknown: ParseResult = { intent: 'unknown', slots: {}, lang };
  if (!text) return unknown;
  const g = deps.grammars[lang];
  // Respelt before hesitations are blanked: "uh huh" is a yes, not a hesitation and a "huh".
  text = g.slots.blankHesitations(g.slots.respell(g.intents.brand(text)));
  text = homophonesBefore(text, g.slots.prepositionHomophones, (w) => deps.persons.isNameForm(w, ctx.directory), g.slots.homophonesNotAfter);
  // "remind me too ask …": before a verb that opens a task's content, "to".
  text = homophonesBefore(text, g.slots.verbHomophones, (w) => g.intents.contentVerbs.hasWord(w));
  // A glued preposition is split off a date word before command words are corrected ("вдесять" is
  // no misheard "внесять"), off other words after ("напеши" is a misheard "напиши").
  const glue = rejoined ? undefined : deps.glue?.[lang];
  if (glue) text = glue.splitDates(text, ctx.directory);
  // The repair steps read the same tokens; a step that changes the text has them read anew.
  const tok = lastTokens();
  text = fixCommandWords(deps, lang, g.intents, text, tok, ctx.directory, g.slots.gluedPrepositions);
  text = afterFalseStart(g, text, tok);
  text = afterCutName(g, text, tok);
  text = afterKindRepair(g, text, tok);
  text = afterCommandRepair(g, text, tok);
  text = afterRepeatedCommand(g, text, tok, (w) => deps.persons.isNameForm(w.replace(/['’]s$/, ''), ctx.directory));
  if (lang === 'ru') text = afterCutWord(text, tok, (w) => deps.persons.isWord(w, 'ru'), (cut, whole) => deps.persons.isNoun(cut, 'ru') && deps.persons.isNameForm(whole, ctx.directory));
  text = afterSplitNoun(g, text, tok);
  let tokens = tok(text);
  if (glue) {
    const split = glue.splitWords(text, tokens, ctx.directory);
    if (split !== text) tokens = tokenize((text = split));
  }
  const u = new Utterance(text, lang, tokens, g);
  const trace: string[] = [];

  // Replies first: "да", "нет", "отмена", "что ты умеешь" — only when that is all that was said.
  const wordTokens = tokens.filter((t) => t.kind !== 'punct');
  const words = wordTokens.map((t) => t.norm);
  const reply = classifySpokenReply(words, g.intents);
  // "scrap the standup": a dropping word that is also a change verb, with an item's noun after it,
  // cancels that item; "forget about the meeting", "drop the task" drop what is being built.
  const dropsItem = reply?.intent === 'cancel' && reply.rest >= words.length && classifyChange(u, g.change, g.intents) !== null;
  if (reply && reply.rest >= words.length && !dropsItem) return { intent: reply.intent, slots: {}, lang, trace: ['reply'] };
  if (isHelpQuestion(words, g.intents)) return { intent: 'help', slots: {}, lang, trace: ['reply'] };
  // ("help me out what commands do you understand": help asked twice, in two ways.)
  if (reply?.intent === 'help' && reply.rest < words.length) {
    for (let k = 1; k <= reply.rest; k++) if (isHelpQuestion(words.slice(k), g.intents)) return { intent: 'help', slots: {}, lang, trace: ['reply'] };
  }

  const said = visible(deps.persons.find(text, ctx.directory, lang), text);
  const persons = restarted(u, selfRepaired(u, said, () => null, (p) => personTokens(u, p)));
  // A person repaired away still stands where a command expects one ("напиши Арсению, ой нет, Богдану").
  const personStarts = new Set<number>();
  for (const p of said) {
    // "tell me …" is not a message to oneself; "message myself: …" is, with the colon after it.
    if (p.kind === 'pronoun' && !/^\s*:/.test(text.slice(p.end))) continue;
    const i = u.tokenAt(p.index);
    if (i >= 0) {
      personStarts.add(i);
      if (p.preposition && i > 0 && tokens[i - 1]!.norm === p.preposition) personStarts.add(i - 1);
    }
  }
  let dates: DateMention[] | undefined;
  // "with Chinedu Sunday on Monday": a date word inside a full name the directory knows (a first
  // name and a surname) is the surname.
  const fullNames = said.filter((p) => p.kind === 'name' && personTokens(u, p).filter((i) => tokens[i]!.kind === 'word' && tokens[i]!.norm !== p.preposition).length >= 2);
  // ("for Sunday Ogunleye": the date may take in the preposition before the name.)
  const inName = (d: DateMention) =>
    fullNames.some((p) => d.index + d.text.length <= p.end && d.index + d.text.length > p.index && (d.index >= p.index || /^\p{L}+\s+$/u.test(text.slice(d.index, p.index))));
  // "with Samuel Friday tomorrow at noon": a date that begins inside a full name and runs past it
  // is read again with the name masked, so the surname does not join the date after it.
  const crossesName = (d: DateMention) => fullNames.some((p) => d.index >= p.index && d.index < p.end && d.index + d.text.length > p.end);
  const extractDates = () => {
    const found = deps.dates.extract(text, { now: ctx.now, timeZone: ctx.timeZone, lang });
    if (!found.some(crossesName)) return found;
    const masked = fullNames.reduce((t, p) => t.slice(0, p.index) + t.slice(p.index, p.end).replace(/\p{L}/gu, 'x') + t.slice(p.end), text);
    return deps.dates.extract(masked, { now: ctx.now, timeZone: ctx.timeZone, lang });
  };
  // "not Tuesday - Thursday at 4", "не во вторник - в четверг": in a correction a dash after a
  // negated date ends what was wrong — the dates are read again with it as a comma, not as a range.
  const correctionDates = () => {
    const ds = datesOf();
    let split = text;
    for (const d of ds) {
      if (!negatedAt(u, d.index)) continue;
      const m = /\s[-–—]\s/.exec(d.text);
      if (m) split = split.slice(0, d.index + m.index + 1) + ',' + split.slice(d.index + m.index + 2);
      // ("not friday, next friday": a comma too, read as the end of a sentence.)
      const c = m ? null : /,\s/.exec(d.text);
      if (c) split = split.slice(0, d.index + c.index) + ';' + split.slice(d.index + c.index + 1);
    }
    if (split === text) return ds;
    return visible(deps.dates.extract(split, { now: ctx.now, timeZone: ctx.timeZone, lang }), split).filter((d) => !inName(d) && !possessiveOfThing(u, split, d));
  };
  const datesOf = () => (dates ??= selfRepaired(u, visible(extractDates(), text).filter((d) => !inName(d) && !possessiveOfThing(u, text, d) && !ordinalOfThing(deps, text, d) && !numberOfPlace(deps, u, text, d)), keepsDateOf, (d) => dateTokens(u, d)));
  // A change of an existing item ("перенеси встречу …") comes before the creating commands, which
  // would block on its verb; an agenda question only when no other command was found (their
  // question words block creating commands, so "какие задачи …" is never a new task).
  const change = classifyChange(u, g.change, g.intents);
  // …but a question with no opener ("meetings next week?", "Hugo's tasks due Friday") before them:
  // its plural noun would be read as a new meeting.
  const bare = change ? null : classifyAgenda(u, g.change, g.intents, persons, datesOf, true);
  let cmd = change || bare ? null : addresseeFirst(u, persons) ?? classifyCommand(tokens, g.intents, (i) => personStarts.has(i) || isUnknownNameAt(u, i), () => datesOf().some((d) => !d.deadline), (i) => deps.persons.isNoun(tokens[i]!.norm, lang), (i) => said.some((p) => p.kind === 'name' && u.tokenAt(p.index) === i));
  const changed = change ?? bare ?? (cmd ? null : classifyAgenda(u, g.change, g.intents, persons, datesOf));
  if (changed) return changeResult(deps, u, ctx, changed, persons, datesOf(), lang);
  // "кириллу ключи от переговорки на ресепшене": spoken, with no colon, a colleague named first
  // in the dative and then a clause is a message to them — when nothing else was understood.
  if (!cmd && !ctx.expecting) cmd = spokenAddressee(u, persons, deps.commonNominative ?? (() => false));

  // "не ставь задачу", "задачу не надо", "don't create the task": what is being built is dropped.
  // (A message's text begins after its recipient named after the command.)
  const textFrom = cmd?.intent === 'message.send' ? messageTextFrom(u, cmd, persons) : Infinity;
  if (cmd && cmd.intent !== 'lead.score' && isNegatedCommand(tokens, g.intents, cmd.triggers, textFrom)) return { intent: 'cancel', slots: {}, lang, trace: ['negated command'] };
  // "не так, напиши что буду через час" while that message is confirmed: the same command said
  // again after a correction word corrects the draft.
  // "нет, напиши Милане": a "no" opening it is that correction word too.
  // ("Нет, передай Лизе Кац" while a task is confirmed: a verb of handing over and only the person
  // after it gives the task to another — no message, nothing is said in it.)
  const handedOver = !!cmd && cmd.intent === 'message.send' && (ctx.expecting === 'task.create' || ctx.expecting === 'task.update') && textFrom >= u.tokens.length;
  if (cmd && (ctx.expecting === cmd.intent || handedOver) && (!reply || reply.intent === 'reject') && g.intents.correction.matchAt(u.words, firstWord(u, g.intents))) {
    const slots = correctionSlots(u, ctx, persons, correctionDates());
    if (Object.keys(slots).length) return { intent: 'reject', slots, lang, trace: ['correction'] };
  }
  if (!cmd) {
    // "создай за дачу …": no command, but one is there with a word the recogniser cut in two.
    const joined = glue ? glue.join(text, tokens) : null;
    if (joined) {
      const r = parseWith(deps, joined, ctx, true);
      if (r.intent !== 'unknown') return r;
    }
    // A correction offered in place of "да" ("нет, на среду", "лучше Антону").
    // ("sorry, responsible is Akane-san": an apology said first opens it too, though it is a lead-in elsewhere.)
    const opening = u.tokens.findIndex((t) => t.kind !== 'punct');
    if (ctx.expecting && (reply || g.intents.correction.matchAt(u.words, firstWord(u, g.intents)) || (opening >= 0 && g.intents.correction.matchAt(u.words, opening)))) {
      // "no, lead 1043" while a lead's score is confirmed: the other lead.
      const lead = ctx.expecting === 'lead.score' ? leadRef(deps, u) : undefined;
      if (lead) return { intent: 'reject', slots: { lead }, lang, trace: ['correction'] };
      const slots = correctionSlots(u, ctx, persons, correctionDates());
      if (Object.keys(slots).length) return { intent: 'reject', slots, lang, trace: ['correction'] };
    }
    return unknown;
  }
  // "по ставь задачу …": the command's verb cut in two would stay in the title.
  // ("запланируй в стречу …": a command found by its verb and a date alone may have its noun cut.)
  if (glue) {
    const joined = glue.join(text, tokens, cmd.intent) ?? (cmd.weak ? glue.join(text, tokens) : null);
    if (joined) return parseWith(deps, joined, ctx, true);
  }
  trace.push(`command:${cmd.intent}`);
  u.use(cmd.triggers);
  if (cmd.intent !== 'message.send') useChatFillers(u);
  absorbCommandWords(u, cmd, personStarts, (w) => deps.persons.isNoun(w, lang));
  useLeadIn(u, Math.min(...cmd.triggers));

  let slots: Slots;
  switch (cmd.intent) {
    case 'message.send':
      slots = messageSlots(deps, u, ctx, persons, cmd.triggers.length ? Math.min(...cmd.triggers) : -1);
      break;
    case 'lead.score':
      slots = leadSlots(deps, u);
      break;
    case 'task.create':
    case 'event.create': {
      slots = cmd.intent === 'task.create' ? taskSlots(u, cmd, persons, datesOf().filter((d) => !pastTopic(u, d, ctx)), (w) => deps.persons.isInfinitive(w, lang)) : eventSlots(u, cmd, persons, datesOf(), (w) => deps.persons.isNoun(w, lang), agreeingNominatives(deps), (w) => deps.persons.nominative(w, lang));
      break;
    }
  }
  // The slots were filled for this intent (ParseResult is a union by intent).
  return { intent: cmd.intent as IntentName, slots, lang, trace } as ParseResult;
}

/**
 * "на гену на гену рыбакова", "for raman uh for priya raman": a person said again at once, in full,
 * after a false start (a hesitation between is blanked already) — the first mention and its
 * preposition are no words of the title, and the second is the person.
 */
function restarted(u: Utterance, persons: PersonMention[]): PersonMention[] {
  if (persons.length < 2) return persons;
  const same = (a: PersonMention, b: PersonMention): boolean => {
    const [x, y] = [a.slot, b.slot];
    if ('userId' in x && 'userId' in y && x.userId === y.userId) return true;
    if ('candidates' in x && 'userId' in y && x.candidates.includes(y.userId)) return true;
    const said = a.text.toLowerCase();
    if ('unresolved' in x && b.text.toLowerCase().split(/\s+/).some((w) => w.startsWith(said) || said.startsWith(w))) return true;
    // ("на юлдашева э юлдашеву айгуль": the surname in another case, then with the given name.)
    const stems = (m: PersonMention) => m.text.toLowerCase().split(/\s+/).filter((w) => w.length >= 5).map((w) => w.slice(0, w.length - 2));
    const [earlier, later] = [stems(a), stems(b)];
    return earlier.length > 0 && earlier.every((s) => later.includes(s));
  };
  const out: PersonMention[] = [];
  for (let k = 0; k < persons.length; k++) {
    const a = persons[k]!;
    const b = persons[k + 1];
    const ta = personTokens(u, a);
    const tb = b ? personTokens(u, b) : [];
    if (b && ta.length && tb.length && a.kind !== 'pronoun' && b.kind !== 'pronoun' && same(a, b)) {
      const gap = Array.from({ length: tb[0]! - ta[ta.length - 1]! - 1 }, (_, g) => ta[ta.length - 1]! + 1 + g);
      // (Said again with more words, only its preposition between: a colon or comma ends the addressing.)
      const more = b.text.trim().split(/\s+/).length > a.text.trim().split(/\s+/).length;
      // ("на юлдашева э юлдашеву айгуль": or a short sound of hesitation.)
      const hesitation = (i: number) => u.g.slots.shortHesitations.hasWord(u.words[i]!);
      if (more && gap.length <= 2 && gap.filter((i) => !hesitation(i)).length <= 1 && gap.every((i) => u.tokens[i]!.kind === 'word' && (u.words[i] === b.preposition || u.words[i] === a.preposition || hesitation(i)))) {
        u.use([...ta, ...gap]);
        // (The first mention's preposition too.)
        if (a.preposition && ta[0]! > 0 && u.words[ta[0]! - 1] === a.preposition) u.use([ta[0]! - 1]);
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/**
 * Self-repairs ("в четверг ой нет в пятницу", "Арсению, нет, точнее Богдану"): of two mentions of
 * one kind with only repair words between them, the later is meant. The earlier and the repair
 * words are marked used (no title's), and the earlier is dropped — or, when it said a date and the
 * repair only a time ("в среду в три ой нет в четыре"), `keepDate` keeps its date.
 */
function selfRepaired<T extends { index: number }>(u: Utterance, mentions: T[], keepDate: (earlier: T, later: T) => T | null, tokensOf: (m: T) => number[]): T[] {
  if (mentions.length < 2) return mentions;
  const sorted = [...mentions].sort((a, b) => a.index - b.index);
  const out: T[] = [];
  for (let k = 0; k < sorted.length; k++) {
    const a = sorted[k]!;
    const b = sorted[k + 1];
    const ta = tokensOf(a);
    const tb = b ? tokensOf(b) : [];
    const between = ta.length && tb.length ? repairBetween(u, ta[ta.length - 1]! + 1, tb[0]!) ?? contrastBetween(u, ta[0]!, ta[ta.length - 1]! + 1, tb[0]!) : null;
    if (!between) {
      out.push(a);
      continue;
    }
    u.use(between);
    const kept = keepDate(a, b!);
    if (kept) out.push(kept);
    else u.use(ta);
  }
  return out;
}

/** Tokens [from, to) when they are only repair words (one at least) and punctuation; else null. */
function repairBetween(u: Utterance, from: number, to: number): number[] | null {
  const idx: number[] = [];
  for (let i = from; i < to; i++) idx.push(i);
  if (!idx.length) return null;
  const g = u.g.slots;
  let marker = false;
  let k0 = 0;
  if (u.tokens[from]?.kind === 'word' && g.repairAfterValue.hasWord(u.words[from]!)) k0 = 1;
  for (let k = k0; k < idx.length; ) {
    const i = idx[k]!;
    if (u.tokens[i]!.kind === 'punct') {
      k++;
      continue;
    }
    const n = g.repairMarkers.matchAt(u.words, i);
    const h = n ? 0 : g.repairHesitations.matchAt(u.words, i);
    if (!n && !h) return null;
    if (n) marker = true;
    k += n || h;
  }
  return marker ? idx : null;
}

/** "не в пятницу, а в четверг", "не Ульяне, а Милане": "не" right before the first value and only
 *  "а" (and punctuation) between the two. Returns the tokens of both words and what stands between. */
function contrastBetween(u: Utterance, firstOfA: number, from: number, to: number): number[] | null {
  const g = u.g.slots;
  const neg = firstOfA - 1;
  if (neg < 0 || u.tokens[neg]!.kind !== 'word' || !g.repairNegation.hasWord(u.words[neg]!)) return null;
  const idx: number[] = [];
  let contrast = false;
  for (let i = from; i < to; i++) {
    const t = u.tokens[i]!;
    if (t.kind === 'word' && !contrast && g.repairContrast.hasWord(u.words[i]!)) contrast = true;
    else if (t.kind !== 'punct') return null;
    idx.push(i);
  }
  return contrast ? [neg, ...idx] : null;
}

/** "в среду в три ой нет в четыре": the repair names only a new time, so the date said stays. */
function keepsDateOf(a: DateMention, b: DateMention): DateMention | null {
  if (b.start.length <= 10 || DATE_SAID.test(b.tags.join(' ')) || !DATE_SAID.test(a.tags.join(' '))) return null;
  return { index: a.index, text: a.text, start: a.start.slice(0, 10), tags: a.tags };
}

/** Tags of the date parsers that read a date, not a time alone (dates/ru, dates/en parsers). */
const DATE_SAID = /Weekday|Casual|casualReference|DayOfMonth|OrdinalDay|DotDate|SpokenDate|NextWeek|EndOfWeek|Month|relativeDate|Slash|ISO/;

/**
 * The mention and those of the same user right after it: the finder may read a surname as a
 * mention of its own in another case ("Соне | Пономарёвой"), which is still one addressee.
 */
function sameUserRun(u: Utterance, persons: PersonMention[], p: PersonMention): PersonMention[] {
  const run = [p];
  const key = JSON.stringify(p.slot);
  for (const q of persons.slice(persons.indexOf(p) + 1)) {
    const last = run[run.length - 1]!;
    if (q.kind === 'pronoun' || q.preposition || JSON.stringify(q.slot) !== key || !/^\s*$/.test(u.text.slice(last.end, q.index))) break;
    run.push(q);
  }
  return run;
}

/**
 * "Антону: завтра созвон в 10", "Emily: call me back": a person said first and a colon or dash
 * after them is a message to them, with no command word at all.
 */
/**
 * Titles and texts are "the words the user gave" (nlu.md): a word the spelling table corrected
 * for understanding ("tmrw", "щас", "calender") is given back as said — unless the corrected
 * form was also said, when which one a slot holds cannot be told.
 */
export function keepSpelling(r: ParseResult, raw: string, grammars: Record<Lang, { slots: { respelt: (text: string) => [string, string][]; eventKinds: Map<string, string> } }>): ParseResult {
  const slots = r.slots as Record<string, unknown>;
  if (typeof slots.title !== 'string' && typeof slots.text !== 'string') return r;
  const pairs = grammars[r.lang].slots.respelt(raw);
  if (!pairs.length) return r;
  const lower = raw.toLowerCase();
  for (const key of ['title', 'text'] as const) {
    const value = slots[key];
    if (typeof value !== 'string') continue;
    let v = value;
    for (const [said, meant] of pairs) {
      if (lower.includes(meant.toLowerCase())) continue;
      const at = new RegExp(`(?<![\\p{L}\\d'’-])${meant.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\d'’-])`, 'iu').exec(v);
      // (An event named by its kind of meeting is named by the kind, not by its misspelling:
      // "schedule a meting with Karim" is a "meeting".)
      if (at && at.index === 0 && r.intent === 'event.create' && key === 'title' && grammars[r.lang].slots.eventKinds.has(meant.toLowerCase())) continue;
      if (at) v = v.slice(0, at.index) + said + v.slice(at.index + at[0].length);
    }
    slots[key] = v;
  }
  return r;
}

/** "a task four rose to update …": a homophone right before a word `fits` (a directory name, a
 *  content verb) is the word it sounds like (speech writes the number). */
function homophonesBefore(text: string, h: Homophones, fits: (word: string) => boolean, notAfter?: WordSet): string {
  if (!h.said?.test(text)) return text;
  return text.replace(/(?<![\p{L}\p{N}])(\p{L}+)(?=\s+(\p{L}+))/gu, (w: string, _w: string, next: string, at: number) => {
    const to = h.words.get(w.toLowerCase());
    // ("a call at four sharp" with a Tom Sharp here: after a time's preposition it is the hour.)
    const before = /(\p{L}+)\s+$/u.exec(text.slice(Math.max(0, at - 20), at))?.[1];
    return to !== undefined && fits(next.toLowerCase()) && !(before && notAfter?.hasWord(before.toLowerCase())) ? to : w;
  });
}

/** The first token that is no punctuation, lead-in or filler (the wake word, "слушай", "ну"). */
function pastCallWords(u: Utterance): number {
  const ig = u.g.intents;
  let k = 0;
  while (k < u.tokens.length && (u.tokens[k]!.kind === 'punct' || ig.leadIn.matchAt(u.words, k) || ig.fillers.matchAt(u.words, k))) k++;
  return k;
}

/** A message said with no verb and no colon (speech): a directory user in the dative first, and at
 *  least two more words that open no task or meeting ("люде зайди ко мне после обеда"). */
function spokenAddressee(u: Utterance, persons: PersonMention[], commonNominative: (word: string) => boolean): CommandMatch | null {
  if (u.lang !== 'ru') return null;
  const ig = u.g.intents;
  const first = u.tokens[pastCallWords(u)];
  const p = persons.find((q) => q.index === first?.start);
  if (!p || p.kind !== 'name' || p.preposition || !p.cases.includes('datv')) return null;
  // "мороз сегодня минус пятьдесят два": in lower case, a common noun in the nominative opening the
  // sentence is its subject, though a colleague's surname that does not decline reads so too
  // ("зиме ключи …" stays Зима's: the noun's dative is no subject).
  if (first && /^\p{Ll}/u.test(first.text) && commonNominative(first.norm) && personTokens(u, p).length === 1) return null;
  const run = sameUserRun(u, persons, p);
  const after = u.tokensIn(run[run.length - 1]!.end, u.text.length).filter((i) => u.tokens[i]!.kind === 'word');
  if (after.length < 2) return null;
  const next = after[0]!;
  if (ig.commands.some((c) => c.nouns.matchAt(u.words, next) || c.standalone.matchAt(u.words, next))) return null;
  return { intent: 'message.send', triggers: [], reminder: false };
}

/** Words after a day's ordinal that keep it a date ("пятое число"). */
const DAY_NOUNS = new Set(['число', 'числа', 'числу', 'числом', 'числе']);

/** "перегнать сеялку на пятое поле": a day of the month said only as an ordinal, with a noun right
 *  after it that agrees with it, is that thing's number, not a date. */
function ordinalOfThing(deps: ParserDeps, text: string, d: DateMention): boolean {
  if (!deps.agrees || !d.tags.some((t) => t.includes('DayOfMonth'))) return false;
  const last = /([а-яё]+)\s*$/i.exec(d.text)?.[1];
  const next = /^\s+([а-яё]+)/i.exec(text.slice(d.index + d.text.length))?.[1];
  if (!last || !next || DAY_NOUNS.has(next.toLowerCase())) return false;
  return deps.agrees(last, next);
}

/** "в 3 корпусе", "в 5 цехе": a bare number after "в" with a noun right after it (no word of
 *  time) is that place's number, not an hour. */
function numberOfPlace(deps: ParserDeps, u: Utterance, text: string, d: DateMention): boolean {
  if (u.lang !== 'ru' || !/^в\s*\d{1,2}$/i.test(d.text)) return false;
  const next = /^\s+([а-яё]+)/i.exec(text.slice(d.index + d.text.length))?.[1]?.toLowerCase();
  if (!next || u.g.slots.hourWords.hasWord(next)) return false;
  return deps.persons.isNoun(next, 'ru');
}

/** "approve next week's rota": a date said as the owner of a thing is a word of the title, not
 *  a date — unless the thing is a meeting or a task ("tomorrow's meeting" is the one tomorrow). */
function possessiveOfThing(u: Utterance, text: string, d: DateMention): boolean {
  const m = /^['’]s\s+([\p{L}-]+)/u.exec(text.slice(d.index + d.text.length));
  if (!m) return false;
  const w = m[1]!.toLowerCase();
  return !u.g.slots.eventKinds.has(w) && !u.g.slots.eventPlain.hasWord(w) && !u.g.change.nouns.some(([, set]) => set.hasWord(w));
}

/** Token indices from..from+n−1, and past them any fillers and commas that end at a colon. */
function withFillersToColon(u: Utterance, from: number, n: number): number[] {
  const out = Array.from({ length: n }, (_, k) => from + k);
  let k = from + n;
  const more: number[] = [];
  while (k < u.tokens.length) {
    const t = u.tokens[k]!;
    if (t.kind === 'punct' && t.text === ':') return [...out, ...more, k];
    const f = t.kind === 'punct' ? (t.text === ',' ? 1 : 0) : u.g.intents.fillers.matchAt(u.words, k) || u.g.slots.chatFillers.matchAt(u.words, k);
    if (!f) break;
    for (let j = 0; j < f; j++) more.push(k + j);
    k += f;
  }
  return out;
}

/** The token after the first person named after a message command's last trigger: where its text
 *  may begin (Infinity when no person follows). */
function messageTextFrom(u: Utterance, cmd: CommandMatch, persons: PersonMention[]): number {
  const last = Math.max(...cmd.triggers);
  for (const p of persons) {
    const idx = personTokens(u, p);
    if (idx.length && idx[0]! > last) return idx[idx.length - 1]! + 1;
  }
  return Infinity;
}

function addresseeFirst(u: Utterance, persons: PersonMention[]): CommandMatch | null {
  // "алиса, сообщение Королёву: …" with an Алиса in the portal: the wake word is nobody.
  const ig = u.g.intents;
  const from = u.tokens[pastCallWords(u)]?.start ?? Infinity;
  const p = persons.find((q) => q.index >= from);
  if (!p || p.kind === 'pronoun' || p.preposition) return null;
  // "Соне Пономарёвой:": the finder may read the surname as a mention of its own (another case);
  // mentions of the same user one after another are one addressee.
  const run = sameUserRun(u, persons, p);
  // (No cases listed is any case: an indeclinable name, "Сообщение Айгуль: …".)
  const dative = run.some((q) => q.cases.length === 0 || q.cases.includes('datv'));
  const idx = u.tokensIn(p.index, run[run.length - 1]!.end);
  const first = idx[0]!;
  // Before the person: lead-ins, or a message noun with no verb ("сообщение Юле Васильевой: …").
  const nouns = u.g.intents.commands.find((c) => c.intent === 'message.send')?.nouns;
  const triggers: number[] = [];
  for (let i = 0; i < first; i++) {
    // ("алиса, сообщение Королёву: …": the wake word is a filler, not a lead-in.)
    if (u.tokens[i]!.kind === 'punct' || ig.leadIn.matchAt(u.words, i) || ig.fillers.matchAt(u.words, i)) continue;
    if (!nouns?.matchAt(u.words, i)) return null;
    triggers.push(i);
  }
  const sep = u.tokens[idx[idx.length - 1]! + 1];
  // "Глебу напиши, что пакет получен": the addressee first, then the message verb that takes it.
  const after = idx[idx.length - 1]! + 1;
  const verb = u.lang === 'ru' && triggers.length === 0 && sep?.kind === 'word' ? ig.commands.find((c) => c.intent === 'message.send')?.standaloneWithPerson.matchAt(u.words, after) ?? 0 : 0;
  // (…with fillers and a colon after it, theirs: "Геле напиши, пожалуйста: ключи у охраны".)
  if (verb && dative) return { intent: 'message.send', triggers: withFillersToColon(u, after, verb), reminder: false };
  // "Ане Пестеревой сообщение: завтра выходи к девяти": the addressee, a message noun, a colon.
  const noun = triggers.length === 0 && sep?.kind === 'word' ? (nouns?.matchAt(u.words, after) ?? 0) : 0;
  const colonAfter = u.tokens[after + noun];
  if (noun && dative && colonAfter?.kind === 'punct' && /^[:—–-]$/.test(colonAfter.text)) return { intent: 'message.send', triggers: Array.from({ length: noun }, (_, k) => after + k), reminder: false };
  // Speech writes no colon: after the message noun, the addressee is enough ("сообщение тимуру тк …").
  const last = idx[idx.length - 1]! + 1 === u.tokens.length - 1;
  const spokenSep = triggers.length > 0 && (!sep || sep.kind === 'word' || (last && /^[.!]$/.test(sep.text)));
  if (!spokenSep && (!sep || sep.kind !== 'punct' || !/^[:—–-]$/.test(sep.text))) return null;
  if (u.lang === 'ru' && !dative) return null;
  return { intent: 'message.send', triggers, reminder: false };
}

const FIX_WITHIN_CHARS = 120;
const FIX_WITHIN_TOKENS = 8;

/** The command's opening: its first `n` tokens within the first FIX_WITHIN_CHARS characters. */
function opening(tokens: readonly Token[], n: number): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    if (out.length >= n || t.end > FIX_WITHIN_CHARS) break;
    out.push(t);
  }
  return out;
}

/** tokenize() remembering its last text: the steps that leave the text alone share one reading. */
function lastTokens(): (text: string) => Token[] {
  let last: string | undefined;
  let tokens: Token[] = [];
  return (text) => {
    if (text !== last) {
      last = text;
      tokens = tokenize(text);
    }
    return tokens;
  };
}

/** The text with misrecognised command words corrected (unchanged when there are none). */
/**
 * "add a stand up every uh add a stand up tomorrow at nine": a command's first words (a command verb
 * and at least restartMinWords words in all) said again further on restart it; the words before the
 * restart are blanked (offsets kept).
 */
function afterFalseStart(g: ParserDeps['grammars'][Lang], text: string, tok: (text: string) => Token[]): string {
  const min = g.slots.restartMinWords;
  if (!min) return text;
  const toks = tok(text).filter((t) => t.kind === 'word' || t.kind === 'number');
  if (toks.length < 2 * min + 1) return text;
  const norms = toks.map((t) => t.norm);
  let s = 0;
  for (let n = g.intents.leadIn.matchAt(norms, s); n; n = g.intents.leadIn.matchAt(norms, s)) s += n;
  if (toks.length < s + 2 * min || !g.intents.commands.some((c) => c.verbs.hasWord(toks[s]!.norm))) return text;
  let restart = -1;
  // Words must stand between ("add a task add a task button" is one title), and no joining word
  // right before the repeat ("create a task to create a task template"); a word cut off right before
  // the repeat and said whole in it stands for those words ("send a mess send a message …").
  for (let k = s + min; k + min <= toks.length; k++) {
    if (g.slots.edgeWords.hasWord(toks[k - 1]!.norm)) continue;
    let same = 0;
    let cut = false;
    for (; same < min; same++) {
      const was = toks[s + same]!.norm;
      const now = toks[k + same]!.norm;
      if (was === now) continue;
      if (s + same !== k - 1 || was.length < 3 || now.length <= was.length || !now.startsWith(was)) break;
      cut = true;
    }
    if (same === min && (cut || k > s + min)) restart = k;
  }
  if (restart < 0) return text;
  const from = toks[s]!.start;
  const to = toks[restart]!.start;
  return text.slice(0, from) + ' '.repeat(to - from) + text.slice(to);
}

/**
 * "поставь задачу на ко на корнилова …", "на кочет на федю кочеткова": a preposition and a name cut
 * off, then the preposition again and the name in full (the cut part opens one of the next two
 * words). The cut words are blanked (offsets kept).
 */
function afterCutName(g: ParserDeps['grammars'][Lang], text: string, tok: (text: string) => Token[]): string {
  const preps = g.slots.restartPrepositions;
  if (!preps.size) return text;
  const toks = tok(text).filter((t) => t.kind === 'word');
  const norms = toks.map((t) => t.norm);
  for (let i = 0; i + 3 < toks.length; i++) {
    const cut = norms[i + 1]!;
    if (norms[i] !== norms[i + 2] || !preps.hasWord(norms[i]!) || cut.length < 2) continue;
    const full = [norms[i + 3], norms[i + 4]].some((w) => w !== undefined && w.length > cut.length && w.startsWith(cut));
    if (!full) continue;
    const from = toks[i]!.start;
    const to = toks[i + 2]!.start;
    return text.slice(0, from) + ' '.repeat(to - from) + text.slice(to);
  }
  return text;
}

/**
 * "schedule a call no a meeting with …": a kind of meeting taken back for another one. The first
 * kind, the repair words and an article after them are blanked (offsets kept).
 */
function afterKindRepair(g: ParserDeps['grammars'][Lang], text: string, tok: (text: string) => Token[]): string {
  const rep = g.slots.kindRepair;
  if (!rep) return text;
  const kinds = g.slots.eventKinds;
  const toks = tok(text).filter((t) => t.kind === 'word');
  const norms = toks.map((t) => t.norm);
  for (let i = 0; i + 2 < toks.length; i++) {
    const first = kinds.get(norms[i]!);
    if (first === undefined) continue;
    // ("put a meeting uh a call with …": a hesitation, blanked, between the two is a repair too.)
    const paused = /^ {3,}$/.test(text.slice(toks[i]!.end, toks[i + 1]!.start));
    const n = rep.matchAt(norms, i + 1) || (paused ? 0 : -1);
    if (n < 0) continue;
    let k = i + 1 + n;
    if (k < toks.length && g.slots.leftOnlyFillers.hasWord(norms[k]!)) k++;
    const second = k < toks.length ? kinds.get(norms[k]!) : undefined;
    if (second === undefined || second === first) continue;
    return text.slice(0, toks[i]!.start) + ' '.repeat(toks[k]!.start - toks[i]!.start) + text.slice(toks[k]!.start);
  }
  return text;
}

/** How many words after the command's verb a repair may come ("schedule a meeting no wait …"). */
const REPAIR_WITHIN_WORDS = 3;

/**
 * "schedule a no wait remind me to call the bank": a command begun and taken back for another.
 * A command verb opens, a repair word follows within a few words, and another command word
 * (not a kind of meeting: that is afterKindRepair's) comes right after it: what stands before
 * the new command is blanked (offsets kept).
 */
function afterCommandRepair(g: ParserDeps['grammars'][Lang], text: string, tok: (text: string) => Token[]): string {
  const rep = g.slots.kindRepair;
  if (!rep) return text;
  // Only the opening words matter: a prefix is tokenised (offsets stay those of the text).
  const toks = opening(tok(text), FIX_WITHIN_TOKENS + REPAIR_WITHIN_WORDS + 2).filter((t) => t.kind === 'word');
  const norms = toks.map((t) => t.norm);
  let s = 0;
  for (let n = g.intents.leadIn.matchAt(norms, s); n; n = g.intents.leadIn.matchAt(norms, s)) s += n;
  if (s >= toks.length || !opensCommand(g, norms[s]!)) return text;
  for (let i = s + 1; i <= s + REPAIR_WITHIN_WORDS && i < toks.length; i++) {
    const n = rep.matchAt(norms, i);
    if (!n) continue;
    let k = i + n;
    // ("create a task er no a reminder for me to …": the new command may be its noun, after an article.)
    const noun = k + 1 < toks.length && g.intents.nounOpeners.hasWord(norms[k]!) && g.intents.commands.some((c) => c.nouns.hasWord(norms[k + 1]!));
    if (noun) k++;
    if (k >= toks.length || g.slots.eventKinds.has(norms[k]!) || !(noun || opensCommand(g, norms[k]!))) return text;
    return text.slice(0, toks[s]!.start) + ' '.repeat(toks[k]!.start - toks[s]!.start) + text.slice(toks[k]!.start);
  }
  return text;
}

/** Does a command's verb or reminder word stand in word w ("message", "tell" too: "message kevin
 *  uh sorry message lilian that …")? */
function opensCommand(g: ParserDeps['grammars'][Lang], w: string): boolean {
  return g.intents.commands.some((c) => c.verbs.hasWord(w) || c.reminder.hasWord(w) || c.standaloneWithPerson.hasWord(w));
}

/**
 * "напиши ксю ксюше …": a word broken off and said again whole. A token of two letters or more that
 * the dictionary does not know, right before a word it begins, is blanked (offsets kept).
 */
function afterCutWord(text: string, tok: (text: string) => Token[], isWord: (w: string) => boolean, cutName: (cut: string, whole: string) => boolean = () => false): string {
  const toks = tok(text);
  let out: string | null = null;
  for (let k = 0; k + 1 < toks.length; k++) {
    const a = toks[k]!;
    const b = toks[k + 1]!;
    // (Cut before a colleague's name, a noun the dictionary knows is cut too: "нюр нюргуну" —
    // never a preposition: "на надежду".)
    if (a.kind !== 'word' || b.kind !== 'word' || a.norm.length < 2 || b.norm.length <= a.norm.length + 1 || !b.norm.startsWith(a.norm) || (isWord(a.norm) && !(a.norm.length >= 3 && cutName(a.norm, b.norm)))) continue;
    out = (out ?? text).slice(0, a.start) + ' '.repeat(a.end - a.start) + (out ?? text).slice(a.end);
  }
  return out ?? text;
}

/**
 * "поставь за дачу Ильдару …": a command's noun a recogniser wrote as two words ("за" + "дачу"),
 * right after a command verb, is that noun — joined, the space moved to its end (offsets kept).
 */
function afterSplitNoun(g: ParserDeps['grammars'][Lang], text: string, tok: (text: string) => Token[]): string {
  const toks = opening(tok(text), FIX_WITHIN_TOKENS).filter((t) => t.kind === 'word');
  for (let k = 1; k + 1 < toks.length; k++) {
    const [v, a, b] = [toks[k - 1]!, toks[k]!, toks[k + 1]!];
    if (a.norm.length > 3 || b.start !== a.end + 1 || !g.intents.commands.some((c) => c.verbs.hasWord(v.norm))) continue;
    // (Neither half a command noun of its own: "оцени лид номер …", "отправь смс Наталье".)
    if (!g.intents.commands.some((c) => c.nouns.hasWord(a.norm + b.norm)) || g.intents.commands.some((c) => c.nouns.hasWord(a.norm) || c.nouns.hasWord(b.norm))) continue;
    return text.slice(0, a.start) + a.text + b.text + ' ' + text.slice(b.end);
  }
  return text;
}

/** Longest command phrase a speaker may say twice in a row (three words twice is as often a title,
 *  "add a task add a task button", unless they end where the content begins: "remind me to remind
 *  me to call the vet"). */
const REPEAT_WORDS = 3;

/**
 * "remind me remind me to renew …", "поставь поставь задачу …": the command's opening words said
 * twice in a row (a stutter, or a recogniser's echo). The first copy is blanked (offsets kept).
 */
function afterRepeatedCommand(g: ParserDeps['grammars'][Lang], text: string, tok: (text: string) => Token[], isName: (word: string) => boolean): string {
  const toks = opening(tok(text), FIX_WITHIN_TOKENS + REPEAT_WORDS).filter((t) => t.kind === 'word');
  const norms = toks.map((t) => t.norm);
  let s = 0;
  // (Past the wake word too: "ok google remind me to um remind me to call the vet".)
  const callWords = (k: number) => g.intents.leadIn.matchAt(norms, k) || g.intents.fillers.matchAt(norms, k);
  for (let n = callWords(s); n; n = callWords(s)) s += n;
  const w = norms[s];
  if (w === undefined || !(opensCommand(g, w) || g.intents.commands.some((c) => c.standaloneWithPerson.hasWord(w)) || g.change.verbs.some(([, set]) => set.hasWord(w)))) return text;
  for (let n = REPEAT_WORDS; n >= 1; n--) {
    if (s + 2 * n > toks.length) continue;
    let same = true;
    if (n === REPEAT_WORDS && !g.slots.edgeWords.hasWord(norms[s + n - 1]!)) continue;
    for (let k = 0; k < n && same; k++) same = norms[s + k] === norms[s + n + k];
    // ("mark mark young's task as done": the second "mark" begins a colleague's name said in full.)
    if (same && n === 1 && s + 2 < toks.length && isName(norms[s + 1]!) && isName(norms[s + 2]!)) continue;
    if (same) return text.slice(0, toks[s]!.start) + ' '.repeat(toks[s + n]!.start - toks[s]!.start) + text.slice(toks[s + n]!.start);
  }
  // "напиши гу напиши гуле …": the verb, a word cut off (a name begun, three letters at most), the
  // verb again.
  if (s + 2 < toks.length && norms[s + 2] === w && norms[s + 1]!.length <= CUT_WORD_LETTERS) {
    return text.slice(0, toks[s]!.start) + ' '.repeat(toks[s + 2]!.start - toks[s]!.start) + text.slice(toks[s + 2]!.start);
  }
  return text;
}

/** Longest word taken as one cut off by a restart ("напиши гу напиши гуле"). */
const CUT_WORD_LETTERS = 3;

function fixCommandWords(deps: ParserDeps, lang: Lang, ig: IntentGrammar, text: string, tok: (text: string) => Token[], directory: Directory, prepositions: ReadonlyMap<string, number> = new Map()): string {
  const fix = deps.fixCommandWord?.[lang];
  if (!fix) return text;
  let out = text;
  // Command words open a command: only its first words are looked at (and junk costs nothing).
  const tokens = opening(tok(text), FIX_WITHIN_TOKENS);
  // The command's first word comes after the wake word and lead-ins ("слушай алиса Перинеси …").
  const words = tokens.map((t) => t.norm);
  let first = 0;
  const fixOpening = deps.fixOpeningWord?.[lang];
  while (first < tokens.length) {
    // "right to Oksana …": a lead-in word that is a command word misheard is the command's first.
    if (tokens[first]!.kind === 'word' && fixOpening?.(words[first]!, words[first + 1])) break;
    const n = tokens[first]!.kind === 'punct' ? 1 : ig.leadIn.matchAt(words, first) || ig.fillers.matchAt(words, first);
    if (!n || first + n >= tokens.length) break;
    first += n;
  }
  const firstOnly = lang === 'en';
  // English: the command's first word alone. Right to left, so earlier offsets stay valid.
  const positions = firstOnly ? (tokens.length ? [Math.min(first, tokens.length - 1)] : []) : [...tokens.keys()].reverse();
  // …and its noun past an article ("creat a taks"): right to left, so the noun goes first.
  const fixNoun = deps.fixCommandNoun?.[lang];
  const opener = fixNoun && first + 1 < tokens.length ? ig.nounOpeners.matchAt(words, first + 1) : 0;
  const noun = opener && first + 1 + opener < tokens.length ? first + 1 + opener : -1;
  // "Напиши Осипову: заедь на заправку": what follows a colon is what is said, no command word.
  const colon = tokens.findIndex((t, k) => k > first && t.kind === 'punct' && t.text === ':');
  // ("купить воду и снеки", "осмотр площадки в завидово": past a task's infinitive, or right after a
  // preposition, a word is the content's — no misheard command word.)
  // (Looked for only once a word would be fixed: most texts have none, and the look-up reads the dictionary.)
  let content: number | undefined;
  const pastContent = (i: number) => {
    content ??= lang === 'ru' ? tokens.findIndex((t, k) => k > first && t.kind === 'word' && deps.persons.isInfinitive(t.norm, 'ru')) : -1;
    return content >= 0 && i > content;
  };
  for (const i of noun >= 0 ? [noun, ...positions] : positions) {
    const t = tokens[i]!;
    if (colon >= 0 && i > colon) continue;
    if (lang === 'ru' && i > 0 && tokens[i - 1]!.kind === 'word' && prepositions.has(tokens[i - 1]!.norm)) continue;
    // A capitalised word inside the sentence is a name, never a misheard command.
    const f = i === noun ? fixNoun! : fix;
    const opened = i === first ? fixOpening?.(t.norm, tokens[i + 1]?.norm) : null;
    // (Nor a name of the directory: "передай задачу хансу" is Hans, no misheard "шансу".)
    const fixed = t.kind === 'word' && !(i > first && /^\p{Lu}/u.test(t.text)) ? (opened ?? f(t.norm)) : null;
    if (fixed && i > first && deps.persons.isNameForm(t.norm, directory)) continue;
    if (fixed && pastContent(i)) continue;
    if (fixed) out = out.slice(0, t.start) + fixed + out.slice(t.end);
  }
  return out;
}

function changeResult(deps: ParserDeps, u: Utterance, ctx: ParseContext, m: ChangeMatch, persons: PersonMention[], dates: DateMention[], lang: Lang): ParseResult {
  useLeadIn(u, Math.min(...m.triggers));
  useChatFillers(u);
  const d: ChangeDeps = { dates: deps.dates, ctx, eventKinds: u.g.slots.eventKinds };
  const slots = m.intent === 'agenda.query' ? agendaSlots(u, u.g.change, m, persons, dates, d) : changeSlots(u, u.g.change, m, persons, dates, d);
  return { intent: m.intent, slots, lang, trace: [`change:${m.intent}`] };
}

// ---------------------------------------------------------------------------------------------
// Shared steps


/** "плз", "pls" outside quotes: said to the assistant, so no title's or query's word. */
function useChatFillers(u: Utterance): void {
  const q = quotes(u.text);
  for (let i = 0; i < u.tokens.length; i++) {
    const t = u.tokens[i]!;
    if (t.kind !== 'word' || u.used[i] || q.some((s) => t.start >= s.start && t.start < s.end)) continue;
    const n = u.g.slots.chatFillers.matchAt(u.words, i);
    for (let k = 0; k < n; k++) u.used[i + k] = true;
  }
}

/** Extend the command words over adjacent verbs, nouns and fillers ("создай новую задачу"). */
function absorbCommandWords(u: Utterance, cmd: CommandMatch, personStarts: Set<number>, isNoun: (word: string) => boolean): void {
  const g = u.g;
  const words = u.words;
  const c = g.intents.commands.find((x) => x.intent === cmd.intent)!;
  let changed = true;
  while (changed) {
    changed = false;
    for (let i = 0; i < u.tokens.length; i++) {
      if (!u.used[i]) continue;
      for (const dir of [1, -1]) {
        const j = i + dir;
        if (j < 0 || j >= u.tokens.length || u.used[j] || u.tokens[j]!.kind !== 'word') continue;
        let n = g.slots.commandFillers.matchAt(words, j) || g.slots.chatFillers.matchAt(words, j);
        // (Written in capitals a word is an abbreviation, no filler: "create a task PO approval" keeps the
        // purchase order that Filipino "po" would drop.)
        if (n === 1 && /^\p{Lu}{2,}$/u.test(u.tokens[j]!.text)) n = 0;
        // A noun a verb's stem also covers, after the command ("проверить поставку" under "постав*"),
        // is a title word; before it, it is the verb misheard ("постав задачу").
        // (Never a person's name: "a meeting with Mark Olsen" — "mark" is a command verb too.)
        if (!n && !personStarts.has(j) && (c.nouns.hasWord(words[j]!) || (c.verbs.hasWord(words[j]!) && ((dir === -1 && c.nouns.hasWord(words[i]!)) || !isNoun(words[j]!))))) n = 1;
        // ("…, make it a task": a pronoun between the command's verb and the noun's words.)
        if (!n && dir === 1 && c.verbs.hasWord(words[i]!) && g.intents.commandPronouns.hasWord(words[j]!) && (c.nouns.matchAt(words, j + 1) || (g.slots.leftOnlyFillers.hasWord(words[j + 1] ?? '') && c.nouns.matchAt(words, j + 2)))) n = 1;
        // "make a task schedule the review": after the command's verb and noun, a verb of the
        // command opens the title ("задачу поставь …" has no verb before the noun).
        // (So after a message noun and a filler: "send Sean a message pls send the slides".)
        if (n === 1 && dir === 1 && c.verbs.hasWord(words[j]!) && !c.nouns.hasWord(words[j]!) && (c.nouns.hasWord(words[i]!) || usedNounBefore(u, c, i)) && usedVerbBefore(u, c, i)) n = 0;
        // …and so does an infinitive after the noun with no verb said ("задача на Полину оформить
        // доверенность": "оформ*" is a command verb's stem, "оформить" the task).
        if (n === 1 && dir === 1 && c.verbs.hasWord(words[j]!) && usedNounBefore(u, c, j) && g.intents.contentEndings.some((e) => words[j]!.endsWith(e))) n = 0;
        // Articles belong to the noun after them, never to the one before ("a message the …").
        if (n === 1 && dir === 1 && g.slots.leftOnlyFillers.hasWord(words[j]!)) n = 0;
        // "…сообщение давай созвонимся": a message's text may open with "давай"; it is the
        // command's only when the recipient follows it ("напиши давай Антону").
        if (n === 1 && dir === 1 && cmd.intent === 'message.send' && g.slots.textOpeners.hasWord(words[j]!) && !personStarts.has(j + 1)) n = 0;
        // Multi-word fillers are matched from their first word only, going right.
        if (n && (dir === 1 || n === 1)) {
          for (let k = 0; k < n; k++) u.used[j + k] = true;
          changed = true;
        }
      }
    }
  }
}

/** Is a noun of the command said (used) before token i? */
function usedNounBefore(u: Utterance, c: IntentGrammar['commands'][number], i: number): boolean {
  for (let k = 0; k < i; k++) if (u.used[k] && u.tokens[k]!.kind === 'word' && c.nouns.matchAt(u.words, k) && !c.verbs.hasWord(u.words[k]!)) return true;
  return false;
}

/** Is a verb of the command said (used) before token i? */
function usedVerbBefore(u: Utterance, c: IntentGrammar['commands'][number], i: number): boolean {
  for (let k = 0; k < i; k++) if (u.used[k] && u.tokens[k]!.kind === 'word' && c.verbs.hasWord(u.words[k]!)) return true;
  return false;
}

/** Mark role words ("с ответственным", "сроком") as used wherever they stand — but a one-word
 *  role word between two title words is a title word ("the response deadline on the motion"), and
 *  in an `event` so is one after a title word. */
function useRoleWords(u: Utterance, persons: PersonMention[], dates: DateMention[], event = false): void {
  const words = u.words;
  let taken: Set<number> | undefined;
  const titleWordAt = (k: number) => u.tokens[k]?.kind === 'word' && !u.used[k] && !(taken ??= mentionTokens(u, persons, dates)).has(k);
  for (let i = 0; i < words.length; i++) {
    if (u.used[i] || u.tokens[i]!.kind !== 'word') continue;
    const n = u.g.slots.roleWords.matchAt(words, i);
    if (n === 1 && titleWordAt(i - 1) && titleWordAt(i + 1)) continue;
    // (An event has no deadline: after a title word one is the title's, "grant submission deadline August 6".)
    if (event && n === 1 && titleWordAt(i - 1)) continue;
    if (n) for (let k = 0; k < n; k++) u.used[i + k] = true;
  }
}

/**
 * A title after a marker ("с заголовком X", "called X"): from the marker to where a date, a person
 * after на/для/for, a role word or another marker begins. Returns the title and marks its tokens.
 */
function markedTitle(u: Utterance, persons: PersonMention[], dates: DateMention[], attendeePrepositions?: WordSet, objects: PersonMention[] = []): string | undefined {
  const words = u.words;
  const dateStarts = new Set(dates.map((d) => u.tokenAt(d.index)).filter((i) => i >= 0));
  const personStops = new Set<number>();
  for (const p of persons) {
    const idx = personTokens(u, p);
    const first = idx[0];
    if (first === undefined) continue;
    // (An event has no responsible: "titled Farewell drinks for Lars" keeps Lars in the title.)
    if (p.kind === 'pronoun' || (!attendeePrepositions && p.preposition && TITLE_ENDING_PREPOSITIONS.has(p.preposition))) personStops.add(first);
    // An event's title ends where its attendees begin ("titled budget sync with Omar and Lena").
    else if (attendeePrepositions && p.preposition && attendeePrepositions.hasWord(p.preposition) && isPrepositionOf(u, first, p)) personStops.add(first);
  }
  const slotTokens = mentionTokens(u, persons.filter((p) => !objects.includes(p)), dates);
  // ("на Тёму Бородина: …": a marker's word inside a colleague's full name is the name's — Тёму is no тему.)
  const inFullName = new Set<number>();
  for (const p of persons) {
    if (p.kind !== 'name' || !('userId' in p.slot)) continue;
    const idx = personTokens(u, p).filter((k) => u.tokens[k]!.kind === 'word' && u.words[k] !== p.preposition);
    if (idx.length >= 2) for (const k of idx) inFullName.add(k);
  }
  for (let i = 0; i < words.length; i++) {
    if (u.used[i] || u.tokens[i]!.kind !== 'word') continue;
    const n = u.g.slots.titleMarkers.matchAt(words, i);
    if (!n) continue;
    if (Array.from({ length: n }, (_, k) => i + k).some((k) => inFullName.has(k))) continue;
    // "add a task call the landlord about the heating": a marker that is also a title's own word
    // is one when it follows a title word, not the command, a date or a person.
    // …or a kind of meeting: "a meeting about stand allocation" keeps its words (nlu.md).
    // (…also with its attendees between: "a meeting with Tomasz about the new studio".)
    if (u.g.slots.titleWordMarkers.matchAt(words, i) === n && (followsTitleWord(u, i, slotTokens) || kindBefore(u, i, slotTokens))) continue;
    const from = i + n;
    let to = from;
    while (to < words.length) {
      if (dateStarts.has(to) || personStops.has(to)) break;
      // ("с названием подготовить макет и поставь на Айгерим": "и" and a command's verb right
      // before the person or date are the command's.)
      if (to > from && u.tokens[to]!.kind === 'word' && u.g.slots.personJoiners.hasWord(words[to]!) && commandVerbBeforeStop(u, to + 1, (k) => dateStarts.has(k) || personStops.has(k))) break;
      // (A marker that is a title's own word goes on: "called Call Reed about the bikes".)
      if (u.tokens[to]!.kind === 'word' && to > from && (u.g.slots.roleWords.matchAt(words, to) || (u.g.slots.titleMarkers.matchAt(words, to) && u.g.slots.titleWordMarkers.matchAt(words, to) !== u.g.slots.titleMarkers.matchAt(words, to)))) break;
      to++;
    }
    const title = runText(u, from, to);
    if (!title) continue;
    for (let k = i; k < to; k++) u.used[k] = true;
    return title;
  }
  return undefined;
}

/** A command's verb at token k, with a stop (a person, a date) or the end right after it. */
function commandVerbBeforeStop(u: Utterance, k: number, stop: (k: number) => boolean): boolean {
  if (u.tokens[k]?.kind !== 'word') return false;
  for (const c of u.g.intents.commands) {
    const n = c.verbs.matchAt(u.words, k);
    if (n && (k + n >= u.tokens.length || stop(k + n))) return true;
  }
  return false;
}

/** Is the word before token i, past persons and dates, a kind of meeting? */
function kindBefore(u: Utterance, i: number, slotTokens: Set<number>): boolean {
  let k = i - 1;
  // (Past a list of attendees too, said in one breath: "a meeting with fatima hassan and omar about …";
  // not "Meeting with Rustam and Jerome on the 2nd, 11:00-12:30, title …".)
  const joins = (k: number) => u.tokens[k]!.kind === 'word' && u.g.slots.personJoiners.hasWord(u.words[k]!) && slotTokens.has(k - 1) && slotTokens.has(k + 1);
  let joined = false;
  let punct = false;
  for (; k >= 0; k--) {
    if (u.tokens[k]!.kind === 'punct') punct = true;
    else if (joins(k)) joined = true;
    else if (!slotTokens.has(k)) break;
  }
  if (joined && punct) return false;
  return k >= 0 && u.g.slots.eventKinds.has(u.words[k]!);
}

/** The tokens of these persons (with their prepositions) and dates. */
function mentionTokens(u: Utterance, persons: PersonMention[], dates: DateMention[]): Set<number> {
  return new Set([...dates.flatMap((d) => dateTokens(u, d)), ...persons.flatMap((p) => personTokens(u, p))]);
}

/** Is the word before token i (past punctuation) one no command, date or person used? */
function followsTitleWord(u: Utterance, i: number, slotTokens: Set<number>): boolean {
  let j = i - 1;
  while (j >= 0 && u.tokens[j]!.kind === 'punct') j--;
  return j >= 0 && !u.used[j] && !slotTokens.has(j);
}

/** The first token of a title marker ("titled", "with the title") ending at token i, if one does. */
function titleMarkerEndingAt(u: Utterance, i: number): number | undefined {
  const words = u.words;
  for (let j = Math.max(0, i - 3); j <= i; j++) {
    if (u.used[j] || u.tokens[j]!.kind !== 'word') continue;
    if (u.g.slots.titleMarkers.matchAt(words, j) === i - j + 1) return j;
  }
  return undefined;
}

/**
 * The quoted words as the whole title ("задачу «Обновить прайс» на пятницу") — unless title words
 * stand right beside the quote ("выставить счёт ООО «Вектор»"): then the quote is a name inside
 * the title said around it, and the title keeps it, quotes and all.
 */
function quotedTitle(u: Utterance, persons: PersonMention[], dates: DateMention[]): string | undefined {
  const q = quotes(u.text)[0];
  if (!q) return undefined;
  const inside = u.tokensIn(q.start, q.end);
  const taken = mentionTokens(u, persons, dates);
  const titleWordAt = (i: number) => u.tokens[i]!.kind === 'word' && !u.used[i] && !taken.has(i);
  let before = inside[0]! - 1;
  const after = inside[inside.length - 1]! + 1;
  // 'titled "Call Ruslan about the shipment"': a title marker before the quote is no title word,
  // and the quote stays whole (its own markers, "about", mark nothing).
  const marker = before >= 0 ? titleMarkerEndingAt(u, before) : undefined;
  if (marker !== undefined) before = marker - 1;
  // ('"Menu costing" for chef Nakamura': a preposition after the quote opens what follows it.)
  const opensAfter = after < u.tokens.length && u.tokens[after]!.kind === 'word' && (TITLE_ENDING_PREPOSITIONS.has(u.words[after]!) || u.g.slots.attendeePrepositions.hasWord(u.words[after]!));
  if ((before >= 0 && titleWordAt(before)) || (after < u.tokens.length && titleWordAt(after) && !opensAfter)) return undefined;
  if (marker !== undefined) for (let k = marker; k < inside[0]!; k++) u.used[k] = true;
  u.use(inside);
  return q.inner;
}


// ---------------------------------------------------------------------------------------------
// Per intent

/** A day wholly before today said right after a preposition of pastTopicPrepositions: a title's words. */
function pastTopic(u: Utterance, d: DateMention, ctx: ParseContext): boolean {
  if (d.end || !u.g.slots.pastTopicPrepositions.size) return false;
  // (The date's own text may hold the preposition: "from yesterday".)
  const first = u.tokenAt(d.index);
  const k = first >= 0 && u.g.slots.pastTopicPrepositions.hasWord(u.words[first]!) ? first : first - 1;
  if (k < 0 || u.tokens[k]!.kind !== 'word' || !u.g.slots.pastTopicPrepositions.hasWord(u.words[k]!)) return false;
  return d.start.slice(0, 10) < formatDate(wallClockAt(ctx.now, ctx.timeZone));
}

function taskSlots(u: Utterance, cmd: CommandMatch, persons: PersonMention[], said: DateMention[], isInfinitive: (word: string) => boolean = () => false): Slots {
  const slots: Slots = {};
  // "chase the agency about Saturday cover, due Wednesday": of two days, the one said as the
  // deadline is the task's; the other is a word of its title.
  // (Only a bare day between two words: "on Monday to pay …" stays the reminder's day.)
  const deadlines = said.filter((d) => d.deadline);
  const other = said.find((d) => !d.deadline);
  const inTitle = !!other && /^\p{L}+$/u.test(other.text) && /\p{L}\s+$/u.test(u.text.slice(0, other.index)) && /^\s+\p{L}/u.test(u.text.slice(other.index + other.text.length));
  const dates = deadlines.length === 1 && said.length === 2 && inTitle && !said.some((d) => d.end) ? deadlines : said;
  useRoleWords(u, persons, dates);
  const objects = titleObjects(u, persons, dates);
  let title = quotedTitle(u, persons, dates);
  if (!title) title = markedTitle(u, persons, dates, undefined, objects);
  for (const d of dates) u.use(dateTokens(u, d));
  let responsible: PersonSlot | undefined;
  // "remind me …": the speaker named inside the reminder phrase is the responsible.
  // (Not a pronoun of the lead-in before the command: "мне надо, чтобы ты напомнила мне …".)
  const firstTrigger = Math.min(...cmd.triggers);
  if (cmd.reminder && persons.some((p) => p.kind === 'pronoun' && personTokens(u, p).every((i) => u.used[i] && i >= firstTrigger))) responsible = { self: true };
  let lastPerson = -1;
  let lastObject = -1;
  // "audit preparation with Uwe Schulze as responsible": the person the role is said after.
  // ("Sherpa allowance for the Makalu trip, responsible Hari": …or the person said right after a role word.)
  const roleBefore = (p: PersonMention) => {
    const first = personTokens(u, p)[0]!;
    for (let k = first - 1; k >= Math.max(0, first - 4); k--) if (u.tokens[k]!.kind === 'word' && u.g.slots.roleBefore.matchAt(u.words, k) === first - k) return true;
    return false;
  };
  const named =
    persons.find((p) => {
      const idx = personTokens(u, p);
      const after = idx[idx.length - 1]! + 1;
      return u.tokens[after]?.kind === 'word' && u.g.slots.roleAfter.matchAt(u.words, after) > 0;
    }) ?? (persons.length > 1 ? persons.find((p) => p.kind !== 'pronoun' && roleBefore(p)) : undefined);
  if (named) {
    responsible = named.slot;
    const idx = personTokens(u, named);
    const after = idx[idx.length - 1]! + 1;
    u.use([...idx, ...Array.from({ length: u.g.slots.roleAfter.matchAt(u.words, after) }, (_, k) => after + k)]);
    // ("with" before it is the role's, no title word.)
    if (idx[0]! > 0 && u.tokens[idx[0]! - 1]!.kind === 'word' && named.preposition === u.words[idx[0]! - 1]) u.use([idx[0]! - 1]);
    lastPerson = idx[idx.length - 1]!;
  }
  for (const p of persons) {
    if (p === named) continue;
    const idx = personTokens(u, p);
    if (idx.some((i) => u.used[i] && !isPrepositionOf(u, i, p))) continue; // inside a title or the command
    if (objects.includes(p)) continue; // "add a task call Maya": the title's verb's object
    // "Вере и Петру": a person joined to the responsible by "и" / "," / "and" is no title word.
    if (responsible && lastPerson >= 0 && joinedTo(u, lastPerson, idx[0]!)) {
      u.use(idx);
      lastPerson = idx[idx.length - 1]!;
      continue;
    }
    // Once the responsible is known, and right after "с", "про", "with" …, a person belongs to the
    // title ("позвонить Антону", "созвониться с Антоном", "call Sophie"); "с ответственным
    // Сергеем" is a role, not a title word (the preposition is not next to the name).
    if (responsible || (p.preposition && !p.roleWord && u.g.slots.titlePersonPrepositions.hasWord(p.preposition) && isPrepositionOf(u, idx[0]!, p))) continue;
    if (isPlaceAfterTitleWord(u, p, idx)) continue;
    // "напомни позвонить Ашоту Петросяну …": right after the title's infinitive, with no
    // preposition, a person is that verb's object, not who does it.
    // "позвонить Тимуру и Гульшат": a person joined to that object is one too.
    if ((!p.preposition && objectOfTitleVerb(u, idx[0]!, isInfinitive)) || (lastObject >= 0 && joinedTo(u, lastObject, idx[0]!))) {
      lastObject = idx[idx.length - 1]!;
      continue;
    }
    responsible = p.slot;
    u.use(idx);
    lastPerson = idx[idx.length - 1]!;
    // ("пусть Ксюша … закроет вакансию, поставь задачу": the assigning word before the person is
    // the command's, though another trigger made it.)
    const k = idx[0]! - 1;
    if (u.lang === 'ru' && k >= 0 && !u.used[k] && u.tokens[k]!.kind === 'word' && taskAssigners(u).matchAt(u.words, k) === 1) u.use([k]);
  }
  if (!responsible && cmd.reminder) responsible = { self: true };
  if (lastPerson >= 0) usePersonDescription(u, lastPerson);
  if (lastPerson >= 0) useSubjectModal(u, lastPerson);
  if (!title) useVerbParticles(u, cmd);
  // "так, дети жалуются, поставь задачу Кижеватову починить качели": what is said before the
  // command, when the task follows it, is why, not what.
  // (Russian: an English reminder's noun stands inside its content, "set a reminder for the wedding".)
  if (!title) title = (u.lang === 'ru' ? residual(u, Math.max(...cmd.triggers) + 1) : undefined) ?? residual(u);
  if (title) slots.title = withoutArticle(u, title);
  if (responsible) slots.responsible = responsible;
  const t = timeSlots(dates);
  if (t.start) slots.deadline = t.start;
  return slots;
}

/**
 * "Ziad Mansour needs to book the truck …, make it a task": a modal said right after the responsible,
 * before the task's own words, is the sentence's, no title word.
 */
function useSubjectModal(u: Utterance, last: number): void {
  const from = last + 1;
  if (u.tokens[from]?.kind !== 'word' || u.used[from]) return;
  const n = u.g.slots.subjectModals.matchAt(u.words, from);
  if (!n || u.tokens[from + n]?.kind !== 'word' || u.used[from + n]) return;
  u.use(Array.from({ length: n }, (_, k) => from + k));
}

/**
 * "task for Kevin in accounting: reconcile …": a few words after the responsible, opened by one of
 * personDescriptionPrepositions and closed by a colon, say who the person is; they are no title words.
 * (So are they closed by the "to" that opens the task: "task for steve from johnson controls to send …".)
 */
function usePersonDescription(u: Utterance, last: number): void {
  const from = last + 1;
  if (u.tokens[from]?.kind !== 'word' || u.used[from] || !u.g.slots.personDescriptionPrepositions.hasWord(u.words[from]!)) return;
  for (let k = from + 1; k < u.tokens.length && k <= from + 4; k++) {
    const t = u.tokens[k]!;
    if (t.kind === 'punct' && t.text === ':') {
      u.use(Array.from({ length: k - from + 1 }, (_, n) => from + n));
      return;
    }
    if (k > from + 1 && t.kind === 'word' && u.g.intents.contentBefore.matchAt(u.words, k) === 1 && u.tokens[k + 1]?.kind === 'word' && u.g.intents.contentVerbs.hasWord(u.words[k + 1]!)) {
      u.use(Array.from({ length: k - from + 1 }, (_, n) => from + n));
      return;
    }
    if (t.kind !== 'word' || u.used[k]) return;
  }
}

/**
 * "add a task call Maya about the invoice", "a task to email Hugo the deck": in English a person
 * right after a title word, with no preposition, is that word's object and stays in the title
 * (the responsible is said with for / to / on, or right after the command).
 */
function titleObjects(u: Utterance, persons: PersonMention[], dates: DateMention[]): PersonMention[] {
  if (!u.g.slots.objectsAfterTitleWords) return [];
  const taken = new Set([...dates.flatMap((d) => dateTokens(u, d)), ...persons.flatMap((p) => personTokens(u, p))]);
  return persons.filter((p) => {
    const first = personTokens(u, p)[0];
    if (first === undefined || first === 0) return false;
    // "remind me to follow up with Wei about the samples": after a title word, "with" + a person is
    // the title's too, so the "about" after them is no marker.
    const titlePrep = !!p.preposition && isPrepositionOf(u, first, p) && u.g.slots.titlePersonPrepositions.hasWord(p.preposition);
    if (p.preposition && isPrepositionOf(u, first, p) && !titlePrep) return false;
    const j = first - 1;
    const t = u.tokens[j]!;
    return t.kind === 'word' && !u.used[j] && !taken.has(j) && !u.g.slots.edgeWords.hasWord(t.norm) && !u.g.slots.personJoiners.hasWord(t.norm);
  });
}

/** Is the token before `first` a title word (no command's) that is an infinitive? */
function objectOfTitleVerb(u: Utterance, first: number, isInfinitive: (word: string) => boolean): boolean {
  const j = first - 1;
  return j >= 0 && !u.used[j] && u.tokens[j]!.kind === 'word' && isInfinitive(u.words[j]!);
}

/**
 * "book flights to Berlin": a name nobody in the directory has, after a place preposition that
 * follows a title word (not the command: "task to Omar"), is where, not who — it stays in the title.
 */
function isPlaceAfterTitleWord(u: Utterance, p: PersonMention, idx: number[], prepositions = u.g.slots.placePrepositions): boolean {
  if (p.kind !== 'unknown' || !p.preposition || !prepositions.hasWord(p.preposition)) return false;
  const at = idx[0]!;
  if (!isPrepositionOf(u, at, p)) return false;
  const before = u.tokens[at - 1];
  return !!before && before.kind === 'word' && !u.used[at - 1];
}

/** The words that give a task to the person after them ("пусть", "поручи", "delegate"). */
function taskAssigners(u: Utterance): WordSet {
  return u.g.intents.commands.find((c) => c.intent === 'task.create')!.standaloneWithPerson;
}

/** Right after the person's tokens: an outsider marker ("from") and a word no slot took. */
function isOutsider(u: Utterance, idx: number[]): boolean {
  const k = idx[idx.length - 1]! + 1;
  return u.tokens[k]?.kind === 'word' && u.g.slots.outsiderMarkers.hasWord(u.words[k]!) && u.tokens[k + 1]?.kind === 'word' && !u.used[k + 1];
}

/** Only joining words ("и", ",", "and") stand between token `last` and token `first`. */
function joinedTo(u: Utterance, last: number, first: number): boolean {
  if (first <= last + 1) return false;
  for (let i = last + 1; i < first; i++) {
    const t = u.tokens[i]!;
    if (!(t.kind === 'punct' ? t.text === ',' : u.g.slots.personJoiners.hasWord(t.norm))) return false;
  }
  return true;
}


/** Unused words right before token i, up to a used token, punctuation or an article or filler
 *  ("Board" of "Board meeting", "budget" of "a budget sync"); they are marked used. */
function modifiersBefore(u: Utterance, i: number): string | undefined {
  let j = i;
  // (Not a length said before it: "a one hour meeting".)
  const free = (k: number) =>
    !u.used[k] && u.tokens[k]!.kind === 'word' && !u.g.slots.commandFillers.hasWord(u.words[k]!) && !u.g.change.shiftUnits.matchAt(u.words, k) && !u.g.numbers.readAt(u.words, k);
  // "Sprint 42 demo": a number in digits after a word of the name is its label.
  const label = (k: number) => !u.used[k] && u.tokens[k]!.kind === 'number' && /^\d+$/.test(u.tokens[k]!.text) && k > 0 && free(k - 1) && /^\p{Lu}/u.test(u.tokens[k - 1]!.text);
  while (j > 0 && (free(j - 1) || label(j - 1)) && !u.g.slots.notModifiers.hasWord(u.words[j - 1]!)) j--;
  if (j === i) return undefined;
  u.use(Array.from({ length: i - j }, (_, k) => j + k));
  return runText(u, j, i);
}

/**
 * "день рождения Эльзы Шмидт", "юбилей Петра": a person in the genitive right after a title word
 * (no preposition, no kind of meeting) owns what the event is about; nobody invited. "встреча
 * Степана и Веры" (a kind of meeting) keeps its attendees.
 */
function ownerInTitle(u: Utterance, p: PersonMention, idx: number[], isNoun: (word: string) => boolean): boolean {
  // "Yuki's birthday": the owner of what the event is, before it (a kind of meeting is another's:
  // "Yuki's standup" invites her).
  if (u.lang === 'en') {
    const next = idx[idx.length - 1]! + 1;
    const t = u.tokens[next];
    // ("Wanjiru's visit from Nairobi": a trip or a visit is the one who makes it.)
    // ("a call with doctor patel's office": after "with" too, what is met is the owner's thing.)
    const possessive = !!p.possessive || /['’]s$/i.test(p.text);
    if (!possessive || !t || t.kind !== 'word' || u.used[next]) return false;
    return !u.g.slots.eventKinds.has(u.words[next]!) || (!p.preposition && u.g.slots.ownKinds.hasWord(u.words[next]!));
  }
  if (p.preposition || p.kind === 'pronoun' || !p.cases.includes('gent') || p.cases.includes('ablt')) return false;
  const before = idx[0]! - 1;
  const t = u.tokens[before];
  // (Owned by a noun: "позови Шевчука" invites him, "день рождения Шевчука" is his.)
  return !!t && t.kind === 'word' && !u.used[before] && !u.g.slots.eventKinds.has(u.words[before]!) && !u.g.slots.personJoiners.hasWord(u.words[before]!) && isNoun(u.words[before]!);
}

/**
 * "put a call with Yana in for 4:45": the particle of the command's verb said after its object is
 * the verb's (slots-*.yaml verb_particles), when nothing but slots follows it.
 */
function useVerbParticles(u: Utterance, cmd: CommandMatch): void {
  const particles = u.g.slots.verbParticles;
  if (!particles.size) return;
  // (A verb that is no command word of its own before the command's noun counts too: "get a meeting in with …".)
  const first = Math.min(...cmd.triggers);
  const verbs = [...cmd.triggers];
  for (let t = Math.max(0, first - 3); t < first; t++) if (particles.has(u.words[t]!)) verbs.push(t);
  for (const t of verbs) {
    const own = particles.get(u.words[t]!);
    if (!own) continue;
    // ("block out Friday afternoon for focus time": said right after the verb, it is the verb's too.)
    if (t === first && u.tokens[t + 1]?.kind === 'word' && !u.used[t + 1] && own.has(u.words[t + 1]!)) {
      u.use([t + 1]);
      continue;
    }
    for (let i = t + 1; i < u.tokens.length; i++) {
      if (u.used[i] || u.tokens[i]!.kind !== 'word' || !own.has(u.words[i]!)) continue;
      let k = i + 1;
      while (k < u.tokens.length && (u.used[k] || u.tokens[k]!.kind === 'punct')) k++;
      // (…or, right after the command's noun, when the person it is for or with follows: "put a task
      // in for Fatima to …", "put a meeting in with Sione …".)
      const beforePerson = cmd.triggers.includes(i - 1) && u.tokens[i + 1]?.kind === 'word' && u.g.slots.verbParticleBefore.hasWord(u.words[i + 1]!);
      if (k === u.tokens.length || beforePerson) u.use([i]);
      break;
    }
  }
}

/** "to my calendar", "в календарь": where the event goes, no word of its title (marked used). */
function useCalendarPlace(u: Utterance): void {
  const g = u.g;
  for (let i = 0; i < u.tokens.length; i++) {
    if (u.tokens[i]!.kind !== 'word' || !g.change.agendaEventNouns.hasWord(u.words[i]!)) continue;
    u.use([i]);
    for (let k = i - 1; k >= 0 && u.tokens[k]!.kind === 'word'; k--) {
      const w = u.words[k]!;
      if (!g.slots.commandFillers.hasWord(w) && !g.slots.calendarPrepositions.hasWord(w)) break;
      u.use([k]);
    }
  }
}

function agreeingNominatives(deps: ParserDeps): AgreeingNominatives | undefined {
  const { agrees, nominative } = deps;
  if (!agrees || !nominative) return undefined;
  return (adjectives, noun) => (adjectives.every((a) => agrees(a, noun)) ? nominative([...adjectives, noun], 'ru').slice(0, adjectives.length) : null);
}

/** Russian adjectives agreeing with a noun, in the nominative ("еженедельную" before "планёрку"
 *  → ["еженедельная"]), or null when they do not agree. */
type AgreeingNominatives = (adjectives: string[], noun: string) => string[] | null;

/** "родительское собрание", "еженедельную планёрку": adjectives right before a kind of meeting
 *  that agree with it are part of its name, in the nominative. */
function ruModifiersBefore(u: Utterance, i: number, agreeing: AgreeingNominatives | undefined): string | undefined {
  if (!agreeing) return undefined;
  let j = i;
  while (j > 0 && i - j < 2 && !u.used[j - 1] && u.tokens[j - 1]!.kind === 'word' && agreeing([u.words[j - 1]!], u.words[i]!)) j--;
  if (j === i) return undefined;
  const nominatives = agreeing(u.words.slice(j, i), u.words[i]!);
  if (!nominatives) return undefined;
  u.use(Array.from({ length: i - j }, (_, k) => j + k));
  return nominatives.join(' ');
}

function eventSlots(u: Utterance, cmd: CommandMatch, persons: PersonMention[], dates: DateMention[], isNoun: (word: string) => boolean = () => true, agreeing?: AgreeingNominatives, nounNominative?: (word: string) => string): Slots {
  const slots: Slots = {};
  useRoleWords(u, persons, dates, true);
  useCalendarPlace(u);
  let title = quotedTitle(u, persons, dates);
  if (!title) title = markedTitle(u, persons, dates, u.g.slots.attendeePrepositions);
  for (const d of dates) u.use(dateTokens(u, d));
  const attendees: PersonSlot[] = [];
  for (const p of persons) {
    const idx = personTokens(u, p);
    if (idx.some((i) => u.used[i] && !isPrepositionOf(u, i, p))) continue;
    if (ownerInTitle(u, p, idx, isNoun)) continue;
    // "business trip to Krasnoyarsk": a place, in the title.
    if (p.kind === 'unknown' && isPlace(u, u.g.change, p, idx)) continue;
    // "проверка аптеки на Гагарина": nobody is invited with "на"; a name nobody here has after a
    // title word is a street.
    if (isPlaceAfterTitleWord(u, p, idx, u.g.slots.eventPlacePrepositions)) continue;
    // "a call with Brenda from Stryker": somebody from another organisation, in the title.
    if (p.kind === 'unknown' && isOutsider(u, idx)) continue;
    // ("созвон с капитаном Окуневым": the role said with the attendee stays in the title, nlu.md.)
    u.use(p.roleWord && idx.length > 2 ? idx.slice(2) : idx);
    if ('self' in p.slot) continue; // the owner of the calendar is the speaker anyway
    // ("с Вэй Чжаном": a name read twice is one attendee.)
    if ('userId' in p.slot && attendees.some((a) => 'userId' in a && a.userId === (p.slot as { userId: number }).userId)) continue;
    attendees.push(p.slot);
  }
  // Connectors between attendees ("с Марией и Ольгой") are not title words.
  if (!title) useVerbParticles(u, cmd);
  if (!title) {
    // A kind of meeting names the event, with the words right after it ("встреча с клиентом").
    // Only command words are used at this point (dates and persons never are kinds of meeting).
    const commandWords = u.tokens.map((_, i) => i).filter((i) => u.used[i]);
    for (const i of commandWords) {
      const w = u.words[i]!;
      // A kind said in two words ("stand up").
      const pair = u.used[i + 1] && u.tokens[i + 1]?.kind === 'word' && u.g.slots.eventKinds.get(`${w} ${u.words[i + 1]}`);
      const kind = pair || u.g.slots.eventKinds.get(w);
      if (kind) {
        let end = pair ? i + 1 : i;
        // "the kickoff meeting": English names a kind of meeting before the generic one, which
        // stays in the name (as in "planning meeting").
        if (u.lang === 'en') while (u.used[end + 1] && u.tokens[end + 1]?.kind === 'word' && u.g.slots.eventKinds.has(u.words[end + 1]!)) end++;
        // "meeting with the cardiology team": the "with" of a command phrase ("meeting with") that
        // invites nobody is the title's.
        const w2 = end + 1;
        if (cmd.triggers.includes(w2) && u.tokens[w2]?.kind === 'word' && u.g.slots.attendeePrepositions.hasWord(u.words[w2]!) && u.tokens[w2 + 1]?.kind === 'word' && !u.used[w2 + 1] && !persons.some((p) => personTokens(u, p).includes(w2) && !(p.kind === 'unknown' && isOutsider(u, personTokens(u, p))))) u.used[w2] = false;
        let rest = [residual(u, end + 1, true), ...laterTopics(u, end + 1)].filter(Boolean).join(' ');
        const p = end + 1;
        if (rest && !u.used[p] && u.tokens[p]?.kind === 'word' && u.g.slots.purposeMarkers.hasWord(u.words[p]!) && u.tokens[p + 1]?.kind === 'word' && !u.used[p + 1]) rest = `${u.tokens[p]!.text} ${rest}`;
        // English puts what kind of meeting it is before it: "Board meeting", "budget sync".
        const before = u.lang === 'en' ? modifiersBefore(u, i) : pair ? undefined : ruModifiersBefore(u, i, agreeing);
        const said = u.lang === 'en' && end > i ? u.slice(i, end + 1) : u.tokens[i]!.text;
        const head = before ? `${before} ${u.lang === 'en' ? said : kind}` : u.lang === 'en' && end > i ? said : kind;
        title = rest ? `${head} ${rest}` : head;
        break;
      }
      if (u.g.slots.eventPlain.hasWord(w)) {
        // "событие конференция …", "add event dinner with partners": a kind right after it names
        // the event (a command word itself, so it is looked at before the words no slot took).
        const next = u.words[i + 1];
        const kindAfter = next !== undefined && u.tokens[i + 1]!.kind === 'word' ? u.g.slots.eventKinds.get(next) : undefined;
        if (kindAfter) {
          // (English reads the run from the kind itself: an edge "to" after it is the title's,
          // "event trip to Almaty".)
          if (u.lang === 'en') {
            const kindUsed = u.used[i + 1]!;
            u.used[i + 1] = false; // (a kind may be a command noun too: "event dinner with …")
            title = residual(u, i + 1, true);
            u.used[i + 1] = kindUsed;
          } else {
            const rest = residual(u, i + 2, true);
            title = rest ? `${kindAfter} ${rest}` : kindAfter;
          }
          break;
        }
        // Past what is said right after it, a date of several words too ("an event for the
        // whole day tomorrow: Inventory …").
        let from = i + 1;
        while (from < u.tokens.length && u.used[from]) from++;
        title = residual(u, from, true);
        break;
      }
    }
  }
  // Named by the calendar alone ("add to my calendar a sync with …", "put budget review in my
  // calendar"): a kind of meeting said elsewhere, else the words no slot took, are the title.
  if (!title && cmd.triggers.some((i) => u.g.change.agendaEventNouns.hasWord(u.words[i]!))) {
    const at = u.tokens.findIndex((t, i) => t.kind === 'word' && !u.used[i] && u.g.slots.eventKinds.has(u.words[i]!));
    if (at >= 0 && u.lang === 'en') {
      // ("put in my calendar an event training for …": the bare event word before the kind names nothing.)
      if (at > 0 && !u.used[at - 1] && u.tokens[at - 1]!.kind === 'word' && u.g.slots.eventPlain.hasWord(u.words[at - 1]!)) u.use([at - 1]);
      // (Read from the kind itself: an edge "to" after it is the title's, "site visit to Samarkand".)
      title = [modifiersBefore(u, at), residual(u, at, true)].filter(Boolean).join(' ');
    } else if (at >= 0) {
      const rest = residual(u, at + 1, true);
      // ("в календарь судебное заседание …": its adjectives too.)
      const before = ruModifiersBefore(u, at, agreeing);
      const nominative = u.g.slots.eventKinds.get(u.words[at]!)!;
      const kind = before ? `${before} ${nominative}` : nominative;
      title = rest ? `${kind} ${rest}` : kind;
    } else {
      // "… в календарь событие обмолот поля": the bare событие/event gives no title (nlu.md).
      const plain = u.tokens.findIndex((t, i) => t.kind === 'word' && !u.used[i]);
      if (plain >= 0 && u.g.slots.eventPlain.hasWord(u.words[plain]!)) u.use([plain]);
      title = residual(u);
    }
  }
  // "schedule a tasting with Carlos next Thursday": no kind of meeting said, the words no slot
  // took name the event (an article before them is no word of the name).
  if (!title) {
    let first = u.tokens.findIndex((t, i) => t.kind === 'word' && !u.used[i]);
    if (first >= 0 && u.g.slots.eventTitleOpeners.hasWord(u.words[first]!) && u.tokens[first + 1]?.kind === 'word' && !u.used[first + 1]) u.use([first++]);
    if (first >= 0 && u.g.intents.nounOpeners.matchAt(u.words, first) === 1) u.use([first]);
    title = residual(u);
    // "запланируй инвентаризацию склада …": the event's own noun, said as the verb's object, is
    // named in the nominative as a kind of meeting is ("планёрку" → "планёрка"), with its adjectives.
    if (title && u.lang === 'ru' && nounNominative && first >= 0) title = ruObjectNominative(u, title, first, isNoun, nounNominative, agreeing);
  }
  // ("add something to my calendar": a word for anything names nothing.)
  if (title && !u.g.slots.vagueTitles.has(title.toLowerCase())) slots.title = withoutArticle(u, title);
  Object.assign(slots, timeSlots(dates));
  if (attendees.length) slots.attendees = attendees;
  return slots;
}

/** The title's opening noun (after up to two adjectives agreeing with it) in the nominative,
 *  when it was said in another case; the title as it was otherwise. */
function ruObjectNominative(u: Utterance, title: string, first: number, isNoun: (word: string) => boolean, nounNominative: (word: string) => string, agreeing: AgreeingNominatives | undefined): string {
  const words = title.split(' ');
  for (let k = 0; k < words.length && k <= 2; k++) {
    const w = words[k]!;
    if (u.words[first + k] !== undefined && u.tokens[first + k]!.text !== w) return title; // (the run is not the tokens read)
    if (!isNoun(w)) continue;
    const nom = nounNominative(w);
    if (nom === w) return title;
    // (A name's nominative is capitalised: a lower-case word read as a name is no event's noun.)
    if (nom.toLowerCase() !== nom && w.toLowerCase() === w) return title;
    const adjectives = words.slice(0, k);
    const before = adjectives.length ? agreeing?.(adjectives, w) : [];
    if (!before) return title;
    return [...before, nom, ...words.slice(k + 1)].join(' ');
  }
  return title;
}

/** "put the labor day picnic on my calendar", "assign Jose the boiler inspection": an English
 *  title opens with no article (unless quoted: the user's own words then). */
function withoutArticle(u: Utterance, title: string): string {
  if (u.lang !== 'en') return title;
  const m = /^(?:the|a|an)\s+(?=\S)/i.exec(title);
  if (!m) return title;
  const at = u.text.indexOf(title);
  if (at > 0 && /["«“„']/.test(u.text[at - 1]!)) return title;
  return title.slice(m[0].length);
}

/**
 * Runs of title words after the kind of meeting that come later, past an attendee or a date, and
 * open with a topic word ("встреча с Антоном по бюджету" → "встреча по бюджету", "meeting with
 * Will in June" → "meeting in June").
 */
function laterTopics(u: Utterance, from: number): string[] {
  const out: string[] = [];
  let i = from;
  while (i < u.tokens.length && !u.used[i]) i++; // the contiguous run is residual()'s
  while (i < u.tokens.length) {
    if (u.used[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < u.tokens.length && !u.used[j]) j++;
    // From the topic word on ("на полтора часа по бюджету" → "по бюджету"); "in my calendar" is
    // a command filler, not a topic.
    for (let k = i; k < j; k++) {
      if (u.g.slots.commandFillers.matchAt(u.words, k) === j - k) break;
      if (u.tokens[k]!.kind !== 'word' || !u.g.slots.titleTopics.matchAt(u.words, k)) continue;
      const s = runText(u, k, j);
      if (s) out.push(s);
      break;
    }
    i = j;
  }
  return out;
}

function messageSlots(deps: ParserDeps, u: Utterance, ctx: ParseContext, persons: PersonMention[], firstTrigger = -1): Slots {
  const slots: Slots = {};
  const words = u.words;
  const byStart = new Map<number, PersonMention>();
  for (const p of persons) {
    // The first token not already a command word ("сообщение для | Галины").
    const idx = personTokens(u, p).filter((i) => !u.used[i]);
    if (idx.length) byStart.set(idx[0]!, p);
  }
  let recipient: PersonSlot | undefined;
  let body = -1;
  let i = 0;
  while (i < u.tokens.length) {
    const t = u.tokens[i]!;
    if (u.used[i]) {
      i++;
      continue;
    }
    const p = byStart.get(i);
    if (p && !recipient) {
      recipient = p.slot;
      const idx = sameUserRun(u, persons, p).flatMap((q) => personTokens(u, q));
      u.use(idx);
      i = idx[idx.length - 1]! + 1;
      continue;
    }
    // ("напиши директору Окуневу, что …": a role or a filler between the verb and the person.)
    if (!recipient && t.kind === 'word' && byStart.has(i + 1) && u.g.intents.personGap.matchAt(words, i) === 1) {
      u.use([i]);
      i++;
      continue;
    }
    if (!recipient && isUnknownNameAt(u, i + 1) && u.words[i] === 'to') {
      // "send a message to Bob": a name nobody in the portal has.
      let j = i + 1;
      while (j < u.tokens.length && u.tokens[j]!.kind === 'word' && /^\p{Lu}/u.test(u.tokens[j]!.text)) j++;
      const phrase = u.slice(i + 1, j);
      recipient = deps.persons.resolve(phrase, ctx.directory, u.lang) ?? { unresolved: phrase };
      i = j;
      continue;
    }
    // A hesitation before the text ("напиши Богдану ээ что …") is no word of it; nor is a filler
    // set off by commas before the recipient ("напишите, пожалуйста, Всеволоду: …").
    const setOff = !recipient && u.tokens[i - 1]?.text === ',' && u.tokens[i + 1]?.text === ',' && u.g.slots.commandFillers.matchAt(words, i) === 1;
    if (t.kind === 'word' && (setOff || u.g.slots.repairHesitations.hasWord(words[i]!))) {
      i++;
      continue;
    }
    if (t.kind === 'punct') {
      // ("Алиса: напиши Роме, что …": a colon before the command ends the call on the assistant.)
      if ((t.text === ':' || t.text === '—' || t.text === '-') && i > firstTrigger) {
        body = i + 1;
        break;
      }
      i++;
      continue;
    }
    const n = u.g.slots.textMarkers.matchAt(words, i);
    if (n) {
      body = i + n;
      break;
    }
    // ("напиши Тагиру ну короче что …": words said while thinking, between the recipient and "что".)
    if (recipient && t.kind === 'word' && u.g.intents.discourse.hasWord(words[i]!)) {
      let j = i + 1;
      while (u.tokens[j]?.kind === 'word' && u.g.intents.discourse.hasWord(words[j]!)) j++;
      if (u.tokens[j]?.kind === 'word' && u.g.slots.textMarkers.matchAt(words, j)) {
        i = j;
        continue;
      }
    }
    // "ping Priya pls: can u review …": a "please" right before the colon is said to the assistant.
    const please = u.g.slots.chatFillers.matchAt(words, i) || u.g.slots.commandFillers.matchAt(words, i);
    if (please && u.tokens[i + please]?.kind === 'punct' && /^[:—–]$/.test(u.tokens[i + please]!.text)) {
      i += please;
      continue;
    }
    // "скинь Вере в личку: …": where it goes is no word of the text.
    const channel = u.g.slots.messageChannels.matchAt(words, i);
    if (channel) {
      i += channel;
      continue;
    }
    // "напиши Васе из бухгалтерии, что …": a short description of the recipient before the marker.
    if (recipient && u.g.slots.recipientDescriptions.hasWord(words[i]!)) {
      let j = i + 1;
      while (j <= i + 3 && u.tokens[j]?.kind === 'word' && !u.g.slots.textMarkers.matchAt(words, j)) j++;
      const at = u.tokens[j];
      if (j > i + 1 && at && (u.g.slots.textMarkers.matchAt(words, j) || (at.kind === 'punct' && /^[:,—–-]$/.test(at.text)))) {
        i = j;
        continue;
      }
    }
    const noun = recipient ? commandNounAfterModifiers(u, i) : -1;
    if (noun > 0) {
      i = noun + 1;
      continue;
    }
    body = i;
    break;
  }
  if (recipient) slots.recipient = recipient;
  if (body >= 0) {
    let end = u.tokens.length;
    while (end > body && u.tokens[end - 1]!.kind === 'punct' && /[.!]/.test(u.tokens[end - 1]!.text)) end--;
    // "Could you let Siobhan know …? Ta": thanks said to the assistant after the request.
    end = withoutClosingThanks(u, body, end);
    while (body < end && u.tokens[body]!.kind === 'punct' && /[,:;—-]/.test(u.tokens[body]!.text)) body++;
    // ("сообщение «привет, как дела»": the text said in quotes loses its closing one with the opening.)
    const close = end > body ? u.tokens[end - 1]! : undefined;
    const open = close?.kind === 'punct' ? ({ '»': '«', '”': '“' } as Record<string, string>)[close.text] : undefined;
    if (open && !u.text.slice(u.tokens[body]!.start, close!.start).includes(open)) end--;
    // Runs of spaces fold (a blanked hesitation or the skill's padded name leaves them).
    const s = body < end ? u.text.slice(u.tokens[body]!.start, u.tokens[end - 1]!.end).trim().replace(/ {2,}/g, ' ') : '';
    if (s) slots.text = s;
  }
  return slots;
}

/**
 * "shoot Emily a quick note: …", "напиши Антону короткое сообщение: …": up to three words before
 * the command's noun, which then opens the text (a colon, a text marker or nothing after it), are
 * the noun's modifiers, not the text. Returns the noun's token, or -1.
 */
function commandNounAfterModifiers(u: Utterance, i: number): number {
  for (let j = i + 1; j <= i + 3 && j < u.tokens.length; j++) {
    if (u.tokens[j - 1]!.kind !== 'word' || u.used[j - 1]) return -1;
    if (!u.used[j]) continue;
    if (u.tokens[j]!.kind !== 'word') return -1;
    const next = u.tokens[j + 1];
    const opens = !next || (next.kind === 'punct' && /^[:—–-]$/.test(next.text)) || u.g.slots.textMarkers.matchAt(u.words, j + 1) > 0;
    return opens ? j : -1;
  }
  return -1;
}

function leadSlots(deps: ParserDeps, u: Utterance): Slots {
  const lead = leadRef(deps, u);
  return lead ? { lead } : {};
}

function leadRef(deps: ParserDeps, u: Utterance): LeadRef | undefined {
  const g = u.g.slots;
  const words = u.words;
  let noun = -1;
  let entity: 'lead' | 'deal' = 'lead';
  for (let i = 0; i < words.length; i++) {
    const e = g.leadNouns.get(words[i]!);
    if (e) {
      noun = i;
      entity = e;
      break;
    }
  }
  const withEntity = (r: LeadRef): LeadRef => (entity === 'deal' ? { ...r, entity: 'deal' } : r);
  // A name in quotes: "rate the 'Office move' lead", «сделка «Переезд»».
  const quoted = quotes(u.text)[0]?.inner ?? /(?:^|\s)'([^']+)'(?=$|[\s.,!?])/.exec(u.text)?.[1]?.trim();
  // An id: "лид 4521", "лид номер триста двенадцать", "lead #87", or a number anywhere after the noun.
  // ("check lead score for lead number three hundred and five": after the noun said again, too.)
  const nouns = noun >= 0 ? words.map((w, i) => (i >= noun && g.leadNouns.get(w) ? i : -1)).filter((i) => i >= 0) : [-1];
  for (const at of nouns) {
    const from = at + 1;
    for (let i = from; i < words.length; i++) {
      const t = u.tokens[i]!;
      // ("лида ДРСУ-3": a number joined by a hyphen to a word is part of a name, no id.)
      const coded = i > 1 && u.tokens[i - 1]!.text === '-' && u.tokens[i - 1]!.start === u.tokens[i - 2]!.end && t.start === u.tokens[i - 1]!.end;
      if (t.kind === 'number' && /^\d+$/.test(t.text) && !coded) return withEntity({ id: Number(t.text) });
      const nw = u.g.numbers.readIdAt(words, i);
      if (nw && (i === from || g.leadNumber.hasWord(words[i - 1]!))) return withEntity({ id: nw.value });
      if (t.kind === 'word' && !g.leadNumber.hasWord(words[i]!) && i > from + 1) break;
    }
  }
  if (noun < 0) return undefined;
  if (quoted) return withEntity({ query: quoted });
  // "этот лид", "this lead('s)": the lead bound to the chat — at any of its nouns ("lead score for
  // this deal": the noun after "this" says lead or deal).
  const thisAt = nouns.find((n) => n > 0 && g.leadThis.hasWord(words[n - 1]!));
  if (thisAt !== undefined) return g.leadNouns.get(words[thisAt]!) === 'deal' ? { context: true, entity: 'deal' } : { context: true };
  // A lead named by title or contact: after the noun in Russian, before it in English.
  const q: string[] = [];
  if (u.lang === 'ru') {
    for (let i = noun + 1; i < words.length; i++) {
      const t = u.tokens[i]!;
      // ("ДРСУ-3": a hyphen with nothing around it joins the two parts of the name.)
      const next = u.tokens[i + 1];
      if (t.text === '-' && q.length && next && t.start === u.tokens[i - 1]!.end && next.start === t.end) {
        q[q.length - 1] += `-${next.text}`;
        i++;
        continue;
      }
      if (t.kind === 'punct' && !/[«»"“”]/.test(t.text)) break;
      if (t.kind === 'punct') continue;
      // "сделка с Ромашкой": the company the deal is with names it.
      if (i === noun + 1 && g.leadWith.hasWord(words[i]!)) continue;
      // ("лида ООО Уралтранс": a legal form is part of the name, as said.)
      if (!q.length && g.leadCompany.hasWord(words[i]!)) {
        if (g.leadLegalForms.hasWord(words[i]!)) q.push(t.text);
        continue;
      }
      // "… лида Смирновой пожалуйста": a word said to the assistant ends the name.
      if (g.leadNotNames.hasWord(words[i]!) || g.chatFillers.hasWord(words[i]!)) break;
      q.push(t.text);
    }
    if (deps.nominative) q.splice(0, q.length, ...deps.nominative(q, 'ru'));
  } else {
    for (let i = noun - 1; i >= 0; i--) {
      const t = u.tokens[i]!;
      if (t.kind !== 'word' || g.leadNotNames.hasWord(words[i]!) || u.used[i]) break;
      if (g.leadCompany.hasWord(words[i]!) && !q.length) continue;
      q.unshift(t.text);
    }
    // …or after it and a preposition: "lead score for Globex", "the chances of the deal with Acme".
    let i = noun + 1;
    let prep = false;
    for (; !q.length && i < words.length && u.tokens[i]!.kind === 'word'; i++) {
      if (g.leadWith.hasWord(words[i]!)) prep = true;
      else if (!g.leadNotNames.hasWord(words[i]!) && !(prep && g.leadCompany.hasWord(words[i]!))) break;
    }
    for (; prep && !q.length && i < words.length; i++) {
      // ("for Mrs. Okonkwo": the title and its period before the name are no part of it.)
      const dot = u.tokens[i + 1]?.text === '.' ? 1 : 0;
      if (u.tokens[i]!.kind === 'word' && g.leadTitles.hasWord(words[i]!) && u.tokens[i + 1 + dot]?.kind === 'word') {
        i += dot;
        continue;
      }
      const t = u.tokens[i]!;
      if (t.kind !== 'word' || g.leadNotNames.hasWord(words[i]!) || g.leadWith.hasWord(words[i]!) || g.leadThis.hasWord(words[i]!) || u.used[i]) break;
      for (; i < words.length && u.tokens[i]!.kind === 'word' && !u.used[i] && !g.leadNotNames.hasWord(words[i]!) && !g.leadCompany.hasWord(words[i]!); i++) q.push(u.tokens[i]!.text);
    }
    // …or right after it, written as a name: "score of lead Almaz Tea", "deal Acme Corp".
    const named = (k: number) => u.tokens[k]?.kind === 'word' && u.tokens[k]!.text.length > 1 && /^\p{Lu}/u.test(u.tokens[k]!.text) && !u.used[k] && !g.leadNotNames.hasWord(words[k]!);
    if (!q.length && !prep) for (let k = noun + 1; named(k); k++) q.push(u.tokens[k]!.text);
    // …or, in speech's lower case, all that follows it to the end, opening with no English word
    // (or with a legal form): "score lead sportmaster", "chance of deal pt bumi resources".
    if (!q.length && !prep) {
      let end = u.tokens.length;
      while (end > noun + 1 && u.tokens[end - 1]!.kind === 'punct') end--;
      const rest = u.tokens.slice(noun + 1, end);
      const first = words[noun + 1];
      if (rest.length >= 1 && rest.length <= 4 && rest.every((t, k) => t.kind === 'word' && !u.used[noun + 1 + k] && !g.leadNotNames.hasWord(words[noun + 1 + k]!)) && first && (g.leadLegalForms.hasWord(first) || !deps.persons.isWord(first, 'en'))) {
        for (const t of rest) q.push(t.text);
      }
    }
  }
  return q.length ? withEntity({ query: q.join(' ') }) : undefined;
}

/** The end of a message's text less a "thanks"/"ta"/"cheers" after the question mark that closes a
 *  request put as a question ("Could you let Siobhan know …? Ta"): that thanks is the assistant's,
 *  and so is the mark. After a comma the thanks is the recipient's ("…, thanks!"). */
function withoutClosingThanks(u: Utterance, body: number, end: number): number {
  let k = end;
  while (k > body && u.tokens[k - 1]!.kind === 'word') k--;
  if (k === end || k <= body + 1 || u.tokens[k - 1]!.kind !== 'punct' || u.tokens[k - 1]!.text !== '?') return end;
  // (Only a request that opened as a question: "Send Grace a message: could you …? Cheers" is hers.)
  let asked = false;
  for (let i = 0, first = firstWord(u, u.g.intents); i <= first && !asked; i++) asked = u.tokens[i]?.kind === 'word' && u.g.slots.chatFillers.matchAt(u.words, i) > 0;
  if (!asked) return end;
  return u.g.slots.thanks.matchAt(u.words, k) === end - k ? k - 1 : end;
}

/** Is the mention at character `index` negated ("не Антону", "not Friday")? */
function negatedAt(u: Utterance, index: number): boolean {
  const i = u.tokens.findIndex((t) => t.start >= index);
  const prev = i > 0 ? u.tokens[i - 1] : undefined;
  if (!prev) return false;
  // "не Антону", and "не в среду" (the date's own preposition between).
  if (u.g.slots.negations.hasWord(prev.norm)) return true;
  const prev2 = i > 1 ? u.tokens[i - 2] : undefined;
  // ("not for me, for Ronald", "не для меня": a person's preposition of any length between.)
  return !!prev2 && prev.kind === 'word' && ((prev.norm.length <= 2 && !u.g.slots.negatedPronouns.hasWord(prev.norm)) || u.g.slots.restartPrepositions.hasWord(prev.norm)) && u.g.slots.negations.hasWord(prev2.norm);
}

/** "wrong Dasha - Dasha Kravets", "no, not Max, Max Bauer": a person said again, in full, after a
 *  mention of several users of whom it is one, names the one meant — the earlier is what was wrong. */
function narrowed(names: PersonMention[]): PersonMention[] {
  const out: PersonMention[] = [];
  for (const p of names) {
    const prev = out[out.length - 1];
    const id = 'userId' in p.slot ? p.slot.userId : undefined;
    if (prev && id !== undefined && 'candidates' in prev.slot && prev.slot.candidates.includes(id)) out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}

/** The slots of a correction ("нет, на среду" while a task is being confirmed). */
function correctionSlots(u: Utterance, ctx: ParseContext, persons: PersonMention[], dates: DateMention[]): Slots {
  // "не Антону, а Маше", "не в среду, а в четверг": what is negated is not the correction.
  const slots = correctionSlotsSaid(u, ctx, persons, dates, (index) => !negatedAt(u, index));
  // "не шакирову", "не на среду": with nothing else said, a Russian "не" opening it is "нет" said
  // short ("не, Шакирову") — the value after it is the correction.
  if (Object.keys(slots).length || u.lang !== 'ru' || u.words[firstWord(u, u.g.intents)] !== 'не') return slots;
  return correctionSlotsSaid(u, ctx, persons, dates, () => true);
}

function correctionSlotsSaid(u: Utterance, ctx: ParseContext, persons: PersonMention[], dates: DateMention[], said: (index: number) => boolean): Slots {
  const expecting = ctx.expecting;
  const slots: Slots = {};
  const t = timeSlots(dates.filter((d) => said(d.index)));
  // "слушай алиса, лучше послезавтра": the wake word before the correction names nobody.
  const from = u.tokens[firstWord(u, u.g.intents)]?.start ?? 0;
  // ("nah, Friday" with a Dean Friday here: one word that is a date too corrects the date.)
  const isDate = (p: PersonMention) => dates.some((d) => d.index <= p.index && p.end <= d.index + d.text.length) && personTokens(u, p).filter((i) => u.tokens[i]!.kind === 'word' && u.tokens[i]!.norm !== p.preposition).length === 1;
  const names = narrowed(persons.filter((p) => (p.kind !== 'pronoun' || expecting === 'task.create') && said(p.index) && p.index >= from && !isDate(p)));
  // "нет, назови её «Разбор полётов»", "no, call it Budget review": a new title, said with its
  // marker or in quotes (up to a date or a person, which correct their own slots).
  if (expecting === 'task.create' || expecting === 'event.create') {
    const before = [...u.used];
    const title = quotedTitle(u, persons, dates) ?? markedTitle(u, persons, dates);
    // "лучше на тёму лиса" (said "тему"): a user's name read as the marker and its title is that user.
    const taken = (i: number) => u.used[i] && !before[i];
    if (title && !names.some((p) => personTokens(u, p).some(taken))) slots.title = title;
  }
  if (expecting === 'task.create') {
    if (t.start) slots.deadline = t.start;
    if (names[0]) slots.responsible = names[0].slot;
  } else if (expecting === 'event.create') {
    Object.assign(slots, t);
    if (names.length) slots.attendees = names.map((p) => p.slot);
  } else if (expecting === 'task.update') {
    // "нет, до пятницы" while a changed task is confirmed: its new values.
    if (t.start) slots.deadline = t.start;
    if (names[0]) slots.responsible = names[0].slot;
  } else if (expecting === 'event.update') {
    if (t.start) slots.start = t.start;
    if (t.end) slots.end = t.end;
  } else if (expecting === 'message.send') {
    if (names[0]) slots.recipient = names[0].slot;
    // "не так, напиши что буду через час": the text after its marker, to the end.
    for (let i = 0; i < u.tokens.length; i++) {
      // ("нет, напиши: акт подписан": a colon opens the text too.)
      const n = u.tokens[i]!.kind === 'word' ? u.g.slots.textMarkers.matchAt(u.words, i) : u.tokens[i]!.text === ':' ? 1 : 0;
      // ("no not that chris, chris russo": after a negation "that" points at the one meant.)
      if (!n || (i > 0 && u.g.slots.negations.hasWord(u.words[i - 1]!))) continue;
      const text = runText(u, i + n, u.tokens.length);
      if (text) slots.text = text;
      break;
    }
  }
  return slots;
}
