/**
 * The parser's front door: `createParser()` loads dictionaries and grammars once (async: the
 * morphology dictionaries are files), then `parser.parse(text, ctx)` is synchronous and pure.
 */
import { createDateExtractor, loadDateGrammars } from './dates';
import { createGlueFixer, splitLatinCommand } from './glue';
import { WordSet } from './grammar';
import { tokenize } from './tokens';
import { loadMorph } from './morph';
import { createPersonFinder } from './persons';
import { loadIntentGrammar } from './intent';
import { loadSlotsGrammar } from './slots-grammar';
import { loadNumberWords } from './numbers';
import { loadChangeGrammar } from './change-grammar';
import { MIN_LETTERS, createCommandWordFixer } from './command-fuzzy';
import { keepSpelling, parseWith, type LangGrammar, type ParserDeps } from './parser';
import type { Lang, ParseContext, ParseResult } from './types';

export type * from './types';
export { MAX_INPUT_CHARS } from './normalize';

export interface Parser {
  parse(text: string, ctx: ParseContext): ParseResult;
  /** Resolve a phrase known to name a person (the answer to "Кому?"). */
  resolvePerson: ParserDeps['persons']['resolve'];
}

const CYRILLIC = /[а-яё]/i;
const LATIN = /[a-z]/i;

export async function createParser(): Promise<Parser> {
  const morph = await loadMorph();
  const persons = await createPersonFinder({ morph });
  const dateGrammars = loadDateGrammars();
  const dates = createDateExtractor({ grammars: dateGrammars });
  const grammars = {} as Record<Lang, LangGrammar>;
  for (const lang of ['ru', 'en'] as const) {
    grammars[lang] = { intents: loadIntentGrammar(lang), slots: loadSlotsGrammar(lang), numbers: loadNumberWords(lang), change: loadChangeGrammar(lang) };
  }
  // The command vocabulary a misheard word may be corrected to (Russian: the dictionary tells a
  // mishearing from a real word).
  const ru = grammars.ru;
  const vocabulary = [
    ...ru.intents.commands.flatMap((c) => [c.nouns, c.verbs, c.standalone, c.reminder, c.standaloneWithPerson].flatMap((s) => s.singleWords())),
    ...[...ru.change.verbs, ...ru.change.infinitives].flatMap(([, s]) => s.singleWords()),
    // (Agenda openers are known words too: "чекни" is no misheard "черкни".)
    ...ru.change.openers.singleWords(),
    // (…and what marks an overdue question: "что у Степана прасрочено".)
    ...ru.change.overdue.singleWords(),
  ];
  // A change verb in either aspect ("перенеси", "переноси") means one thing: no collision.
  const meaning = new Map<string, string>();
  // (…and so does its infinitive: "перенесси" is a letter off "перенеси" and "перенести" alike.)
  for (const [key, set] of [...ru.change.verbs, ...ru.change.infinitives]) for (const w of set.singleWords()) meaning.set(w, `change:${key}`);
  const sounds = soundsOf(ru.intents.soundFolds);
  // (A form of a kind of meeting the grammar lists is a word, though no dictionary has it: "на
  // созвоне" is no misheard "созвоны".)
  const fixer = createCommandWordFixer(vocabulary, (w) => persons.isWord(w, 'ru') || ru.slots.eventKinds.has(w), { meaning, sounds });
  // English has no dictionary here: only drops and swaps, and only the utterance's first word
  // (parser.ts), where a command verb stands ("creat a task", "mesage Ivy: …").
  const en = grammars.en;
  const enVocabulary = [
    ...en.intents.commands.flatMap((c) => [c.verbs, c.standalone, c.reminder, c.standaloneWithPerson].flatMap((s) => s.singleWords())),
    ...[...en.change.verbs].flatMap(([, s]) => s.singleWords()),
  ];
  // (A changed letter is fixed only in a word no English lexicon has: "remine", never "massage".)
  const enFixer = createCommandWordFixer(enVocabulary, () => false, { letters: /^[a-z]+$/, dropsAndSwapsOnly: true, substitutes: (w) => w.length >= 6 && !persons.isWord(w, 'en'), vowelless: /[aeiouy]/ });
  // The command's noun after its verb and an article ("creat a taks for Kevin").
  // (…spelt as heard too: "meating" sounds as "meeting"; a letter changed in a word no lexicon has,
  // after the command's verb and article: "a tesk", "a new tast".)
  const enNounFixer = createCommandWordFixer(en.intents.commands.flatMap((c) => c.nouns.singleWords()), () => false, { letters: /^[a-z]+$/, dropsAndSwapsOnly: true, substitutes: (w) => !persons.isWord(w, 'en'), vowelless: /[aeiouy]/, minDropEntry: MIN_LETTERS, sounds: soundsOf(en.intents.soundFolds) });
  // Word boundaries a Russian recogniser gets wrong ("вчетверг", "за дачу").
  const grammarWords = new WordSet([...vocabulary, ...ru.slots.eventKinds.keys()]);
  const changeVerbs = new WordSet(ru.change.verbs.flatMap(([, set]) => set.singleWords()));
  const glue = createGlueFixer(dateGrammars.ru, ru.slots.gluedPrepositions, { morph, isGrammarWord: (w) => grammarWords.hasWord(w) });
  // "встречю", "задачя": ю, я after ч or щ are spelt у, а — a command word or kind of meeting
  // misspelt by that rule is that word (both after ч could be two forms: "встречу", "встреча").
  const unsoftened = (w: string): string | null => {
    if (!/[чщ][юя]/.test(w)) return null;
    const r = w.replace(/([чщ])ю/g, '$1у').replace(/([чщ])я/g, '$1а');
    return grammarWords.hasWord(r) && !persons.isWord(w, 'ru') ? r : null;
  };
  // "отмене планерку", "закрое задачу": an imperative's unstressed final и (й) heard as е, at the
  // command's first word only (elsewhere "в отмене" is a word of its own).
  const exactVocabulary = new Set(vocabulary.filter((w) => !w.endsWith('*')));
  const unstressedEnding = (w: string): string | null => {
    if (w.length < MIN_LETTERS || !w.endsWith('е')) return null;
    const found = ['и', 'й'].map((e) => w.slice(0, -1) + e).filter((r) => exactVocabulary.has(r));
    return found.length === 1 ? found[0]! : null;
  };
  const deps: ParserDeps = {
    dates,
    glue: {
      en: {
        splitDates: (text) => text,
        splitWords: (text, tokens) => splitLatinCommand(text, tokens, en.intents, (w) => persons.isWord(w, 'en')),
        join: () => null,
      },
      ru: {
        splitDates: (text, directory) => glue.splitDates(text, (w) => persons.isNameForm(w, directory)),
        splitWords: (text, tokens, directory) => {
          // "поставьзадачу": a command's verb and noun run together are split first.
          // …and a verb cut after its prefix is joined ("пере неси созвон").
          const cut = glue.joinCutVerb(text, tokens, (w) => changeVerbs.hasWord(w) || ru.intents.commands.some((c) => c.verbs.hasWord(w)));
          if (cut !== text) return cut;
          const split = glue.splitCommand(text, tokens, ru.intents);
          return glue.splitWords(split, split === text ? tokens : tokenize(split), (w) => persons.isNameForm(w, directory), (w) => persons.isExactNameForm(w, directory));
        },
        join: (text, tokens, found) => glue.join(text, tokens, ru.intents, found),
      },
    },
    persons,
    grammars,
    nominative: (words, lang) => persons.nominatives(words, lang),
    commonNominative: (word) => morph.analyze(word.toLowerCase()).some((p) => p.dictionary && p.pos === 'NOUN' && p.case === 'nomn' && !p.name && !p.surname),
    // "на пятое поле": an ordinal and the noun after it agree (gender, case, number), as "пятое
    // число" would — a thing, not a date, unless the noun is число.
    agrees: (adjective, noun) => {
      const as = morph.analyze(adjective.toLowerCase()).filter((p) => p.dictionary && p.pos === 'ADJF');
      const ns = morph.analyze(noun.toLowerCase()).filter((p) => p.dictionary && p.pos === 'NOUN');
      return as.some((a) => ns.some((n) => n.case === a.case && n.plural === a.plural && (a.plural || n.gender === a.gender)));
    },
    fixCommandWord: { ru: (w) => unsoftened(w) ?? fixer.fix(w), en: (w) => enFixer.fix(w) },
    fixOpeningWord: {
      ru: unstressedEnding,
      en: (w, next) => en.intents.homophones.opening.get(w) ?? en.intents.homophones.groups.find((h) => next !== undefined && h.words.has(w) && h.before.hasWord(next))?.words.get(w) ?? null,
    },
    fixCommandNoun: { en: (w) => enNounFixer.fix(w) },
  };
  return {
    parse: (text, ctx) => {
      try {
        let r = parseWith(deps, text, ctx);
        // "напиши Wei Zhang call me when you land": the letters' majority picked the text's
        // language, not the command's. Both scripts said and nothing understood: the other
        // language is asked too.
        if (r.intent === 'unknown' && !ctx.lang && CYRILLIC.test(text) && LATIN.test(text)) {
          const other = parseWith(deps, text, { ...ctx, lang: r.lang === 'ru' ? 'en' : 'ru' });
          if (other.intent !== 'unknown') r = other;
        }
        return keepSpelling(r, text, grammars);
      } catch (e) {
        // The parser must answer whatever it is given; a bug here must not take a channel down.
        return { intent: 'unknown', slots: {}, lang: ctx.lang ?? 'ru', trace: [`error:${(e as Error).message}`] };
      }
    },
    resolvePerson: (phrase, directory, lang, preferredCase) => persons.resolve(phrase, directory, lang, preferredCase),
  };
}

/** A word as it sounds: each spelling of sound_folds (longest first) replaced by its sound. */
function soundsOf(folds: Map<string, string>): ((w: string) => string) | undefined {
  if (folds.size === 0) return undefined;
  const keys = [...folds.keys()].sort((a, b) => b.length - a.length).map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(keys.join('|'), 'g');
  return (w) => w.replace(re, (m) => folds.get(m) ?? m);
}
