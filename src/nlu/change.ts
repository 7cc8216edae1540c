/**
 * Reading and changing what exists (nlu.md): which of agenda.query, task.complete, task.update,
 * event.update, event.cancel an utterance is, and its slots — a reference to the item meant
 * (id / query / person / at) and the new values. Vocabulary: grammars/change-<lang>.yaml.
 */
import { matchKeyAt, type ChangeGrammar, type Period, type VerbClass } from './change-grammar';
import { addDays, formatDate, isoWeekday, wallClockAt, type CivilDate } from './dates/clock';
import type { DateExtractor } from './dates';
import { questionAsFiller, type IntentGrammar } from './intent';
import type { DateMention, ItemRef, ParseContext, PersonMention, Slots } from './types';
import { Utterance, dateSaid, dateTokens, personTokens, quotes, residual, runText, timeSlots } from './utterance';

export type ChangeIntent = 'agenda.query' | 'task.complete' | 'task.update' | 'event.update' | 'event.cancel';

export interface ChangeMatch {
  intent: ChangeIntent;
  /** The command words (verbs, "выполненной", the agenda opener). */
  triggers: number[];
  verb?: VerbClass;
  /** The item's noun (a reference) and whether it is a kind of meeting. */
  noun?: { index: number; len: number; kind: 'task' | 'event' };
}

const INTENTS: Record<VerbClass, Partial<Record<'task' | 'event', ChangeIntent>>> = {
  complete: { task: 'task.complete' },
  move: { task: 'task.update', event: 'event.update' },
  reassign: { task: 'task.update' },
  extend: { task: 'task.update', event: 'event.update' },
  cancel: { event: 'event.cancel' },
};

/** The first word that says something: after punctuation, lead-ins ("алиса", "can you") and fillers. */
export function firstWord(u: Utterance, ig: IntentGrammar): number {
  let i = 0;
  while (i < u.tokens.length) {
    if (u.tokens[i]!.kind === 'punct') {
      i++;
      continue;
    }
    // "pls delete event …": chat politeness before the verb is no word of the command.
    const n = ig.leadIn.matchAt(u.words, i) || ig.fillers.matchAt(u.words, i) || u.g.slots.chatFillers.matchAt(u.words, i);
    if (!n) break;
    i += n;
  }
  return i;
}

const span = (i: number, n: number) => Array.from({ length: n }, (_, k) => i + k);

/** Does a creating or messaging command word stand at token i ("создай задачу перенести встречу")? */
function createsAt(u: Utterance, ig: IntentGrammar, i: number): boolean {
  return ig.commands.some(
    (c) => c.intent !== 'lead.score' && (c.verbs.matchAt(u.words, i) > 0 || c.reminder.matchAt(u.words, i) > 0 || c.standaloneWithPerson.matchAt(u.words, i) > 0),
  );
}

/** A change of an existing item: an imperative change verb with the item's noun. */
export function classifyChange(u: Utterance, cg: ChangeGrammar, ig: IntentGrammar): ChangeMatch | null {
  // (Every parse comes here: the command's first word is found once.)
  const start = firstWord(u, ig);
  return setToDone(u, cg, start) ?? changeByVerb(u, cg, ig, start) ?? doneNews(u, cg, ig, start) ?? deadlineById(u, cg, ig, start);
}

/** "set the onboarding checklist task to completed": a tracker's status set to done closes the task. */
function setToDone(u: Utterance, cg: ChangeGrammar, start: number): ChangeMatch | null {
  const words = u.words;
  if (u.tokens[start]?.kind !== 'word' || !cg.setDone.verbs.hasWord(words[start]!)) return null;
  let end = words.length;
  while (end > start && u.tokens[end - 1]!.kind === 'punct') end--;
  // The done word (of one or more words) ends it, with its "to" right before.
  let doneAt = -1;
  for (let i = end - 1; i > start + 1 && doneAt < 0; i--) if (u.tokens[i]!.kind === 'word' && cg.setDone.done.matchAt(words, i) === end - i) doneAt = i;
  if (doneAt < 0 || !cg.setDone.to.hasWord(words[doneAt - 1]!)) return null;
  const noun = itemNouns(u, cg).find((n) => n.kind === 'task' && n.index > start && n.index < doneAt - 1);
  if (!noun) return null;
  return { intent: 'task.complete', triggers: [start, ...span(doneAt - 1, end - doneAt + 1)], verb: 'complete', noun };
}

/** "task 3310 deadline to the 28th", "задача 3310 срок на 28-е": a task said by its number first,
 *  then its deadline (or "due") and what follows — a move with no verb. A task never gets a number
 *  for a title, so this is no new task. */
function deadlineById(u: Utterance, cg: ChangeGrammar, ig: IntentGrammar, start: number): ChangeMatch | null {
  const words = u.words;
  const noun = itemNouns(u, cg)[0];
  if (!noun || noun.kind !== 'task' || noun.index > start + 1) return null;
  // (One word may open it: "по задаче 3310 …", "for task 3310 …".)
  if (noun.index === start + 1 && !cg.queryMarkers.hasWord(words[start]!) && !u.g.slots.leadNumber.hasWord(words[start]!) && words[start] !== 'for') return null;
  let k = noun.index + noun.len;
  if (u.tokens[k]?.kind === 'punct' && (u.tokens[k]!.text === '#' || u.tokens[k]!.text === '№')) k++;
  else if (u.tokens[k]?.kind === 'word' && u.g.slots.leadNumber.hasWord(words[k]!)) k++;
  if (u.tokens[k]?.kind !== 'number' || !/^\d+$/.test(u.tokens[k]!.text)) return null;
  k++;
  while (u.tokens[k]?.kind === 'punct' && /^[:,—–-]$/.test(u.tokens[k]!.text)) k++;
  // (An adjective may stand before the noun: "new deadline", "новый срок".)
  const at = [k, k + 1].find((i) => u.tokens[i]?.kind === 'word' && (cg.deadlineNouns.matchAt(words, i) || cg.idMove.values.hasWord(words[i]!)));
  if (at === undefined || (at === k + 1 && u.tokens[k]!.kind !== 'word')) return null;
  const len = cg.deadlineNouns.matchAt(words, at) || 1;
  if (at + len >= words.length) return null;
  const from = at === k + 1 ? k : at;
  // (No command anywhere else: the noun and its adjective, "new", are the item's words.)
  for (let i = 0; i < words.length; i++) {
    if (i === from || (i >= noun.index && i < noun.index + noun.len)) continue;
    if (u.tokens[i]!.kind === 'word' && (createsAt(u, ig, i) || matchKeyAt(cg.verbs, words, i))) return null;
  }
  return { intent: 'task.update', triggers: span(from, at + len - from), verb: 'move', noun };
}

/** "drop a message …", "drop Kamau a line": a message's noun within three words after the verb,
 *  only articles and one other word (the person) before it. */
function messageObjectAfter(u: Utterance, cg: ChangeGrammar, from: number): boolean {
  let other = 0;
  for (let k = from; k < from + 3 && k < u.tokens.length && u.tokens[k]!.kind === 'word'; k++) {
    if (cg.messageObjects.nouns.hasWord(u.words[k]!)) {
      // (Not a word of the item's name: "cancel the text review meeting".)
      const n = u.tokens[k + 1];
      return !n || n.kind !== 'word' || cg.messageObjects.before.hasWord(u.words[k + 1]!);
    }
    if (cg.innerArticles.hasWord(u.words[k]!)) continue;
    if (++other > 1) return false;
  }
  return false;
}

/** The token after "Task 2298:" (a noun, its number and a colon, dash or comma) opening at `i`; `i` when none. */
function pastNumberedItem(u: Utterance, cg: ChangeGrammar, i: number): number {
  const n = matchKeyAt(cg.nouns, u.words, i);
  if (!n) return i;
  let k = i + n.len;
  if (u.tokens[k]?.text === '#') k++;
  if (u.tokens[k]?.kind !== 'number' || !/^\d+$/.test(u.tokens[k]!.text)) return i;
  k++;
  return u.tokens[k]?.kind === 'punct' && /^[:—–,-]$/.test(u.tokens[k]!.text) ? k + 1 : i;
}

/** "Задачу Мороза про слив — закрыть": an infinitive after a dash or colon, closing the utterance,
 *  is what is to be done with the item named before it. */
function closingDirective(u: Utterance, i: number): boolean {
  const before = u.tokens[i - 1];
  if (!before || before.kind !== 'punct' || !/^[—–:-]$/.test(before.text)) return false;
  for (let k = i + 1; k < u.tokens.length; k++) if (u.tokens[k]!.kind !== 'punct') return false;
  return true;
}

/** "Задачу про сверку с Ашаном закрыть": the item's noun said first, the infinitive last, nothing after it. */
function closingInfinitive(u: Utterance, cg: ChangeGrammar, i: number, start: number): boolean {
  if (u.lang !== 'ru' || i <= start + 1 || !matchKeyAt(cg.nouns, u.words, start)) return false;
  for (let k = i + 1; k < u.tokens.length; k++) if (u.tokens[k]!.kind !== 'punct') return false;
  return true;
}

function changeByVerb(u: Utterance, cg: ChangeGrammar, ig: IntentGrammar, start: number): ChangeMatch | null {
  const words = u.words;
  let verbAt = -1;
  let verb: { key: VerbClass; len: number } | null = null;
  let split: ChangeGrammar['splitMove'] | null = null;
  let byId = false;
  const resumed = resumption(u, cg, ig, start);
  if (resumed) ({ verbAt, verb } = resumed);
  for (let i = start; !resumed && i < words.length; i++) {
    if (u.tokens[i]!.kind !== 'word') continue;
    // "Task 2298: change responsible to Iqra": an item named by its number, set off before the verb.
    if (u.lang === 'en' && i === start) {
      const past = pastNumberedItem(u, cg, i);
      if (past > i) {
        i = past - 1;
        continue;
      }
    }
    verb = matchKeyAt(cg.verbs, words, i) ?? (i === start || (i > start && cg.infinitiveModals.hasWord(words[i - 1]!)) || closingDirective(u, i) || closingInfinitive(u, cg, i, start) ? matchKeyAt(cg.infinitives, words, i) : null);
    // "bring the meeting forward": a move if its particle follows the item (checked below).
    if (!verb && cg.splitMove.verbs.hasWord(words[i]!)) {
      verb = { key: 'move', len: 1 };
      split = cg.splitMove;
    }
    // "call the meeting off": a cancel if its particle follows the item (the same check).
    if (!verb && cg.splitCancel.verbs.hasWord(words[i]!)) {
      verb = { key: 'cancel', len: 1 };
      split = cg.splitCancel;
    }
    // "make task 918 due tomorrow": a move if a task's number follows the verb (checked below).
    if (!verb && cg.idMove.verbs.hasWord(words[i]!)) {
      verb = { key: 'move', len: 1 };
      byId = true;
    }
    // ("kindly extend to me my tasks": a question's opener that begins with the verb asks.)
    if (verb && cg.openers.matchAt(words, i) > verb.len) return null;
    if (verb) {
      verbAt = i;
      break;
    }
    // English says the verb first ("do remove …" aside); in Russian another command before it
    // makes this its content.
    if (u.lang === 'en' ? !cg.beforeVerb.hasWord(words[i]!) : createsAt(u, ig, i)) return null;
  }
  if (!verb) return null;
  if (messageObjectAfter(u, cg, verbAt + verb.len)) return null;
  // ("встречу с Ашотом перенеси на после обеда": after "после" the noun is a time of day, when
  // another names the item.)
  const said = itemNouns(u, cg);
  const items = said.filter((n) => n.index === 0 || !cg.timeBeforeNoun.hasWord(words[n.index - 1]!));
  const nouns = items.length ? items : said;
  let noun = nouns.find((n) => n.index > verbAt) ?? [...nouns].reverse().find((n) => n.index < verbAt) ?? deadlineNoun(u, cg, verb.key, verbAt) ?? nounlessEvent(u, cg, verb.key, verbAt, verb.len);
  if (!noun) return null;
  // English puts the head last: "the presentation task" is a task ("the task call the bank" is
  // a task named by what follows it, so only a task noun after an event noun takes over).
  if (u.lang === 'en' && noun.kind === 'event') {
    // (A word may stand between: "the call sheet task".)
    const next = nouns.find((n) => n.index > noun!.index && n.index <= noun!.index + noun!.len + 1);
    if (next?.kind === 'task') noun = next;
  }
  const intent = INTENTS[verb.key][noun.kind];
  if (!intent) return null;
  if (byId) {
    if (noun.kind !== 'task' || noun.index <= verbAt) return null;
    let k = noun.index + noun.len;
    // "set the floor plan task due the 7th": a task named definitely, its title before its noun.
    const definite = noun.index > verbAt + 1 && cg.definiteOnly.definite.hasWord(words[verbAt + 1]!);
    if (!definite) {
      if (noun.index !== verbAt + 1) return null;
      if (u.tokens[k]?.kind === 'punct' && u.tokens[k]!.text === '#') k++;
      if (u.tokens[k]?.kind !== 'number' || !/^\d+$/.test(u.tokens[k]!.text)) return null;
    } else k--;
    let value = false;
    for (let j = k + 1; j < words.length && !value; j++) value = u.tokens[j]!.kind === 'word' && cg.idMove.values.hasWord(words[j]!);
    if (!value) return null;
  }
  let particle = -1;
  // (A particle of several words: "knock the standup on the head".)
  let particleLen = 1;
  if (split) {
    if (noun.index < verbAt) return null;
    for (let i = noun.index + noun.len; i < words.length && particle < 0; i++) {
      const n = u.tokens[i]!.kind === 'word' ? split.particles.matchAt(words, i) : 0;
      if (n) [particle, particleLen] = [i, n];
    }
    if (particle < 0) return null;
  }
  let putOnAt = -1;
  if (cg.definiteOnly.verbs.matchAt(words, verbAt) === verb.len && noun.index > verbAt) {
    // "Please give task to Nurlan: check …" (no article, no number): a new task, said without articles.
    // ("give kovalenko task customs declaration …": so with the person between and no article either.)
    // (A possessive names the item: "pass Fiona's budget task to Ross".)
    const determined = (w: string) => cg.definiteOnly.definite.hasWord(w) || cg.definiteOnly.indefinite.hasWord(w) || cg.thisWords.hasWord(w) || ig.possessives.hasWord(w) || /['’]s$/.test(w);
    if (u.lang === 'en' && (noun.index === verbAt + verb.len || !words.slice(verbAt + verb.len, noun.index).some(determined))) {
      const next = u.tokens[noun.index + noun.len];
      // ("give task four four seven one to sunny": its number said digit by digit.)
      const spoken = next?.kind === 'word' ? u.g.numbers.readIdAt(words, noun.index + noun.len) : null;
      if (!next || (next.kind !== 'number' && next.text !== '#' && !/^["'«“]/.test(next.text) && !(spoken && spoken.value >= 10))) return null;
    }
    // ("give the Nowak lass a task to …": whoever the definite article names, "a task" is a new one.)
    if (cg.definiteOnly.indefinite.hasWord(words[noun.index - 1]!)) return null;
    for (let i = verbAt + verb.len; i < noun.index; i++) {
      if (cg.definiteOnly.indefinite.hasWord(words[i]!)) return null;
      // "Assign Gevorg the task …": someone named before the article is who gets a new task.
      if (cg.definiteOnly.definite.hasWord(words[i]!)) {
        // ("put Keisha on the PPE order task": a person put on the item is its new responsible.)
        const putOn = verb.key === 'reassign' && i - 2 > verbAt && cg.reassignPrepositions.hasWord(words[i - 1]!);
        if (i > verbAt + verb.len && u.tokens[i - 1]!.kind === 'word' && !putOn) return null;
        if (putOn) putOnAt = i - 1;
        break;
      }
    }
  }
  const triggers = span(verbAt, verb.len);
  // ("можно закрыть": the modal is the command's word too.)
  if (verbAt > 0 && u.tokens[verbAt - 1]!.kind === 'word' && cg.infinitiveModals.hasWord(words[verbAt - 1]!)) triggers.push(verbAt - 1);
  if (resumed) triggers.push(...resumed.words);
  if (particle >= 0) triggers.push(...span(particle, particleLen));
  if (putOnAt >= 0) triggers.push(putOnAt);
  // ("take this meeting off my calendar": where it comes off is the verb's too.)
  if (particle >= 0 && verb.key === 'cancel') {
    let k = particle + particleLen;
    while (k < words.length && u.tokens[k]!.kind === 'word' && (cg.innerArticles.hasWord(words[k]!) || ig.possessives.hasWord(words[k]!))) k++;
    if (k < words.length && cg.agendaEventNouns.hasWord(words[k]!)) for (let j = particle + 1; j <= k; j++) triggers.push(j);
  }
  // Every other change verb ("передай … и перенеси срок") and the done words are command words too.
  for (let i = verbAt + verb.len; i < words.length; i++) {
    // "mark task Update UTM tags as completed": a verb right after the item's noun opens its title.
    if (noun.kind === 'task' && noun.index > verbAt && i === noun.index + noun.len && !cg.done.matchAt(words, i)) continue;
    // "tick off the task called update the readme": so does a verb right after a naming marker.
    if (noun.index > verbAt && i > noun.index + noun.len && cg.namingMarkers.matchAt(words, noun.index + noun.len) === i - noun.index - noun.len) continue;
    // ("delete the event called Crew change briefing": …and one inside the name, between two of its words.)
    // (…"the task about gate pass entries" too.)
    const named = noun.index > verbAt ? cg.namingMarkers.matchAt(words, noun.index + noun.len) || cg.queryMarkers.matchAt(words, noun.index + noun.len) : 0;
    if (u.lang === 'en' && named && i > noun.index + noun.len + named && u.tokens[i - 1]?.kind === 'word' && !cg.beforeVerb.hasWord(words[i - 1]!) && u.tokens[i + 1]?.kind === 'word' && !cg.newValue.hasWord(words[i + 1]!) && !cg.done.matchAt(words, i)) continue;
    // "close the update roster task", "the task about the shift roster": after an article the
    // English verb is a noun of the item's name.
    if (u.lang === 'en' && u.tokens[i - 1]?.kind === 'word' && cg.innerArticles.hasWord(words[i - 1]!)) continue;
    // (…and so is one further inside it, before its noun: "extend the qa pass task".)
    if (u.lang === 'en' && i < noun.index && words.slice(verbAt + verb.len, i).some((w) => cg.innerArticles.hasWord(w))) continue;
    // ("Delete the event Office move": a verb that ends the utterance after the item's noun is the
    // last word of its name — a change needs something after it.)
    if (u.lang === 'en' && i > noun.index && !cg.done.matchAt(words, i) && u.tokens.slice(i + 1).every((t) => t.kind === 'punct')) continue;
    // ("close the task for Mark Young", "mark mark young's task": a name that is a verb.)
    if (u.lang === 'en' && (cg.nameBeforeVerb.hasWord(words[i - 1]!) || /['’]s$/.test(words[i + 1] ?? ''))) continue;
    // ("pass the logs task from Jose to Mark Dizon": after "to" too, unless an object follows, "to mark it done".)
    if (u.lang === 'en' && cg.newValue.hasWord(words[i - 1]!) && u.tokens[i + 1]?.kind === 'word' && !cg.thisWords.hasWord(words[i + 1]!) && !cg.innerArticles.hasWord(words[i + 1]!) && !cg.fillers.matchAt(words, i + 1) && !cg.done.matchAt(words, i + 1)) continue;
    // ("… over to Ignacio and make it due Nov 19": a creating verb said with the item's pronoun changes it too.)
    const n = matchKeyAt(cg.verbs, words, i)?.len || matchKeyAt(cg.resumptive.verbs, words, i)?.len || cg.done.matchAt(words, i);
    if (n && !(i >= noun.index && i < noun.index + noun.len)) {
      triggers.push(...span(i, n));
      // "… и перенеси её на пятницу": the pronoun after a later verb is the same item, no query word.
      if (u.tokens[i + n]?.kind === 'word' && cg.resumptive.pronouns.hasWord(words[i + n]!)) triggers.push(i + n);
      // "закрывай эту задачу, всё сделано": the done word's subject is news too, no query word.
      if (!matchKeyAt(cg.verbs, words, i)) for (let b = i - 1; b > verbAt && u.tokens[b]!.kind === 'word' && cg.resumptive.subjects.hasWord(words[b]!); b--) triggers.push(b);
    }
  }
  return { intent, triggers, verb: verb.key, noun };
}

/**
 * "Задача «X» выполнена, закрой её", "I finished the report task, close it": a change verb whose
 * object is a pronoun, with an item noun before it — the item is the one named first, whatever
 * command-like words name it. Returns the verb and the words that are no query (the pronoun, the
 * news said before the verb and its subject).
 */
function resumption(u: Utterance, cg: ChangeGrammar, ig: IntentGrammar, start: number): { verbAt: number; verb: { key: VerbClass; len: number }; words: number[] } | null {
  const words = u.words;
  const r = cg.resumptive;
  // "Hand the VPN task over to Javier and move it to the 10th": a change verb opening the
  // utterance names the item itself; the pronoun after a later verb is that item again.
  if (matchKeyAt(cg.verbs, words, start)) return null;
  let named = false;
  for (let i = start; i < words.length; i++) {
    if (u.tokens[i]!.kind !== 'word') continue;
    // "The task about X - put it on Dilnoza and make it due Wednesday": verbs that create, but
    // change the item named before them when said with its pronoun.
    const verb = i > start ? matchKeyAt(cg.verbs, words, i) ?? (named ? matchKeyAt(r.verbs, words, i) : null) : null;
    if (!verb) {
      const noun = matchKeyAt(cg.nouns, words, i);
      if (noun && noun.key !== 'neutral') named = true;
      // "напиши Сергею: закрой её", "создай задачу … и закрой её": another command's content
      // (after the item's noun the words are its title: "обзвонить поставщиков").
      else if (!named && !r.statements.matchAt(words, i) && createsAt(u, ig, i)) return null;
      continue;
    }
    let k = i + verb.len;
    while (k < words.length && u.tokens[k]!.kind === 'word' && cg.fillers.matchAt(words, k) === 1 && !r.pronouns.hasWord(words[k]!)) k++;
    const out: number[] = [];
    // "Задача про обзвон базы готова, закрывай": the item named, then a verb with nothing after it.
    let nothingAfter = true;
    for (let e = k; e < words.length; e++) if (u.tokens[e]!.kind === 'word') nothingAfter = false;
    // (Russian only: an English verb at the end is as often a noun, "… about the move".)
    // "tick it off": the pronoun said inside a split verb.
    const inside = span(i, verb.len).find((j) => r.pronouns.hasWord(words[j]!));
    if (inside !== undefined && named) out.push(inside);
    else if (nothingAfter && named && u.lang === 'ru') {
      // the verb is the item's own change; nothing to take up
    } else if (k >= words.length || u.tokens[k]!.kind !== 'word' || !r.pronouns.hasWord(words[k]!)) {
      // A verb inside the quoted title ("«Изменить прайс» готова, закрой её") is the title's.
      const at = u.tokens[i]!.start;
      if (quotes(u.text).some((q) => at > q.start && at < q.end)) continue;
      return null;
    } else out.push(k);
    // "… is finished, you can close it", "… so please close it": the lead-ins right before the
    // verb are no query words either.
    out.push(...leadInsBefore(u, ig, start, i));
    // The news about the item ("выполнена", "я сделала") before the verb is no query word.
    for (let j = start; j < i; j++) {
      const n = u.tokens[j]!.kind === 'word' ? r.statements.matchAt(words, j) : 0;
      if (!n) continue;
      out.push(...span(j, n));
      for (let b = j - 1; b >= start && u.tokens[b]!.kind === 'word' && r.subjects.hasWord(words[b]!); b--) out.push(b);
      j += n - 1;
    }
    return { verbAt: i, verb, words: out };
  }
  return null;
}

/** The longest run of lead-ins, fillers and before-verb words ending right before token `end`. */
function leadInsBefore(u: Utterance, ig: IntentGrammar, start: number, end: number): number[] {
  const at = (k: number) =>
    u.tokens[k]!.kind === 'punct' ? 1 : ig.leadIn.matchAt(u.words, k) || ig.fillers.matchAt(u.words, k) || u.g.slots.chatFillers.matchAt(u.words, k) || u.g.change.beforeVerb.matchAt(u.words, k);
  const reaches = (j: number): boolean => {
    while (j < end) {
      const n = at(j);
      if (!n) return false;
      j += n;
    }
    return j === end;
  };
  let from = end;
  for (let j = end - 1; j > start; j--) if (reaches(j)) from = j;
  return span(from, end - from).filter((k) => u.tokens[k]!.kind === 'word');
}

/**
 * "done with task 88", "I finished the floor plan task", "задача 88 готова": news of a task done,
 * opening or closing the utterance, with the task's noun and nothing that creates — the speaker
 * asks to close it (the dialogue confirms).
 */
function doneNews(u: Utterance, cg: ChangeGrammar, ig: IntentGrammar, start: number): ChangeMatch | null {
  const words = u.words;
  let end = words.length;
  while (end > start && u.tokens[end - 1]!.kind === 'punct') end--;
  // ("Task 318 done already, pls close": fillers and a request to close it after the news close it too.)
  const tail = (k: number) => u.tokens[k]!.kind === 'punct' || cg.fillers.hasWord(words[k]!) || u.g.slots.chatFillers.hasWord(words[k]!);
  const said = end;
  for (let k = start + 1; k < end; k++) {
    if (u.tokens[k]!.kind !== 'word' || !cg.doneClosers.matchAt(words, k) || k + cg.doneClosers.matchAt(words, k) !== end) continue;
    end = k;
    break;
  }
  while (end > start + 1 && tail(end - 1)) end--;
  const closing = span(end, said - end).filter((k) => u.tokens[k]!.kind === 'word');
  let at = -1;
  let len = 0;
  let from = start;
  while (from < end && u.tokens[from]!.kind === 'word' && cg.resumptive.subjects.hasWord(words[from]!)) from++;
  if (from < end && (len = cg.doneNews.matchAt(words, from))) at = from;
  else {
    for (let i = from + 1; i < end && at < 0; i++) {
      const n = u.tokens[i]!.kind === 'word' ? cg.doneNews.matchAt(words, i) : 0;
      if (n && i + n === end) ({ at, len } = { at: i, len: n });
    }
  }
  if (at < 0) return null;
  const noun = itemNouns(u, cg).find((n) => n.kind === 'task' && (n.index >= at + len || n.index < at));
  if (!noun) return null;
  // A command opening it ("напиши Антону что задача готова", "create a task: check …") makes it
  // that command's content. (Only the first word: a title may hold a verb, "the floor plan task".)
  if (at !== start && noun.index !== start && createsAt(u, ig, start)) return null;
  // Said after it, the news follows the item named first ("задача 88 готова", "the floor plan task
  // is done"): a person or anything else first is a message ("Антону: задача 5 готова").
  if (at > from && noun.index !== start && !cg.fillers.hasWord(words[start]!)) return null;
  // Said first, the subjects before it ("я уже") are news too.
  const first = at === from ? start : at;
  return { intent: 'task.complete', triggers: [...span(first, at + len - first), ...closing], verb: 'complete', noun };
}

/** "move the deadline for the grant report …": with no item noun, a deadline moved or extended
 *  names its task (its filler words, "deadline for", are the noun's). */
function deadlineNoun(u: Utterance, cg: ChangeGrammar, verb: VerbClass, verbAt: number): { index: number; len: number; kind: 'task' } | undefined {
  if (verb !== 'move' && verb !== 'extend') return undefined;
  for (let i = 0; i < u.words.length; i++) {
    if (i === verbAt || u.tokens[i]!.kind !== 'word' || !cg.deadlineNouns.matchAt(u.words, i)) continue;
    return { index: i, len: Math.max(cg.deadlineNouns.matchAt(u.words, i), cg.fillers.matchAt(u.words, i)), kind: 'task' };
  }
  return undefined;
}

/**
 * "reschedule the journal club to friday", "cancel tomorrow's fire drill": an English item named by
 * its title alone, no task or event noun — after a verb only events take (reschedule, postpone), or
 * after a day said as a possessive. The item's noun is then an empty span where its name ends.
 */
function nounlessEvent(u: Utterance, cg: ChangeGrammar, verb: VerbClass, verbAt: number, verbLen: number): { index: number; len: number; kind: 'event' } | undefined {
  if (u.lang !== 'en' || (verb !== 'move' && verb !== 'cancel')) return undefined;
  const words = u.words;
  let i = verbAt + verbLen;
  if (u.tokens[i]?.kind !== 'word') return undefined;
  const day = cg.dayAdjectives.some(([set]) => set.hasWord(words[i]!)) || cg.weekdayAdjectives.has(words[i]!);
  const scheduling = cg.eventOnlyVerbs.matchAt(words, verbAt) === verbLen;
  if (!day && !(scheduling && (cg.innerArticles.hasWord(words[i]!) || u.g.intents.possessives.hasWord(words[i]!)))) return undefined;
  i++;
  const from = i;
  while (i < words.length && u.tokens[i]!.kind === 'word' && !cg.newValue.hasWord(words[i]!) && !cg.weakNewValue.hasWord(words[i]!) && !cg.nameBeforeVerb.hasWord(words[i]!) && !cg.hourPrepositions.hasWord(words[i]!)) i++;
  // (One to four words of a name; "cancel the order" and the like need a scheduling verb or a day.)
  if (i === from || i - from > 4) return undefined;
  return { index: i, len: 0, kind: 'event' };
}

/** Task and event nouns (not "календарь": it is no item), skipping those inside fillers ("из календаря"). */
function itemNouns(u: Utterance, cg: ChangeGrammar): { index: number; len: number; kind: 'task' | 'event' }[] {
  const out: { index: number; len: number; kind: 'task' | 'event' }[] = [];
  for (let i = 0; i < u.words.length; i++) {
    if (u.tokens[i]!.kind !== 'word') continue;
    const f = cg.fillers.matchAt(u.words, i);
    if (f > 1) {
      i += f - 1;
      continue;
    }
    const m = matchKeyAt(cg.nouns, u.words, i);
    if (m && m.key !== 'neutral') out.push({ index: i, len: m.len, kind: m.key });
  }
  return out;
}

/**
 * An agenda question: an opener ("что", "какие", "покажи", "мои", "what", "show") and something
 * that says it is about the plan — a task/event/plan noun, "у <person>", a plan or overdue word,
 * or nothing but dates and persons after the opener ("что у меня завтра", "что на завтра").
 */
export function classifyAgenda(
  u: Utterance,
  cg: ChangeGrammar,
  ig: IntentGrammar,
  persons: PersonMention[],
  dates: () => DateMention[],
  /** Only a question with no opener ("meetings next week?"): asked before the creating commands,
   *  whose meeting nouns would make it a new event. */
  bareOnly = false,
): ChangeMatch | null {
  const words = u.words;
  const first = firstWord(u, ig);
  // "Просроченные задачи Антона": an adjective of the kind before its opener ("просроченные"
  // says overdue by itself).
  let start = first;
  let evidence = false;
  // ("my open tasks": the speaker's possessive before the adjective.)
  if (u.tokens[start]?.kind === 'word' && ig.possessives.hasWord(words[start]!) && u.tokens[start + 1]?.kind === 'word' && cg.kindAdjectives.hasWord(words[start + 1]!)) start++;
  while (start < words.length && u.tokens[start]!.kind === 'word' && cg.kindAdjectives.hasWord(words[start]!)) {
    if (cg.overdue.matchAt(words, start)) evidence = true;
    start++;
  }
  let op = bareOnly ? 0 : cg.openers.matchAt(words, start);
  // "ну что, поставь задачу …": a question word said as a filler before a command asks nothing.
  if (op && questionAsFiller(u.tokens, words, start, ig) === op) return null;
  // "у Магомеда есть просроченные задачи?": the owner said first, then the opener.
  if (!op && !bareOnly && u.tokens[start]?.kind === 'word' && cg.owner.hasWord(words[start]!)) {
    const owned = persons.find((p) => p.kind !== 'pronoun' && Math.min(...personTokens(u, p).filter((i) => i > start)) === start + 1);
    const end = owned ? Math.max(...personTokens(u, owned)) : -1;
    const then = end > start ? cg.openers.matchAt(words, end + 1) : 0;
    if (then) op = end + 1 + then - start;
  }
  // "calendar next week", "Hugo's tasks due by Friday?": a plan noun opens the question itself,
  // after its owner said as a possessive; then only dates, persons and fillers may follow.
  let bare: number[] | undefined;
  if (!op) {
    // (English may name the owner with no possessive: "Konstantin Belousov agenda for tomorrow?".)
    const owner = persons.find((p) => (p.possessive || /['’]s$/i.test(p.text) || (u.lang === 'en' && p.kind === 'name')) && personTokens(u, p)[0] === start);
    const at = owner ? Math.max(...personTokens(u, owner)) + 1 : start;
    let n = u.tokens[at]?.kind === 'word' ? cg.bareNouns.matchAt(words, at) : 0;
    // ("schedule for Wednesday?": with nobody named, a date's preposition right after it.)
    if (!n && u.tokens[at]?.kind === 'word' && (owner || (!persons.length && u.tokens[at + 1]?.kind === 'word' && cg.ownedNouns.beforeDate.hasWord(words[at + 1]!)))) n = cg.ownedNouns.nouns.matchAt(words, at);
    if (!n) return null;
    bare = span(at, n);
    op = at + n - start;
    evidence = true;
  }
  for (let i = 0; i < words.length; i++) if (ig.blockAnywhere.matchAt(words, i)) return null;
  const counted = start + op;
  // "сколько у меня задач", "сколько завтра встреч": the owner or a date may come before what is counted.
  if (cg.counting.matchAt(words, start) === op && counted < words.length && !matchKeyAt(cg.nouns, words, counted) && !ig.fillers.hasWord(words[counted]!) && !cg.agendaFillers.matchAt(words, counted) && !cg.owner.hasWord(words[counted]!) && !cg.kindAdjectives.hasWord(words[counted]!) && !cg.overdue.matchAt(words, counted) && !dates().some((d) => dateTokens(u, d)[0] === counted)) return null;
  // "Сколько у нас стоит имплантация?": a price, whatever else is said (стоит is a plan word too).
  if (cg.counting.matchAt(words, start) === op) for (let i = counted; i < words.length; i++) if (cg.prices.hasWord(words[i]!)) return null;
  const personAt = new Set<number>();
  for (const p of persons) for (const i of personTokens(u, p)) personAt.add(i);
  let rest = false;
  // "расписание на выходные": a period is said as plainly as a date.
  const inPeriod = new Set<number>();
  for (let i = start + op; i < words.length; i++) {
    const p = u.tokens[i]!.kind === 'word' ? matchKeyAt(cg.periods, words, i) : null;
    if (p) for (const k of span(i, p.len)) inPeriod.add(k);
  }
  for (let i = start + op; i < words.length; i++) {
    if (u.tokens[i]!.kind !== 'word') continue;
    // "… clear my calendar", "what do I have tomorrow, I need to cancel": a change, not a question.
    // (…but a person named like a verb is the owner asked about: "what does Mark have on Friday".)
    // ("my open tasks": a kind's adjective before the plan noun is no verb.)
    const adjective = cg.kindAdjectives.hasWord(words[i]!) && u.tokens[i + 1]?.kind === 'word' && !!matchKeyAt(cg.nouns, words, i + 1);
    if (!personAt.has(i) && !adjective && (matchKeyAt(cg.verbs, words, i) || matchKeyAt(cg.infinitives, words, i))) return null;
    const noun = matchKeyAt(cg.nouns, words, i);
    // "план по выручке на март": a plan of some work (its topic said after it) is no agenda.
    if (noun?.key === 'neutral' && u.tokens[i + 1]?.kind === 'word' && cg.planTopics.hasWord(words[i + 1]!) && u.tokens[i + 2]?.kind === 'word' && !matchKeyAt(cg.nouns, words, i + 2) && !dates().some((d) => dateTokens(u, d).includes(i + 2)) && !inPeriod.has(i + 2)) return null;
    // ("what's the CPT code for an office visit": a kind of thing in general, no plan asked.)
    if (noun && noun.key !== 'neutral' && [2, 3, 4].some((n) => i - n >= start + op && cg.genericBefore.matchAt(words, i - n) === 2)) return null;
    if (noun || cg.agendaEventNouns.hasWord(words[i]!) || cg.planWords.matchAt(words, i) || cg.overdue.matchAt(words, i)) evidence = true;
    else if (cg.owner.hasWord(words[i]!) && personAt.has(i + 1)) evidence = true;
    // "Расписание на выходных какое?": a question word said last asks the same.
    else if (!personAt.has(i) && !ig.fillers.hasWord(words[i]!) && !cg.owner.hasWord(words[i]!) && !isLastOpener(u, cg, i)) rest = true;
  }
  if (!evidence || bare) {
    // "что у меня завтра?": only persons and dates after the opener.
    if (rest) {
      const covered = new Set<number>([...personAt, ...inPeriod]);
      for (const d of dates()) for (const i of dateTokens(u, d)) covered.add(i);
      for (let i = start + op; i < words.length; i++) {
        const t = u.tokens[i]!;
        if (t.kind === 'punct' || covered.has(i) || ig.fillers.hasWord(words[i]!) || cg.owner.hasWord(words[i]!) || isLastOpener(u, cg, i)) continue;
        if (bare && (matchKeyAt(cg.nouns, words, i) || cg.agendaEventNouns.hasWord(words[i]!) || cg.overdue.matchAt(words, i))) continue;
        // "until Friday": the date's own preposition.
        if (cg.until.matchAt(words, i) && covered.has(i + cg.until.matchAt(words, i))) continue;
        const f = cg.agendaFillers.matchAt(words, i);
        if (f) {
          i += f - 1;
          continue;
        }
        return null;
      }
    }
    if (!bare && !dates().length && !persons.length && !inPeriod.size) return null;
  }
  // (The owner said inside the opener, "у Магомеда есть", stays the plan's person.)
  return { intent: 'agenda.query', triggers: bare ?? span(first, start - first + op).filter((i) => !personAt.has(i) && !(personAt.has(i + 1) && cg.owner.hasWord(words[i]!))) };
}

/** Is word i a one-word question opener with only punctuation or fillers after it ("… какое?")? */
function isLastOpener(u: Utterance, cg: ChangeGrammar, i: number): boolean {
  if (cg.openers.matchAt(u.words, i) !== 1) return false;
  for (let k = i + 1; k < u.tokens.length; k++) if (u.tokens[k]!.kind !== 'punct' && !u.g.intents.fillers.hasWord(u.words[k]!)) return false;
  return true;
}

export interface ChangeDeps {
  dates: DateExtractor;
  ctx: ParseContext;
  /** The kind of meeting's nominative ("планёрку" → "планёрка"), from slots-<lang>.yaml. */
  eventKinds: Map<string, string>;
}

// ---------------------------------------------------------------------------------------------
// Agenda

export function agendaSlots(u: Utterance, cg: ChangeGrammar, m: ChangeMatch, persons: PersonMention[], dates: DateMention[], d: ChangeDeps): Slots {
  const slots: Slots = {};
  const words = u.words;
  u.use(m.triggers);
  let tasks = false;
  let events = false;
  for (let i = 0; i < words.length; i++) {
    if (u.tokens[i]!.kind !== 'word') continue;
    const n = matchKeyAt(cg.nouns, words, i);
    // ("what do i have to do today": "to do" after a verb of having to is that verb's, no to-do.)
    if (n?.key === 'task' && !(i > 0 && u.tokens[i - 1]!.kind === 'word' && cg.obligationVerbs.hasWord(words[i - 1]!) && words[i] === 'to')) tasks = true;
    if (n?.key === 'event' || cg.agendaEventNouns.hasWord(words[i]!)) events = true;
    if (cg.overdue.matchAt(words, i)) slots.overdue = true;
  }
  if (slots.overdue) {
    tasks = true;
    events = false;
  }
  if (tasks !== events) slots.kind = tasks ? 'tasks' : 'events';
  // A name among the lead-ins is the assistant called by its name ("алиса, какие совещания у меня …").
  // A surname that is a weekday said as the date ("until friday" with a Grace Friday) is no owner.
  const inDate = new Set(dates.flatMap((x) => dateTokens(u, x)));
  const owner = persons.find((p) => p.kind !== 'pronoun' && !('self' in p.slot) && !personTokens(u, p).every((i) => u.used[i] || inDate.has(i)));
  if (owner) slots.person = owner.slot;
  Object.assign(slots, agendaRange(u, cg, dates, d));
  return slots;
}

/** from / to of an agenda question: a period ("на этой неделе"), dates, or "до пятницы". */
function agendaRange(u: Utterance, cg: ChangeGrammar, dates: DateMention[], d: ChangeDeps): { from?: string; to?: string } {
  const today = wallClockAt(d.ctx.now, d.ctx.timeZone);
  const words = u.words;
  const inPeriod = new Set<number>();
  let range: [CivilDate, CivilDate] | undefined;
  for (let i = 0; i < words.length && !range; i++) {
    const p = matchKeyAt(cg.periods, words, i);
    if (!p) continue;
    for (const k of span(i, p.len)) inPeriod.add(k);
    range = period(p.key, today);
  }
  if (range) return { from: formatDate(range[0]), to: formatDate(range[1]) };
  const ds = dates.filter((x) => !dateTokens(u, x).some((k) => inPeriod.has(k)));
  if (!ds.length) return {};
  const days = ds.flatMap((x) => [x.start.slice(0, 10), ...(x.end ? [x.end.slice(0, 10)] : [])]).sort();
  const until = ds.some((x) => x.deadline || before(u, x, cg.until));
  return { from: until ? formatDate(today) : days[0]!, to: days[days.length - 1]! };
}

function period(p: Period, today: CivilDate): [CivilDate, CivilDate] {
  const wd = isoWeekday(today);
  const monday = addDays(today, 1 - wd);
  switch (p) {
    case 'this_week':
      return [monday, addDays(monday, 6)];
    case 'next_week':
      return [addDays(monday, 7), addDays(monday, 13)];
    case 'weekend':
      return wd >= 6 ? [today, addDays(monday, 6)] : [addDays(monday, 5), addDays(monday, 6)];
    case 'end_of_week':
      return [today, wd >= 6 ? addDays(monday, 6) : addDays(monday, 4)];
    case 'this_month': {
      const last = new Date(Date.UTC(today.year, today.month, 0)).getUTCDate();
      return [{ ...today, day: 1 }, { ...today, day: last }];
    }
  }
}

/** Is the word right before the mention (or its own first word) one of `set`? */
function before(u: Utterance, m: DateMention, set: { hasWord(w: string): boolean }): boolean {
  const idx = dateTokens(u, m);
  const first = idx[0];
  if (first === undefined) return false;
  return set.hasWord(u.words[first]!) || (first > 0 && set.hasWord(u.words[first - 1]!));
}

// ---------------------------------------------------------------------------------------------
// References and new values

/** Is a title word (no marker, filler or article) said between the item's noun and a quote? */
function wordsBeforeQuote(u: Utterance, cg: ChangeGrammar, from: number, quoteStart: number): boolean {
  for (let i = from; i < u.tokens.length && u.tokens[i]!.start < quoteStart; i++) {
    if (u.tokens[i]!.kind !== 'word' || u.used[i]) continue;
    const n = cg.queryMarkers.matchAt(u.words, i) || cg.fillers.matchAt(u.words, i);
    if (n) {
      i += n - 1;
      continue;
    }
    return true;
  }
  return false;
}

export function changeSlots(u: Utterance, cg: ChangeGrammar, m: ChangeMatch, persons: PersonMention[], found: DateMention[], d: ChangeDeps): Slots {
  const words = u.words;
  const noun = m.noun!;
  u.use(m.triggers);
  const ref: ItemRef = {};
  const slots: Slots = {};
  // The query in quotes: «Сверить акты».
  const q = quotes(u.text)[0];
  let query: string | undefined;
  // (Only when it names the item by itself: "задачу про акт сверки с «Кроношпаном»" has it inside.)
  if (q && !wordsBeforeQuote(u, cg, noun.index + noun.len, q.start)) {
    query = q.inner;
    u.use(u.tokensIn(q.start, q.end));
  }
  // A run after a query marker ("задачу про …") is the query's: no filler is taken out of it.
  // After a kind of meeting the words stay with it ("планёрку по продажам").
  const isKind = noun.len === 1 && d.eventKinds.has(words[noun.index]!);
  let markerEnd = -1;
  const personAt = new Set(persons.flatMap((p) => personTokens(u, p)));
  for (let i = noun.index + noun.len; !isKind && i < words.length; i++) {
    if (u.tokens[i]!.kind !== 'word' || u.used[i] || personAt.has(i)) continue;
    // ("close the task of tsvetelina about …": "of" right before the item's person is hers, no query word.)
    if (noun.kind === 'task' && i === noun.index + noun.len && personAt.has(i + 1) && cg.nounQueryMarkers.matchAt(words, i) === 1) {
      u.use([i]);
      continue;
    }
    // ("Zainab's task on vendor registration": "on" right after the noun, before no date.)
    const n = cg.queryMarkers.matchAt(words, i) || (noun.kind === 'task' && i === noun.index + noun.len && u.tokens[i + 1]?.kind === 'word' && !u.used[i + 1] && !personAt.has(i + 1) && !found.some((f) => dateTokens(u, f).includes(i + 1)) ? cg.nounQueryMarkers.matchAt(words, i) : 0);
    if (n) {
      // "the task about the SSL certificate": an article opening the run is no word of the title.
      let k = i + n;
      while (u.tokens[k]?.kind === 'word' && cg.innerArticles.hasWord(words[k]!) && u.tokens[k + 1]?.kind === 'word') k++;
      u.use(span(i, k - i));
      markerEnd = k;
      break;
    }
    // "задачу короче про пропуска": a word said while thinking is no query word.
    if (u.g.intents.fillers.matchAt(words, i) === 1 && u.g.intents.discourse.hasWord(words[i]!)) {
      u.use([i]);
      continue;
    }
    // A marker after a title word is the title's ("событие Вебинар по продажам").
    if (!cg.fillers.matchAt(words, i) && !cg.thisWords.matchAt(words, i)) break;
  }
  // The run ends at the next clause's command word ("про заказ бумаги … и перенеси срок").
  // (…and at a comma after the new person: "про журнал ГСМ Ульяне Кусаминой, срок — 22 января".)
  const personComma = markerEnd < 0 ? -1 : u.tokens.findIndex((t, k) => k > markerEnd && t.kind === 'punct' && t.text === ',' && personAt.has(k - 1));
  let runEnd = markerEnd < 0 ? -1 : Math.min(words.length, ...m.triggers.filter((t) => t >= markerEnd), ...(personComma > 0 ? [personComma] : []));
  // (…and at a phrase of several filler words that closes it: "the event called dentist from my calendar".)
  for (let k = markerEnd + 1; markerEnd >= 0 && k < runEnd; k++) {
    const n = u.tokens[k]!.kind === 'word' ? cg.fillers.matchAt(words, k) : 0;
    if (n >= 2 && u.tokens.slice(k + n, runEnd).every((t) => t.kind === 'punct')) {
      runEnd = k;
      break;
    }
  }
  // (Not when the verb was said with its particle: "hand over the task about the payment follow up to …".)
  if (markerEnd >= 0 && !m.triggers.some((t) => u.tokens[t]?.kind === 'word' && cg.runParticles.hasWord(words[t]!))) useRunParticle(u, cg, markerEnd, runEnd, personAt);
  // "hand this task off to Anjali", "bin this meeting off": the verb's particle right after the
  // item's noun, before the new value or at the end.
  const after = noun.index + noun.len;
  const valueOrEnd = (k: number) => !u.tokens.some((t, j) => j >= k && t.kind === 'word') || (u.tokens[k]?.kind === 'word' && cg.newValue.hasWord(words[k]!) && (u.used[k + 1] || personAt.has(k + 1)));
  if (u.tokens[after]?.kind === 'word' && !u.used[after] && cg.runParticles.hasWord(words[after]!) && valueOrEnd(after + 1)) u.use([after]);
  // "отметь, что задача по миграции сделана": the news that closes the run is no word of the query.
  if (markerEnd >= 0 && m.intent === 'task.complete') useRunDoneWord(u, cg, markerEnd, runEnd);
  for (let i = 0; i < words.length; i++) {
    if (u.used[i] || u.tokens[i]!.kind !== 'word' || (markerEnd >= 0 && i >= markerEnd && i < runEnd)) continue;
    // ("call off the standup this friday": "this" opening a date is the date's.)
    const n = cg.fillers.matchAt(words, i) || (found.some((x) => x.index === u.tokens[i]!.start) ? 0 : cg.thisWords.matchAt(words, i));
    // "the meeting with the supplier", "the review of the contract task": an article between two
    // words of the query is one of them.
    const inner = n === 1 && cg.innerArticles.hasWord(words[i]!) && i > 0 && !u.used[i - 1] && u.tokens[i - 1]!.kind === 'word' && u.tokens[i + 1]?.kind === 'word' && !u.used[i + 1];
    if (n && !inner) {
      u.use(span(i, n));
      i += n - 1;
    }
  }
  // An id right after the noun: "задачу 512", "task #77", "задачу номер пятьсот двенадцать".
  let idAt = noun.index + noun.len;
  while (u.tokens[idAt]?.kind === 'word' && u.used[idAt] && u.g.intents.discourse.hasWord(words[idAt]!)) idAt++;
  if (u.tokens[idAt]?.kind === 'word' && u.g.slots.leadNumber.hasWord(words[idAt]!)) idAt++;
  const idTok = u.tokens[idAt];
  // "встречу 12 мая в 15:00": a number that opens a date of more words is no id ("task 12" is).
  const inDate = found.some((x) => {
    const idx = dateTokens(u, x);
    return idx.includes(idAt) && idx.includes(idAt + 1);
  });
  if (idTok && !u.used[idAt] && !inDate) {
    const skip = idTok.kind === 'punct' && (idTok.text === '#' || idTok.text === '№') ? 1 : 0;
    const t = u.tokens[idAt + skip];
    if (t?.kind === 'number' && /^\d+$/.test(t.text)) {
      ref.id = Number(t.text);
      u.use(span(noun.index + noun.len, idAt - noun.index - noun.len + skip + 1));
      // ("task 87's deadline": the number's possessive is no query word.)
      const [mark, owned] = [u.tokens[idAt + skip + 1], u.tokens[idAt + skip + 2]];
      if (mark?.start === t.end && /^['’]$/.test(mark.text) && owned?.start === mark.end && /^s$/i.test(owned.text)) u.use([idAt + skip + 1, idAt + skip + 2]);
    } else if (t?.kind === 'word') {
      const nw = u.g.numbers.readIdAt(words, idAt);
      // ("move the standup thirty minutes later": a count of a unit is a shift, no id.)
      if (nw && nw.value >= 25 && !cg.shiftUnits.matchAt(words, idAt + nw.length)) {
        ref.id = nw.value;
        u.use(span(noun.index + noun.len, idAt - noun.index - noun.len + nw.length));
      }
    }
  }
  // "…, поскольку поставщик задерживает отгрузку": the reason for the change, to the end.
  for (let i = 1; i < words.length; i++) {
    if (u.tokens[i - 1]!.text !== ',' || u.tokens[i]!.kind !== 'word' || !cg.reasons.matchAt(words, i)) continue;
    u.use(span(i, words.length - i));
    break;
  }
  const shifted = useShifts(u, cg);
  // "push the standup back to 11", "move the sync up to 9": a particle before the new value or at
  // the end is the verb's.
  if (m.verb === 'move' || m.verb === 'extend') {
    for (let i = 0; i < words.length; i++) {
      if (u.used[i] || (markerEnd >= 0 && i >= markerEnd && i < runEnd) || !cg.shiftParticles.hasWord(words[i]!)) continue;
      const next = u.tokens[i + 1];
      if (!next || next.kind === 'punct' || cg.newValue.hasWord(next.norm) || cg.hourPrepositions.hasWord(next.norm)) u.use([i]);
    }
  }
  const dates = valueMentions(u, cg, m, found, shifted, d);
  for (const x of dates) u.use(dateTokens(u, x));
  // Persons: the new responsible ("на Иванову", "Антону", "to Emily") or the item's person — also
  // after a reassigning verb's own preposition ("put it on Dilnoza").
  // Which person is the new responsible: one said with the new value's preposition ("на
  // Ярвинена", "to Bair") or the reassigning verb's own; else a dative that is no genitive
  // ("передай задачу Шмидт Ярвинену"); else, after a reassigning verb, the first said. The others
  // name the item ("перекинь задачу Рыбака на Ярвинена": Рыбак's task).
  // ("Mark Hill's roster task as complete": the verb that is the user's given name too, said before
  // the surname — the name is still said, by its surname; also after the verb: "complete mark stone
  // task", "mark mark stone task … done".)
  const verbIsName = (p: PersonMention, idx: number[]) => idx.length >= 2 && 'userId' in p.slot && m.triggers.includes(idx[0]!) && !idx.slice(1).some((i) => u.used[i]);
  const open = persons.filter((p) => {
    const idx = personTokens(u, p);
    // ("complete the task call back Mr Ahmed": somebody nobody here is, said with no preposition
    // right after a word of the item's name, is that name's too.)
    // ("check off the task about the carrier packet for ridgeline": …and so is one inside what the
    // item is said to be about.)
    const about = u.lang === 'en' && p.kind === 'unknown' && idx[0]! > noun.index + noun.len && cg.queryMarkers.matchAt(words, noun.index + noun.len) > 0;
    const inName = about || (u.lang === 'en' && p.kind === 'unknown' && !p.preposition && idx[0]! > 0 && u.tokens[idx[0]! - 1]!.kind === 'word' && !u.used[idx[0]! - 1] && idx[0]! - 1 > noun.index);
    return !inName && (verbIsName(p, idx) || !idx.some((i) => u.used[i] && !(p.preposition && u.words[i] === p.preposition))) && !(p.kind === 'unknown' && isPlace(u, cg, p, idx)) && !streetAfterTitleWord(u, cg, m, p, idx);
  });
  const owner = (p: PersonMention) => p.possessive || /['’]s$/i.test(p.text);
  const byPreposition = (p: PersonMention) =>
    !!p.preposition && (cg.newValue.hasWord(p.preposition) || (m.verb === 'reassign' && (cg.reassignPrepositions.hasWord(p.preposition) || personTokens(u, p).some((i) => u.used[i] && u.words[i] === p.preposition))));
  // ("… instead of Semyon": who has it now, never the new responsible.)
  // Where "instead of" opens before each person who has the item now.
  const insteadAt = new Map<PersonMention, number>();
  for (const p of open) {
    const first = personTokens(u, p)[0] ?? -1;
    for (let k = Math.max(0, first - 3); k < first && !insteadAt.has(p); k++) if (cg.instead.matchAt(words, k) === first - k) insteadAt.set(p, k);
  }
  const insteadOf = (p: PersonMention) => insteadAt.has(p);
  const dativeOnly = (p: PersonMention) => !p.preposition && p.cases.includes('datv') && !p.cases.includes('gent');
  const chosen =
    m.intent !== 'task.update'
      ? undefined
      : open.find((p) => !owner(p) && !insteadOf(p) && byPreposition(p)) ??
        // ("задачу, которую я ставил Мичилу, передай Нюргуну": of two datives, the one after the verb.)
        (m.verb === 'reassign' ? open.find((p) => !owner(p) && dativeOnly(p) && p.index > u.tokens[m.triggers[0]!]!.start) : undefined) ??
        open.find((p) => !owner(p) && dativeOnly(p)) ??
        (m.verb === 'reassign' ? open.find((p) => !owner(p) && !insteadOf(p) && !p.preposition) : undefined);
  for (const p of persons) {
    const idx = personTokens(u, p);
    if (!open.includes(p)) continue;
    // ("передай задачу … Богдану Осадчему": the surname found as a mention of its own is the same new responsible.)
    const sameAsChosen = !!chosen && 'userId' in p.slot && 'userId' in chosen.slot && p.slot.userId === chosen.slot.userId;
    if (p === chosen) slots.responsible = p.slot;
    else if (!ref.person && !('self' in p.slot) && !sameAsChosen) ref.person = p.slot;
    // A second person ("с Машей и Антоном") is no title word either; the reference keeps one.
    u.use(idx);
    const from = insteadAt.get(p);
    if (from !== undefined) u.use(span(from, idx[0]! - from));
  }
  // Old and new values.
  const olds = dates.filter((x) => !x.isNew);
  const news = dates.filter((x) => x.isNew);
  const at = timeSlots(olds.map((x) => (x.dateSaid ? x : { ...x, start: today(d) + x.start.slice(10) })));
  if (at.start) ref.at = at.start;
  if (m.intent === 'task.update' || m.intent === 'event.update') {
    const nv = timeSlots(news);
    const keepDate = ref.at && !news.some((x) => x.dateSaid) ? ref.at.slice(0, 10) : undefined;
    const fix = (s: string | undefined) => (s && keepDate && s.length > 10 ? keepDate + s.slice(10) : s);
    if (m.intent === 'task.update') {
      if (nv.start) slots.deadline = fix(nv.start);
    } else {
      if (nv.start) slots.start = fix(nv.start);
      if (nv.end) slots.end = fix(nv.end);
      if (nv.allDay) slots.allDay = true;
    }
  }
  if (!query) query = referenceQuery(u, cg, noun, d);
  if (query) ref.query = query;
  if (m.intent === 'task.complete' || m.intent === 'task.update') slots.task = ref;
  else slots.event = ref;
  return slots;
}

/** "закрой задачу про задвижку на Ленина": closing or cancelling names nobody new, so a name nobody
 *  here has after "на" and a word of the item's name is a street, part of the query. */
function streetAfterTitleWord(u: Utterance, cg: ChangeGrammar, m: ChangeMatch, p: PersonMention, idx: readonly number[]): boolean {
  if (p.kind !== 'unknown' || !p.preposition || !cg.streetPrepositions.hasWord(p.preposition)) return false;
  if (m.intent !== 'task.complete' && m.intent !== 'event.cancel') return false;
  const at = Math.min(...idx);
  const before = u.tokens[at - 1];
  return !!before && before.kind === 'word' && !u.used[at - 1] && u.words[at - 1] !== p.preposition;
}

/** "Business trip to Madrid": a name nobody here has, after a place preposition that follows a
 *  travel noun, is part of the title. */
export function isPlace(u: Utterance, cg: ChangeGrammar, p: PersonMention, idx: readonly number[]): boolean {
  if (!p.preposition || !cg.places.prepositions.hasWord(p.preposition)) return false;
  const first = Math.min(...idx);
  return [1, 2, 3].some((k) => first - k >= 0 && u.tokens[first - k]!.kind === 'word' && cg.places.nouns.hasWord(u.words[first - k]!));
}

/** "the task about the Belfast agreement over to Orla": the run's last word, a particle of the verb
 *  with the new value (a person or a date) right after it, is the verb's (run_particles). */
function useRunParticle(u: Utterance, cg: ChangeGrammar, from: number, to: number, personAt: Set<number>): void {
  let k = from;
  while (k < to && u.tokens[k]!.kind === 'word' && !u.used[k] && !personAt.has(k)) k++;
  const p = k - 1;
  if (p <= from || !cg.runParticles.hasWord(u.words[p]!)) return;
  const next = u.tokens[k];
  const valueNext = k < to && next !== undefined && (u.used[k] || personAt.has(k) || (next.kind === 'word' && cg.newValue.hasWord(u.words[k]!) && (u.used[k + 1] || personAt.has(k + 1))));
  if (valueNext) u.use([p]);
}

function useRunDoneWord(u: Utterance, cg: ChangeGrammar, from: number, to: number): void {
  let end = to;
  while (end > from && u.tokens[end - 1]!.kind === 'punct') end--;
  const last = end - 1;
  if (last <= from || u.used[last] || u.tokens[last]!.kind !== 'word') return;
  if (cg.doneNews.matchAt(u.words, last) === 1 || cg.done.matchAt(u.words, last) === 1) u.use([last]);
}

/** The words of the item's title: a kind of meeting in the nominative with the words after it;
 *  after a task or событие noun, the words that are no slot (English: also those before it). */
function referenceQuery(u: Utterance, cg: ChangeGrammar, noun: { index: number; len: number; kind: 'task' | 'event' }, d: ChangeDeps): string | undefined {
  u.use(span(noun.index, noun.len));
  const kind = noun.len === 1 ? d.eventKinds.get(u.words[noun.index]!) : undefined;
  // "the safety week kickoff event": English puts the plain event noun after the kind; it is
  // never part of the query, as anywhere else.
  const head = kind && u.lang === 'en' ? matchKeyAt(cg.nouns, u.words, noun.index + 1) : null;
  if (head && head.key === 'event' && !u.used[noun.index + 1] && !d.eventKinds.has(u.words[noun.index + 1]!)) {
    u.use(span(noun.index + 1, head.len));
    noun = { ...noun, len: noun.len + head.len };
  }
  const after = residual(u, noun.index + noun.len);
  const beforeRun = u.lang === 'en' ? leftRun(u, noun.index) : undefined;
  // "the meeting called budget review": a name given after the kind is the query by itself.
  const named = cg.namingMarkers.matchAt(u.words, noun.index + noun.len);
  if (kind && named && !u.used[noun.index + noun.len]) {
    u.use(span(noun.index + noun.len, named));
    return residual(u, noun.index + noun.len + named) || undefined;
  }
  if (kind) {
    // "встречу с Антоном" → only the person: встреча / meeting alone is no query.
    const plain = kind === 'встреча' || kind === 'meeting';
    if (plain && !after && !beforeRun) return undefined;
    return [beforeRun, u.lang === 'en' ? u.tokens[noun.index]!.text : kind, after].filter(Boolean).join(' ');
  }
  return [beforeRun, after].filter(Boolean).join(' ') || undefined;
}

/** Unused words right before token i (English "the report task" → "report"). */
function leftRun(u: Utterance, i: number): string | undefined {
  let j = i;
  while (j > 0 && !u.used[j - 1] && (u.tokens[j - 1]!.kind === 'word' || gluedNumber(u, j - 1))) j--;
  return j < i ? runText(u, j, i) : undefined;
}

/** A number written into a word ("Q4", "2FA", "v2"): part of that word, not a value of its own. */
function gluedNumber(u: Utterance, i: number): boolean {
  const t = u.tokens[i]!;
  if (t.kind !== 'number') return false;
  const prev = u.tokens[i - 1];
  const next = u.tokens[i + 1];
  return (prev?.kind === 'word' && prev.end === t.start) || (next?.kind === 'word' && next.start === t.end);
}

/** Relative shifts ("на час позже", "продли на 3 дня", "an hour later", "by three days"): they fix
 *  no value, so their words are used and no date is read in them. Returns their token indices. */
function useShifts(u: Utterance, cg: ChangeGrammar): Set<number> {
  const words = u.words;
  const out = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    let k = i;
    // The direction may come first: "push the standup back half an hour", "позже на час".
    const lead = cg.shiftDirections.matchAt(words, k);
    k += lead;
    const prep = cg.shiftPrepositions.matchAt(words, k);
    k += prep;
    let number = false;
    if (u.tokens[k]?.kind === 'number') {
      number = true;
      k++;
    } else {
      const nw = u.g.numbers.readAt(words, k);
      if (nw) {
        number = true;
        k += nw.length;
      } else {
        const amount = cg.shiftAmounts.matchAt(words, k);
        if (amount) {
          number = true;
          k += amount;
        } else if (words[k] === 'an' || words[k] === 'a') k++;
      }
    }
    // ("give the insurance task two more days": an amount added, no query words.)
    const more = number ? cg.shiftMore.matchAt(words, k) : 0;
    k += more;
    const amountSaid = k > i + lead + prep;
    const unit = cg.shiftUnits.matchAt(words, k);
    if (!unit) continue;
    const hourUnit = cg.shiftHourUnits.hasWord(words[k]!);
    k += unit;
    const dir = lead || cg.shiftDirections.matchAt(words, k);
    // "на 17 часов" is a time; "на 2 часа позже", "на час", "на 3 дня" are shifts.
    if (hourUnit && number && !dir) continue;
    // (English with nothing more: "postpone the standup half an hour" — the amount closes what is said.)
    const atEnd = !!cg.shiftBareAtEnd && (amountSaid || unit > 1) && !(i > 0 && cg.shiftBareAtEnd.hasWord(words[i - 1]!)) && u.tokens.slice(k).every((t) => t.kind === 'punct');
    if (!prep && !dir && !more && !atEnd) continue;
    if (!lead) k += dir;
    for (let j = i; j < k; j++) out.add(j);
    u.use(span(i, k - i));
    i = k - 1;
  }
  return out;
}

interface ValueMention extends DateMention {
  isNew: boolean;
  /** A date was said (not a time alone): "в 11" is today at 11 for a reference. */
  dateSaid: boolean;
}


/** The date mentions of a change, each marked old (the reference's `at`) or new. */
function valueMentions(u: Utterance, cg: ChangeGrammar, m: ChangeMatch, found: DateMention[], shifted: Set<number>, d: ChangeDeps): ValueMention[] {
  const words = u.words;
  const update = m.intent === 'task.update' || m.intent === 'event.update';
  let ms: DateMention[] = [];
  let newSaid = false;
  for (const x of found) {
    const idx = dateTokens(u, x);
    // An article taken as a filler still opens its date: "to the 15th".
    const taken = (i: number) => u.used[i] && !shifted.has(i) && !cg.newValue.hasWord(words[i]!) && !cg.hourPrepositions.hasWord(words[i]!) && !cg.innerArticles.hasWord(words[i]!);
    // "встречу в 15:00 на полчаса позже": a date read on into a shift ("в 15:00 на полчаса" as a
    // length) is what comes before the shift.
    const shiftAt = idx.findIndex((i) => shifted.has(i));
    if (shiftAt > 0 && !idx.slice(0, shiftAt).some(taken)) {
      ms.push(...reread(u, idx.slice(0, shiftAt), d));
      continue;
    }
    if (shiftAt >= 0 || idx.some(taken)) continue;
    // "в пятницу на десять утра", "from Monday to Tuesday": two values read as one (but "to
    // Friday from 3 to 5" is one new value).
    // ("the task due monday to wednesday": a deadline said with the item, then the new one.)
    const cut = update && !newSaid && (!before(u, x, cg.newValue) || !!x.deadline) ? idx.findIndex((i, k) => k > 0 && cg.splitAt.hasWord(words[i]!)) : -1;
    if (before(u, x, cg.newValue)) newSaid = true;
    if (cut > 0) ms.push(...reread(u, idx.slice(0, cut), d), ...reread(u, idx.slice(cut), d));
    else ms.push(x);
  }
  // "завтрашнюю встречу", "tomorrow's meeting".
  const now = wallClockAt(d.ctx.now, d.ctx.timeZone);
  for (let i = 0; i < words.length; i++) {
    if (u.used[i]) continue;
    const adj = cg.dayAdjectives.find(([set]) => set.hasWord(words[i]!));
    if (!adj) continue;
    u.use([i]);
    const t = u.tokens[i]!;
    ms = ms.filter((x) => !(x.index < t.end && x.index + x.text.length > t.start));
    ms.push({ index: t.start, text: t.text, start: formatDate(addDays(now, adj[1])), tags: ['change/day'] });
  }
  // "fridays standup", "monday's sync": a weekday possessive right before the item's noun.
  for (let i = 0; i < words.length; i++) {
    const day = cg.weekdayAdjectives.get(words[i]!);
    if (!day || u.used[i] || !m.noun || m.noun.index <= i || m.noun.index - i > 3) continue;
    const r = d.dates.extract(day, { now: d.ctx.now, timeZone: d.ctx.timeZone, lang: u.lang })[0];
    if (!r) continue;
    u.use([i]);
    const t = u.tokens[i]!;
    ms = ms.filter((x) => !(x.index < t.end && x.index + x.text.length > t.start));
    ms.push({ index: t.start, text: t.text, start: r.start.slice(0, 10), tags: ['change/day'] });
  }
  // A bare number after в / на / с / до is an hour in these commands ("на девять", "на 16").
  const covered = new Set(ms.flatMap((x) => dateTokens(u, x)));
  for (let i = 0; i + 1 < words.length; i++) {
    if (u.used[i] || covered.has(i) || covered.has(i + 1) || shifted.has(i + 1) || !cg.hourPrepositions.hasWord(words[i]!)) continue;
    const t = u.tokens[i + 1]!;
    let len = 0;
    // ("в 2гис", "на 5ку": digits run into letters are a name, no hour.)
    const glued = u.tokens[i + 2]?.kind === 'word' && u.tokens[i + 2]!.start === t.end;
    if (t.kind === 'number' && /^\d{1,2}$/.test(t.text) && Number(t.text) <= 24 && !glued) len = 1;
    else if (t.kind === 'word') {
      const nw = u.g.numbers.readAt(words, i + 1);
      if (nw && nw.value >= 1 && nw.value <= 24) len = nw.length;
    }
    if (!len) continue;
    const hourText = u.slice(i + 1, i + 1 + len);
    const r = d.dates.extract(`${u.lang === 'ru' ? 'в' : 'at'} ${hourText}`, { now: d.ctx.now, timeZone: d.ctx.timeZone, lang: u.lang })[0];
    if (!r || r.start.length <= 10) continue;
    ms.push({ index: u.tokens[i]!.start, text: u.slice(i, i + 1 + len), start: r.start, tags: ['change/hour'] });
  }
  ms.sort((a, b) => a.index - b.index);
  // "reschedule my call with Hugo for Friday": with no other new value said, a date after "for" is it.
  const weakNew = update && !ms.some((x) => before(u, x, cg.newValue) || (x.deadline && m.intent === 'task.update')) ? ms.find((x) => before(u, x, cg.weakNewValue)) : undefined;
  let isNew = false;
  const out = ms.map((x): ValueMention | null => {
    // "ту встречу, что на среду была, перенеси на четверг": said in a relative clause, the date
    // the item has now; the clause's words are no query.
    const idx = dateTokens(u, x);
    const first = idx[0] ?? -1;
    const between = (k: number) => cg.relative.verbs.hasWord(words[k]!) || cg.relative.subjects.hasWord(words[k]!) || cg.relative.setVerbs.hasWord(words[k]!);
    let pronoun = -1;
    // (A filler may have taken the pronoun already: "that" is also a "this" word.)
    for (let k = first - 1; k >= 0 && k >= first - 3 && u.tokens[k]!.kind === 'word'; k--) {
      if (cg.relative.pronouns.hasWord(words[k]!)) {
        pronoun = k;
        break;
      }
      if (!between(k)) break;
    }
    if (pronoun >= 0) {
      // ("that was on Wednesday", "которую я вчера ставил": the subject and verb are no query.)
      u.use(span(pronoun, first - pronoun));
      const after = idx[idx.length - 1]! + 1;
      const setAfter = u.tokens[after]?.kind === 'word' && cg.relative.setVerbs.hasWord(words[after]!);
      if (setAfter || (u.tokens[after]?.kind === 'word' && cg.relative.verbs.hasWord(words[after]!))) u.use([after]);
      // "задачу, которую я вчера ставил", "the task that I set yesterday": when it was set, not
      // when it is due — no value, and no query word.
      if (setAfter || span(pronoun, first - pronoun).some((k) => cg.relative.setVerbs.hasWord(words[k]!))) {
        u.use(idx);
        return null;
      }
      return { ...x, isNew: false, dateSaid: dateSaid(x) };
    }
    // ("the generator task move it from sunday to wednesday": a value opened by "from" is the old one.)
    const old = u.tokens[first]?.kind === 'word' && cg.oldValue.hasWord(words[first]!);
    // ("move my task due tomorrow to Monday": a deadline word names the old value when another is said after "to".)
    const dueOld = !!x.deadline && ms.some((y) => y.index > x.index && !y.deadline && before(u, y, cg.newValue));
    if (update && !dueOld && (before(u, x, cg.newValue) || (x.deadline && m.intent === 'task.update') || x === weakNew || (!old && afterDeadlineWord(u, cg, m, first)))) isNew = true;

    return { ...x, isNew, dateSaid: dateSaid(x) };
  });
  return out.filter((x): x is ValueMention => x !== null);
}

/** "task 3310: deadline Friday": a date right after the deadline word that named the change (or a
 *  resumptive verb's pronoun). */
function afterDeadlineWord(u: Utterance, cg: ChangeGrammar, m: ChangeMatch, first: number): boolean {
  let k = first - 1;
  let labelled = false;
  while (k >= 0 && u.tokens[k]!.kind === 'punct' && /^[:,—–-]$/.test(u.tokens[k]!.text)) labelled ||= u.tokens[k--]!.text !== ',';
  if (k < 0 || u.tokens[k]!.kind !== 'word') return false;
  // ("Перекинь задачу 5120 на Шевцова, срок — четверг": a deadline word set off as a label names the new value too.)
  if (labelled && cg.deadlineNouns.hasWord(u.words[k]!)) return true;
  // (…and so does one opening a clause of its own: "Transfer task 3391 to Mr Tan, deadline Thursday".)
  const clause = u.tokens[k - 1];
  if (k === first - 1 && clause?.kind === 'punct' && /^[,;—–-]$/.test(clause.text) && cg.deadlineNouns.hasWord(u.words[k]!)) return true;
  // (…or right after the pronoun of a resumptive verb: "the meeting with Sunny, make it 3pm".)
  return m.triggers.includes(k) && (cg.deadlineNouns.hasWord(u.words[k]!) || cg.idMove.values.hasWord(u.words[k]!) || cg.resumptive.pronouns.hasWord(u.words[k]!));
}

/** Read the tokens `idx` again as a date of their own. */
function reread(u: Utterance, idx: number[], d: ChangeDeps): DateMention[] {
  const from = u.tokens[idx[0]!]!.start;
  const text = u.text.slice(from, u.tokens[idx[idx.length - 1]!]!.end);
  return d.dates.extract(text, { now: d.ctx.now, timeZone: d.ctx.timeZone, lang: u.lang }).map((x) => ({ ...x, index: x.index + from }));
}

function today(d: ChangeDeps): string {
  return formatDate(wallClockAt(d.ctx.now, d.ctx.timeZone));
}
