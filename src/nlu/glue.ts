/**
 * Word boundaries a Russian speech recogniser gets wrong: a preposition glued to the word after it
 * ("вчетверг", "наследующей неделе", "кпонедельнику", "наскладе") and a command word cut in two
 * ("создай за дачу", "запланируй в стречу"). The text is rewritten before parsing, so every slot
 * reader sees the words as said.
 */
import { tokenize, type Token } from './tokens';
import { quotes } from './utterance';
import type { RuGrammar } from './dates/grammar';
import type { IntentGrammar } from './intent';
import type { WordSet } from './grammar';
import type { Morph } from './morph';
import { caseBit } from './persons/cases';

export interface GlueDeps {
  morph: Morph;
  /** A word of the grammars the dictionary may not know ("созвон" is no "со звон"). */
  isGrammarWord: (word: string) => boolean;
}

/** Longest first half of a command word a recogniser cuts off as a word of its own. */
const MAX_CUT = 3;

/** Shortest word after a glued preposition read by the dictionary alone (date words are listed). */
const MIN_REST = 4;

export interface GlueFixer {
  /**
   * The text with glued prepositions split off date words ("вчетверг", "наследующей неделе"); done
   * before misheard command words are corrected ("вдесять" is no misheard "внесять"). `isName`
   * tells a directory name form (never split).
   */
  splitDates(text: string, isName: (word: string) => boolean): string;
  /**
   * The text with glued prepositions split off other words ("наскладе"), over its tokens; done after
   * misheard command words are corrected ("напеши" is a misheard "напиши", no "на пеши"). The text
   * itself when nothing is split.
   */
  splitWords(text: string, tokens: readonly Token[], isName: (word: string) => boolean, isExactName?: (word: string) => boolean): string;
  /**
   * The text with one command word put back together, or null when none is cut in two. With no
   * command found (`found` absent) the join must complete one; with `found`, only a verb of that
   * command is joined ("по ставь задачу …": the noun made the command, the verb's halves stayed
   * in the title).
   */
  join(text: string, tokens: readonly Token[], g: IntentGrammar, found?: string): string | null;
  /**
   * The text with a command's verb and noun said as one word split ("поставьзадачу",
   * "создайвстречу"): among the first words, one the dictionary does not know that is a verb and a
   * noun of one command run together. The text itself when none is.
   */
  splitCommand(text: string, tokens: readonly Token[], g: IntentGrammar): string;
  /**
   * The text with a command verb cut after its prefix joined ("пере неси" → "перенеси", "от мени"),
   * among the first words, when `isVerb` knows the whole and the dictionary reads it as a verb. The
   * text itself otherwise.
   */
  joinCutVerb(text: string, tokens: readonly Token[], isVerb: (word: string) => boolean): string;
}

/** How many words from the start a glued command word is looked for in. */
const COMMAND_WITHIN = 4;

export function createGlueFixer(dates: RuGrammar, prepositions: ReadonlyMap<string, number>, deps: GlueDeps): GlueFixer {
  // Longest first, so "во" is tried before "в".
  const prefixes = [...prepositions.keys()].sort((a, b) => b.length - a.length);
  const known = (w: string) => deps.morph.analyze(w).some((p) => p.dictionary);
  // The cases the dictionary reads a word in, names left out ("складе": loct).
  const plainCases = (w: string) => {
    let mask = 0;
    for (const p of deps.morph.analyze(w)) if (p.dictionary && p.case && !p.name && !p.surname && !p.patronymic) mask |= caseBit(p.case);
    return mask;
  };
  // The first letters a glued preposition gives a word (в, н, к, с …): other words are not looked at.
  const firstLetters = new Set(prefixes.map((p) => p[0]!));
  // Dates said in one word ("завтра", "пятницу"): an adverb made of a preposition and one of
  // these ("назавтра") is that date ("вовремя" is no "во время").
  const dayWords = new Set([...dates.casualDates, ...Object.keys(dates.weekdays)].map((w) => w.replace(/ё/g, 'е')));
  // Multi-word date phrases of dates-ru.yaml ("с утра", "до конца недели").
  const datePhrases = new Set<string>();
  for (const p of [...Object.keys(dates.dayParts), ...dates.nextWeek, ...dates.endOfWeek, ...dates.endOfDay, ...dates.allDay, ...Object.keys(dates.splitCasualDates)]) {
    if (p.includes(' ')) datePhrases.add(p.replace(/ё/g, 'е'));
  }
  // The words a date expression is made of, as dates-ru.yaml lists them.
  const dateWords = new Set<string>();
  const addWords = (phrases: Iterable<string>) => {
    for (const p of phrases) for (const w of p.split(/\s+/)) if (/^[а-яё]+$/.test(w)) dateWords.add(w.replace(/ё/g, 'е'));
  };
  addWords(Object.keys(dates.weekdays));
  addWords(Object.keys(dates.months).filter((m) => m.length > 3));
  addWords(Object.keys(dates.cardinals));
  addWords(Object.keys(dates.dayParts));
  addWords([...dates.nextWords, ...dates.thisWords, ...dates.casualDates, ...dates.nextWeek, ...dates.endOfWeek, ...dates.endOfDay, ...dates.allDay]);
  addWords(Object.keys(dates.fixedDurations));
  for (const p of prefixes) dateWords.delete(p);
  // A glued preposition and date word anywhere in the text: most texts have none, and skip the rest.
  const alt = (ws: Iterable<string>) => [...ws].sort((a, b) => b.length - a.length).join('|');
  const gluedDate = new RegExp(`(?<![\\p{L}])(?:${alt(prefixes)})(?:${alt(dateWords)})(?![\\p{L}])`, 'iu');
  // Words that open a date said on ("следующей неделе", "эту пятницу").
  const openers = new Set([...dates.nextWords, ...dates.thisWords].map((w) => w.replace(/ё/g, 'е')));

  const restAfterPrefix = (norm: string, isName: (w: string) => boolean, capitalised: boolean, next: string | undefined, datesOnly: boolean, isExactName: (w: string) => boolean): number => {
    let whole: boolean | undefined;
    for (const p of prefixes) {
      if (!norm.startsWith(p) || norm.length - p.length < 3) continue;
      const rest = norm.slice(p.length);
      const dateWord = dateWords.has(rest);
      if (datesOnly && !dateWord) continue;
      // A capital inside the sentence is a name's ("Вахитов"): only a date word is split off it.
      const cases = prepositions.get(p)!;
      if (!dateWord && (capitalised || !cases || rest.length < MIN_REST)) continue;
      whole ??= known(norm) || deps.isGrammarWord(norm) || isName(norm);
      // A word of its own stays one, unless a date goes on after it ("наследующей неделе" is
      // "на следующей неделе", not the participle of наследовать), the split makes a date phrase
      // of dates-ru.yaml ("сутра" → "с утра"), or it is an adverb of that date ("назавтра").
      if (whole) {
        // "поставь задачу навалю …": a colleague's name glued to its preposition makes a verb form
        // ("навалю"); a name of the directory in a case the preposition governs is split off it.
        // (As the directory has it, no name misheard: "встала" is no "в Стаса".)
        if (!dateWord && !datesOnly && isExactName(rest) && !isName(norm) && deps.morph.analyze(norm).every((r) => !r.dictionary || r.pos === 'VERB')) return p.length;
        if (!dateWord) continue;
        if ((openers.has(rest) && next !== undefined && dateWords.has(next)) || datePhrases.has(`${p} ${rest}`) || (next !== undefined && datePhrases.has(`${p} ${rest} ${next}`))) return p.length;
        if (dayWords.has(rest) && !isName(norm) && deps.morph.analyze(norm).every((r) => !r.dictionary || r.pos === 'ADVB')) return p.length;
        continue;
      }
      // "наскладе": the rest in a case the preposition governs ("скрины" is no "с крины").
      // ("копродукции" is no "ко продукции": "ко" is said only before в/ф and a consonant, or мн.)
      if (p === 'ко' && !dateWord && !/^(?:[вф][^аеёиоуыэюя]|мн)/.test(rest)) continue;
      if (dateWord || (plainCases(rest) & cases) !== 0) return p.length;
    }
    return 0;
  };

  // Per command, the openings (up to MAX_CUT letters) of its verbs and nouns: the first half of a
  // cut command word is one of them.
  const starts = new WeakMap<object, Set<string>>();
  const startsOf = (c: IntentGrammar['commands'][number]): Set<string> => {
    let set = starts.get(c);
    if (!set) {
      set = new Set();
      for (const w of [...c.verbs.singleWords(), ...c.nouns.singleWords()]) for (let n = 1; n <= MAX_CUT; n++) set.add(w.replace('*', '').slice(0, n));
      starts.set(c, set);
    }
    return set;
  };
  const splitOver = (text: string, toks: readonly Token[], isName: (w: string) => boolean, datesOnly: boolean, isExactName: (w: string) => boolean = isName): string => {
    const q = /["«“„]/.test(text) ? quotes(text) : [];
    let out = '';
    let from = 0;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      if (t.kind !== 'word' || t.norm.length < 4 || !firstLetters.has(t.norm[0]!) || !/^[а-я]+$/.test(t.norm)) continue;
      if (q.some((s) => t.start >= s.start && t.start < s.end)) continue;
      const capitalised = i > 0 && /^\p{Lu}/u.test(t.text);
      const next = toks[i + 1];
      // "для сбера", "про вкусвилл": a word right after a preposition has its own; no second one is
      // glued to it (only a date word is split off there: "до взавтра" is no speech either way).
      const prev = toks[i - 1];
      const afterPreposition = !datesOnly && prev !== undefined && prev.kind === 'word' && deps.morph.analyze(prev.norm).some((r) => r.dictionary && r.pos === 'PREP');
      const n = restAfterPrefix(t.norm, isName, capitalised, next && next.kind === 'word' ? next.norm : undefined, datesOnly || afterPreposition, isExactName);
      if (!n) continue;
      out += text.slice(from, t.start + n) + ' ';
      from = t.start + n;
    }
    return from === 0 ? text : out + text.slice(from);
  };

  return {
    splitDates(text, isName) {
      return gluedDate.test(text) ? splitOver(text, tokenize(text), isName, true) : text;
    },

    splitWords(text, tokens, isName, isExactName) {
      return splitOver(text, tokens, isName, false, isExactName);
    },

    splitCommand(text, toks, g) {
      let words = 0;
      for (const t of toks) {
        if (t.kind !== 'word') continue;
        if (++words > COMMAND_WITHIN) break;
        const w = t.norm;
        if (w.length < 8 || !/^[а-я]+$/.test(w)) continue;
        for (let i = 3; i <= w.length - 3; i++) {
          const a = w.slice(0, i);
          const b = w.slice(i);
          // (The word lists first: the dictionary is asked only about a split they allow.)
          // (…or a command word and its short object: "напомнимне", "напишиему".)
          const object = g.gluedObjects.hasWord(b) && g.commands.some((c) => c.verbs.hasWord(a) || c.standaloneWithPerson.hasWord(a) || c.reminder.hasWord(a));
          if ((object || g.commands.some((c) => (c.verbs.hasWord(a) || c.standaloneWithPerson.hasWord(a)) && c.nouns.hasWord(b))) && !known(w) && known(a) && known(b)) {
            const at = t.start + i;
            return text.slice(0, at) + ' ' + text.slice(at);
          }
        }
      }
      return text;
    },

    joinCutVerb(text, toks, isVerb) {
      let words = 0;
      for (let k = 0; k + 1 < toks.length; k++) {
        const a = toks[k]!;
        if (a.kind !== 'word') continue;
        if (++words > COMMAND_WITHIN) break;
        const b = toks[k + 1]!;
        if (b.kind !== 'word' || a.norm.length < 2 || a.norm.length > MAX_CUT + 1 || b.start !== a.end + 1 || text[a.end] !== ' ') continue;
        const joined = a.norm + b.norm;
        if (isVerb(joined) && deps.morph.analyze(joined).some((r) => r.dictionary && r.pos === 'VERB')) return text.slice(0, a.end) + text.slice(b.start);
      }
      return text;
    },

    join(text, toks, g, found) {
      for (let k = 0; k + 1 < toks.length; k++) {
        const a = toks[k]!;
        const b = toks[k + 1]!;
        // A recogniser cuts off a short word it knows (за, в, на, по, со, от).
        if (a.kind !== 'word' || b.kind !== 'word' || a.norm.length > MAX_CUT || b.start !== a.end + 1 || text[a.end] !== ' ') continue;
        const joined = a.norm + b.norm;
        for (const c of g.commands) {
          if (found && c.intent !== found) continue;
          if (!startsOf(c).has(a.norm)) continue;
          const part = (s: WordSet) => s.hasWord(a.norm) || s.hasWord(b.norm);
          // A verb must read as one ("по ставкам" is no "поставкам").
          const asVerb = c.verbs.hasWord(joined) && !part(c.verbs) && deps.morph.analyze(joined).some((r) => r.dictionary && (r.pos === 'VERB' || r.pos === 'INFN'));
          const asNoun = !found && !asVerb && c.nouns.hasWord(joined) && !part(c.nouns) && known(joined);
          if (!asNoun && !asVerb) continue;
          // With no command yet, the join must make one: a noun for a verb said elsewhere ("создай
          // за дачу"), a verb for a noun, or a verb that takes its person ("на пиши Роме").
          const other = asNoun ? c.verbs : c.nouns;
          const completes = found || toks.some((t, i) => i !== k && i !== k + 1 && t.kind === 'word' && other.hasWord(t.norm)) || (asVerb && c.standaloneWithPerson.hasWord(joined));
          if (completes) return text.slice(0, a.end) + text.slice(b.start);
        }
      }
      return null;
    },
  };
}

/**
 * English: a command's verb and noun typed or recognised as one word ("createtask", "newtask",
 * "schedulemeeting"), among the first words, split — when the whole is no English word and both halves
 * are the same command's verb and noun. The text itself when none is.
 */
export function splitLatinCommand(text: string, toks: readonly Token[], g: IntentGrammar, isWord: (word: string) => boolean): string {
  let words = 0;
  for (const t of toks) {
    if (t.kind !== 'word') continue;
    if (++words > COMMAND_WITHIN) break;
    const w = t.norm;
    if (w.length < 7 || !/^[a-z]+$/.test(w) || isWord(w)) continue;
    for (let i = 3; i <= w.length - 3; i++) {
      const a = w.slice(0, i);
      const b = w.slice(i);
      // ("newtask": an adjective of the noun, too.)
      if (g.commands.some((c) => (c.verbs.hasWord(a) || c.nounAdjectives.hasWord(a)) && c.nouns.hasWord(b))) return text.slice(0, t.start + i) + ' ' + text.slice(t.start + i);
    }
  }
  return text;
}
