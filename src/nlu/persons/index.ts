/**
 * Person recognition for the parser (nlu.md, "Slot values → person"): finds people in Russian
 * and English commands and resolves them against the portal's directory.
 */
import type { Directory, GramCase, PersonMention, PersonSlot } from '../types';
import { loadMorph, type Morph, type MorphParse } from '../morph';
import { Finder } from './finder';
import { nearestForms } from './directory-index';
import { DEFAULT_GRAMMARS_DIR, loadGrammar } from './grammar';
import { NameInflector } from './inflect';
import { capitalize, normalizeWord } from './text';

export interface PersonFinder {
  /** Every person mentioned in `text`, in order, non-overlapping. */
  find(text: string, directory: Directory, lang: 'ru' | 'en'): PersonMention[];
  /** Resolve a phrase that the caller already knows is a person (the answer to "Кому?" — "Насте";
   *  English "Bob" in "send a message to Bob"). null when the phrase is not a name at all. */
  resolve(phrase: string, directory: Directory, lang: 'ru' | 'en', preferredCase?: GramCase): PersonSlot | null;
  /** A name, surname or noun said in an oblique case, in the nominative ("петровой" → "петрова",
   *  "Ромашкой" → "Ромашка"); any other word as it is. The parser names leads with it. */
  nominative(word: string, lang: 'ru' | 'en'): string;
  /** The same for the words of one name said together: a surname after a first name takes the
   *  first name's case and gender ("Ивана Гарифуллина" → "Иван Гарифуллин", not "Гарифуллина"). */
  nominatives(words: string[], lang: 'ru' | 'en'): string[];
  /** True when every dictionary reading of a Russian word is a noun ("поставки", "создание"). */
  isNoun(word: string, lang: 'ru' | 'en'): boolean;
  /** True when the dictionary knows the word at all (a misheard command word it does not): az's for
   *  Russian, the English lexicon for English. */
  isWord(word: string, lang: 'ru' | 'en'): boolean;
  /** True when the dictionary reads a Russian word as an infinitive ("позвонить"). */
  isInfinitive(word: string, lang: 'ru' | 'en'): boolean;
  /** True when the word is a form of a name of somebody in the directory, or one misheard. */
  isNameForm(word: string, directory: Directory): boolean;
  /** The same, as the directory has it (no name misheard). */
  isExactNameForm(word: string, directory: Directory): boolean;
}

export interface PersonFinderOptions {
  /** Where diminutives.yaml and persons-*.yaml live (default: the repository's grammars/). */
  grammarsDir?: string;
  /** An already loaded analyser to share (default: a new one over az's dictionaries). */
  morph?: Morph;
}

/** Loads az's dictionaries, petrovich and the vocabularies once; the finder indexes each
 *  directory object on first use (a WeakMap, so a portal's new directory object is re-indexed). */
export async function createPersonFinder(options: PersonFinderOptions = {}): Promise<PersonFinder> {
  const grammar = loadGrammar(options.grammarsDir ?? DEFAULT_GRAMMARS_DIR);
  const morph = options.morph ?? (await loadMorph());
  const finder = new Finder({ grammar, morph, inflector: new NameInflector(morph) });
  return {
    find: (text, directory, lang) => finder.find(text, directory, lang),
    resolve: (phrase, directory, lang, preferredCase) => finder.resolve(phrase, directory, lang, preferredCase),
    nominative: (word, lang) => nominativeOf(morph, word, lang),
    nominatives: (words, lang) => nominativesOf(morph, words, lang),
    isWord: (word, lang) => (lang === 'ru' ? morph.analyze(normalizeWord(word)).some((p) => p.dictionary) : grammar.en.englishWords.has(normalizeWord(word))),
    // A misheard form counts too: "сокаловой" is Соколова misheard, no "со" glued to "каловой".
    isNameForm: (word, directory) => {
      const idx = finder.index(directory);
      const w = normalizeWord(word);
      return idx.forms.has(w) || nearestForms(idx, w) !== null;
    },
    isExactNameForm: (word, directory) => finder.index(directory).forms.has(normalizeWord(word)),
    isInfinitive: (word, lang) => lang === 'ru' && morph.analyze(normalizeWord(word)).some((p) => p.dictionary && p.pos === 'INFN'),
    isNoun: (word, lang) => {
      if (lang !== 'ru') return false;
      const readings = morph.analyze(normalizeWord(word)).filter((p) => p.dictionary);
      return readings.length > 0 && readings.every((p) => p.pos === 'NOUN');
    },
  };
}

/** Shorter unknown words are guessed too loosely to be read as surnames. */
const GUESSED_SURNAME_MIN = 5;

function nominativeOf(morph: Morph, word: string, lang: 'ru' | 'en'): string {
  if (lang !== 'ru' || !/^[А-Яа-яЁё-]+$/.test(word)) return word;
  // "ТехноДом", "ВкусВилл": a capital inside the word makes it a brand, written as its owner writes it.
  if (/^[А-ЯЁ]?[а-яё]+[А-ЯЁ]/.test(word)) return word;
  const readings = morph.analyze(normalizeWord(word));
  const all = readings.filter((p) => p.dictionary && !p.plural);
  // Names and surnames first ("петровой" → "петрова"); else a noun ("ромашкой" → "ромашка").
  let names = all.filter((p) => p.name || p.surname);
  // A surname no dictionary holds ("сафиуллиной"): the reading az guesses from its ending, when
  // the dictionary knows no reading of the word at all.
  if (!names.length && !readings.some((p) => p.dictionary) && word.length >= GUESSED_SURNAME_MIN) names = readings.filter((p) => p.surname && !p.plural);
  const parses = names.length ? names : all.filter((p) => p.pos === 'NOUN');
  // "с мостстроем": a word no dictionary knows with a masculine noun's instrumental ending is the
  // noun az guesses first ("мостстрой"), a company's name.
  if (parses.length === 0 && !readings.some((p) => p.dictionary) && /[оеё]м$/.test(normalizeWord(word))) {
    const guess = readings[0];
    if (guess?.pos === 'NOUN' && guess.case === 'ablt' && guess.gender === 'masc') return /^[А-ЯЁ]/.test(word) ? capitalize(guess.nominative) : guess.nominative;
  }
  if (parses.length === 0 || parses.some((p) => p.case === 'nomn')) return word;
  const nom = parses[0]!.nominative;
  // A person's name is written with a capital, even when the recogniser wrote none.
  return names.length || /^[А-ЯЁ]/.test(word) ? capitalize(nom) : nom;
}

function nominativesOf(morph: Morph, words: string[], lang: 'ru' | 'en'): string[] {
  const out: string[] = [];
  // The (case, gender) readings of the first name just said in an oblique case.
  let after: MorphParse[] = [];
  // The readings of the word before (a noun a genitive after it depends on: "Азбукой вкуса").
  let previous: MorphParse[] = [];
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    const readings = lang === 'ru' ? morph.analyze(normalizeWord(w)) : [];
    const prevNoun = k > 0 && previous.some((p) => p.dictionary && p.pos === 'NOUN' && !p.name && !p.surname);
    // ("сделку уральские авиалинии": a plural name already in the nominative, its adjective agreeing, as said.)
    const pluralName = k > 0 && readings.some((p) => p.dictionary && p.pos === 'NOUN' && p.plural && p.case === 'nomn') && previous.some((p) => p.dictionary && p.pos === 'ADJF' && p.plural && p.case === 'nomn');
    previous = readings;
    if (pluralName) {
      out.push(w);
      continue;
    }
    const all = /^[А-Яа-яЁё-]+$/.test(w) ? readings.filter((p) => !p.plural) : [];
    // "лида Ореховой": last, written with a capital, a word the dictionary reads only as an
    // adjective in an oblique case but shaped as a woman's -ова/-ева/-ина surname is that surname
    // (not before a noun it agrees with: "Дубовой рощи" stays a company).
    if (k === words.length - 1 && /^[А-ЯЁ][а-яё]{2,}(?:ов|ев|ёв|ин|ын)ой$/.test(w) && all.length && all.every((p) => p.pos === 'ADJF' && p.case !== 'nomn')) {
      out.push(w.slice(0, -2) + 'а');
      continue;
    }
    // ("сделка с Таймыргеологией": a name no dictionary knows in the instrumental of -ия, its -ия nominative.)
    if (k === words.length - 1 && /^[А-ЯЁа-яё]{4,}ией$/.test(w) && !readings.some((p) => p.dictionary)) {
      out.push(w.slice(0, -3) + 'ия');
      continue;
    }
    // ("лид Зарецкой": an adjective-shaped -ская/-цкая surname in an oblique case, its -ая nominative.)
    // (Said in lower case, "с распадской", when no dictionary knows the word: a name all the same.)
    if (k === words.length - 1 && /^[А-ЯЁа-яё][а-яё]{2,}(?:ск|цк)ой$/.test(w) && (/^[А-ЯЁ]/.test(w) || !readings.some((p) => p.dictionary)) && !all.some((p) => p.case === 'nomn')) {
      out.push(capitalize(w.slice(0, -2) + 'ая'));
      continue;
    }
    // "с горным университетом" → "горный университет": an adjective agreeing with the noun after
    // it takes its nominative too (a company's two-word name), when no reading of it is a name.
    // ("Самарской сетевой компании": past other adjectives to the noun they all agree with.)
    let next: MorphParse[] = [];
    for (let j = k + 1; lang === 'ru' && j < words.length && j <= k + 3; j++) {
      const readings = morph.analyze(normalizeWord(words[j]!)).filter((p) => p.dictionary && !p.plural);
      next = readings.filter((p) => p.pos === 'NOUN');
      if (next.length || !readings.some((p) => p.pos === 'ADJF' && p.case !== 'nomn')) break;
    }
    // ("Каргопольского ЛПХ": before an abbreviation, whose gender no dictionary gives, a masculine one.)
    // (Said in lower case, "котласским цбк": letters with no vowel that no dictionary knows.)
    const abbreviation =
      lang === 'ru' && k + 1 < words.length && (/^[А-ЯЁ]{2,}$/.test(words[k + 1]!) || (/^[бвгджзйклмнпрстфхцчшщ]{2,5}$/i.test(words[k + 1]!) && !morph.analyze(normalizeWord(words[k + 1]!)).some((p) => p.dictionary)));
    const adjective =
      (next.length || abbreviation) && all.length && all.every((p) => !p.name && !p.surname)
        ? all.find((p) => p.dictionary && p.pos === 'ADJF' && p.case !== 'nomn' && (abbreviation ? p.gender === 'masc' : next.some((n) => n.case === p.case && n.gender === p.gender)))
        : undefined;
    if (adjective) {
      out.push(/^[А-ЯЁ]/.test(w) ? capitalize(adjective.nominative) : adjective.nominative);
      after = [];
      continue;
    }
    const agreeing = all.filter((p) => p.surname && after.some((a) => a.case === p.case && a.gender === p.gender));
    // The name before takes the same reading as its surname: "Петра Сидорова" read as Пётр
    // Сидоров's genitive is "Пётр Сидоров", never half of it ("Петра" is a woman's name too).
    const name = agreeing.length ? after.find((a) => a.case === agreeing[0]!.case && a.gender === agreeing[0]!.gender) : undefined;
    if (name && out.length) out[out.length - 1] = capitalize(name.nominative);
    // ("Азбукой вкуса" → "Азбука вкуса": a common noun in the genitive after a common noun is what
    // the name's head is of, kept as said.)
    const dependent = prevNoun && !agreeing.length && all.some((p) => p.pos === 'NOUN' && p.case === 'gent' && !p.name && !p.surname) && !all.some((p) => p.name || p.surname);
    out.push(agreeing.length ? capitalize(agreeing[0]!.nominative) : dependent ? w : nominativeOf(morph, w, lang));
    after = agreeing.length ? [] : all.filter((p) => p.dictionary && p.name && p.case !== 'nomn');
  }
  return out;
}

export type { PersonMention, PersonSlot } from '../types';
