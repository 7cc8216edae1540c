/**
 * Word boundaries a Russian speech recogniser gets wrong: a preposition glued to the word after it
 * ("вчетверг", "наследующей неделе", "кпонедельнику", "наскладе") and a command word cut in two
 * ("создай за дачу", "запланируй в стречу"). The text is rewritten before parsing, so every slot
 * reader sees the words as said.
 */
import { tokenize } from './tokens';
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
   * The text with glued prepositions split off; `isName` tells a directory name form (never split).
   * `datesOnly`: only those before a date word — done before misheard command words are corrected
   * ("вдесять" is no misheard "внесять"); the others after ("напеши" is a misheard "напиши").
   */
  split(text: string, isName: (word: string) => boolean, datesOnly?: boolean): string;
  /**
   * The text with one command word put back together, or null when none is cut in two. With no
   * command found (`found` absent) the join must complete one; with `found`, only a verb of that
   * command is joined ("по ставь задачу …": the noun made the command, the verb's halves stayed
   * in the title).
   */
  join(text: string, g: IntentGrammar, found?: string): string | null;
}

/**
 * `prepositions`: the prepositions a recogniser glues on (slots-ru.yaml glued_prepositions), each
 * with the cases (a mask) a word must be in to be split off it by the dictionary's word; 0 for
 * those split off only before a date word.
 */
export function createGlueFixer(dates: RuGrammar, prepositions: ReadonlyMap<string, number>, deps: GlueDeps): GlueFixer {
  // Longest first, so "во" is tried before "в".
  const prefixes = [...prepositions.keys()].sort((a, b) => b.length - a.length);
  const readings = (w: string) => deps.morph.analyze(w).filter((p) => p.dictionary);
  // The cases the dictionary reads a word in, names left out ("складе": loct).
  const plainCases = (w: string) => {
    let mask = 0;
    for (const p of readings(w)) if (p.case && !p.name && !p.surname && !p.patronymic) mask |= caseBit(p.case);
    return mask;
  };
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
  // Words that open a date said on ("следующей неделе", "эту пятницу").
  const openers = new Set([...dates.nextWords, ...dates.thisWords].map((w) => w.replace(/ё/g, 'е')));

  const restAfterPrefix = (norm: string, isName: (w: string) => boolean, capitalised: boolean, next: string | undefined, datesOnly: boolean): number => {
    let whole: boolean | undefined;
    for (const p of prefixes) {
      if (!norm.startsWith(p) || norm.length - p.length < 3) continue;
      const rest = norm.slice(p.length);
      const dateWord = dateWords.has(rest);
      if (datesOnly && !dateWord) continue;
      // A capital inside the sentence is a name's ("Вахитов"): only a date word is split off it.
      const cases = prepositions.get(p)!;
      if (!dateWord && (capitalised || !cases || rest.length < MIN_REST)) continue;
      whole ??= deps.isGrammarWord(norm) || readings(norm).length > 0 || isName(norm);
      // A word of its own stays one, unless a date goes on after it ("наследующей неделе" is
      // "на следующей неделе", not the participle of наследовать), the split makes a date phrase
      // of dates-ru.yaml ("сутра" → "с утра"), or it is an adverb of that date ("назавтра").
      if (whole) {
        if (!dateWord) continue;
        if ((openers.has(rest) && next !== undefined && dateWords.has(next)) || datePhrases.has(`${p} ${rest}`) || (next !== undefined && datePhrases.has(`${p} ${rest} ${next}`))) return p.length;
        if (dayWords.has(rest) && !isName(norm) && readings(norm).every((r) => r.pos === 'ADVB')) return p.length;
        continue;
      }
      // "наскладе": the rest in a case the preposition governs ("скрины" is no "с крины").
      if (dateWord || (plainCases(rest) & cases) !== 0) return p.length;
    }
    return 0;
  };

  return {
    split(text, isName, datesOnly = false) {
      const toks = tokenize(text);
      const q = /["«“„]/.test(text) ? quotes(text) : [];
      let out = '';
      let from = 0;
      for (let i = 0; i < toks.length; i++) {
        const t = toks[i]!;
        if (t.kind !== 'word' || t.norm.length < 3 || !/^[а-я]+$/.test(t.norm)) continue;
        if (q.some((s) => t.start >= s.start && t.start < s.end)) continue;
        const capitalised = i > 0 && /^\p{Lu}/u.test(t.text);
        const next = toks[i + 1];
        const n = restAfterPrefix(t.norm, isName, capitalised, next && next.kind === 'word' ? next.norm : undefined, datesOnly);
        if (!n) continue;
        out += text.slice(from, t.start + n) + ' ';
        from = t.start + n;
      }
      return from === 0 ? text : out + text.slice(from);
    },

    join(text, g, found) {
      const toks = tokenize(text);
      for (let k = 0; k + 1 < toks.length; k++) {
        const a = toks[k]!;
        const b = toks[k + 1]!;
        // A recogniser cuts off a short word it knows (за, в, на, по, со, от).
        if (a.kind !== 'word' || b.kind !== 'word' || a.norm.length > MAX_CUT || b.start !== a.end + 1 || text[a.end] !== ' ') continue;
        const joined = a.norm + b.norm;
        for (const c of g.commands) {
          if (found && c.intent !== found) continue;
          const part = (s: WordSet) => s.hasWord(a.norm) || s.hasWord(b.norm);
          // A verb must read as one ("по ставкам" is no "поставкам").
          const asVerb = c.verbs.hasWord(joined) && !part(c.verbs) && readings(joined).some((r) => r.pos === 'VERB' || r.pos === 'INFN');
          const asNoun = !found && !asVerb && c.nouns.hasWord(joined) && !part(c.nouns) && readings(joined).length > 0;
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
