/** The vocabulary of person recognition, read from grammars/*.yaml (data, not code). */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { GramCase } from '../types';
import { normalizeWord } from './text';
import { caseMask } from './cases';
import { transliterations } from './directory-index';

export interface PersonsGrammar {
  /** Normalised full first name → normalised short forms, per gender. */
  diminutives: { masc: Map<string, string[]>; femn: Map<string, string[]> };
  /** Short forms rarely meant for a name (Ксюша for Оксана): they reach it only when no user in the
   *  directory has a name they usually shorten (Ксения). Full name → its rare forms. */
  rareDiminutives: Map<string, Set<string>>;
  /** A name of diminutives.yaml folded (ё as е) → its spelling there, for names with ё only: a
   *  Latin spelling follows the sound (Лёва → Lyova, not Leva only). */
  spelt: Map<string, string>;
  ru: {
    prepositions: Map<string, number>;
    roleWords: Set<string>;
    /** Letters the same name is spelt with by another people ("иё" of Бахтиёр is "ия" of Бахтияр). */
    spellingVariants: [string, string][];
    conjunctions: Set<string>;
    selfPronouns: Map<string, number>;
    notNames: Set<string>;
    /** Endings of patronymics no dictionary has ("Бальжиновну", "Цыреновичу"), in their cases. */
    patronymicEndings: string[];
    /** Prepositions of places and things: a name right after one is an ordinary word. */
    thingPrepositions: Set<string>;
    /** Nouns whose owner follows in the genitive ("задачи зайца"). */
    possessedNouns: Set<string>;
    /** Words opening what is said to an addressee right before them ("напиши Кочубею что …"). */
    clauseOpeners: Set<string>;
    /** Meeting nouns after which "с" and a name in the instrumental is a person ("встречу с вероникой"). */
    meetingWith: Set<string>;
    latinUnknownAfter: Set<string>;
    /** Words after which a dative name is the addressee, as after an imperative ("сообщение саше"). */
    addresseeAfter: Set<string>;
    /** A task's nouns: "задачу на вику найти …" — between one with "на" and an infinitive, the person. */
    taskNouns: Set<string>;
    /** Latin → Cyrillic rewrites, in order ([regex, replacement]); each list is one spelling. */
    transcription: [RegExp, string][][];
  };
  en: {
    prepositions: Set<string>;
    conjunctions: Set<string>;
    selfPronouns: Set<string>;
    commonWords: Set<string>;
    /** Cyrillic letter → Latin, and [regex, replacement] variants of the Latin spelling. */
    transliteration: { letters: Map<string, string>; variants: [RegExp, string][] };
    /** Normalised Russian first name → its English equivalents, lower case (Пётр → peter). */
    equivalents: Map<string, string[]>;
    /** Normalised Russian first name → the Ukrainian name's Latin (passport) spellings (Дмитрий → dmytro). */
    ukrainian: Map<string, string[]>;
    /** Normalised English (or Irish, Welsh…) first name → how a recogniser spells it by sound (siobhan → shivon). */
    spokenAs: Map<string, string[]>;
    /** Words after which a lower-case common-word name is a person ("to grace", "send mark"). */
    commonWordSlots: Set<string>;
    notNames: Set<string>;
    /** First words of a given name of two that people leave out ("Nur Aisyah" → Aisyah). */
    namePrefixes: Set<string>;
    /** Abu, Umm: a kunya before a name, somebody's father or mother (persons-en.yaml kunyaWords). */
    kunyaWords: Set<string>;
    /** "trip to Sofia": after one of these nouns and prepositions a name is a place. */
    journeys: { nouns: Set<string>; prepositions: Set<string> };
    /** Openings of a one-word given name that people leave out (Oluwakemi is Kemi), longest first. */
    fusedNamePrefixes: string[];
    /** Honorifics said after a name ("Mehmet bey", "Sharma ji"): part of the name. */
    honorificsAfter: Set<string>;
    /** …the sex some of them say ("Thapa didi", an elder sister; "Lama dai", an elder brother). */
    honorificsAfterSex: Map<string, 'M' | 'F' | '-'>;
    /** Honorifics said before a given name as well ("Sir Rommel", "Ma'am Joy"). */
    honorificsGiven: Set<string>;
    /** Of those, titles only ever said before a given name (Ethiopian Ato, Weizero): a colleague's given name after one is meant before a surname. */
    honorificsGivenOnly: Set<string>;
    /** "assign Kevin to recount …": verbs after which a name nobody has, before "to" and a verb, is a person. */
    unknownNameBeforeTo: Set<string>;
    /** "bin", "binti", "ibn": between a given name and the father's name kept as the surname. */
    nameConnectors: Set<string>;
    /** Pet names made from the first syllable of a given name (Davo, Robbo, Lachie, Chrissy; Shazza
     *  for Sharon): the endings added, and the ending said for an r after the first vowel. */
    petNames: { endings: string[]; rEndings: string[]; minStem: number };
    /** "the price list task": after these, a lower-case dictionary word before another is a modifier. */
    articles: Set<string>;
    /** "our Kev": said before a colleague's given name as before a relative's (Yorkshire, the North). */
    kinPossessives: Set<string>;
    /** "Gökçe'ye": case endings Turkish writes after a name's apostrophe. */
    apostropheSuffixes: Set<string>;
    /** Words that end a company's name ("Harlow Logistics", "Acme Ltd"): the name before is no person. */
    companyWords: Set<string>;
    /** Companies known the world over ("Foxconn", "Qantas"): alone, never a person nobody here has. */
    knownCompanies: Set<string>;
    /** Months' names that are given names too (May, June, April, August): beside a day's number, a month. */
    months: Set<string>;
    /** Words after which a capitalised word nobody in the directory has is a person ("does Kevin have"). */
    unknownNameAfter: Set<string>;
    /** After a stranger's given name and a lower-case surname, the words that may follow it. */
    strangerSurnameBefore: Set<string>;
    /** "Do I have …": these words right before one of `subjects` ask the question, whoever is called so. */
    auxiliaryBeforeSubject: { words: Set<string>; subjects: Set<string> };
    /** "at three sharp": these `words` after a number or one of `after` qualify a time. */
    timeQualifiers: { words: Set<string>; after: Set<string> };
    /** Prepositions after which a capitalised unknown word is a person ("for Dmitri", "with Omar"). */
    unknownNamePrepositions: Set<string>;
    /** A lower-case unknown word between these is a person ("does kevin have …"). */
    unknownLowerSubject: { after: Set<string>; before: Set<string> };
    /** "what's april doing next week": around a user's name that is a word, a plan question's subject. */
    userSubject: { after: Set<string>; before: Set<string> };
    /** Between these, a lower-case word no English word is a person nobody here has ("for rohan to"). */
    unknownLowerBetween: { after: Set<string>; before: Set<string> };
    /** English words, lower case: natural's English lexicon and workWords (jargon, chat shorthand). */
    /** natural's English lexicon and our work words; `common`: less the words it has only as proper
     *  nouns ("kim", "lorna", "london"). */
    englishWords: { has(word: string): boolean; hasCommon(word: string): boolean; pluralNoun(word: string): boolean };
    /** Between these, a lower-case word a letter or two off a user's name is that user ("for oksanna to"). */
    misheardBetween: { after: Set<string>; before: Set<string> };
    /** Right after one of `prepositions` that follows one of `tasks` ("a task to fischer"), likewise. */
    misheardAfterTask: { tasks: Set<string>; prepositions: Set<string>; handOver: Set<string>; clauseOpeners: Set<string>; groups: Set<string>; notBefore: Set<string>; meetings: Set<string>; meetingPrepositions: Set<string>; messages: Set<string>; messagePrepositions: Set<string> };
    /** Nouns a bare-s possessive of a lower-case name owns ("marks demo task"). */
    possessedNouns: Set<string>;
    /** Words before which a bare-s word is never a possessive name ("the bills task"). */
    notBeforePossessive: Set<string>;
    /** "mr", "mrs" … → the sex they name ('M', 'F'), or '-' for none ("dr"). */
    honorifics: Map<string, 'M' | 'F' | '-'>;
    /** Prepositions that mark a person only right after one of their words ("a task on Rustam"). */
    boundPrepositions: Map<string, Set<string>>;
    /** Known given names (the list, and the Latin names and short forms of diminutives.yaml),
     *  minus the ordinary words of commonWords: never another user's name misheard. */
    givenNames: Set<string>;
    /** Endings of Russian (and Ukrainian, Polish) surnames in Latin letters ("volkov", "petrenko"). */
    latinSurnameEndings: RegExp;
    /** Endings of Russian patronymics spelled in Latin letters ("Petrovich", "Ivanovna"). */
    patronymicEndings: string[];
    /** "shoot Polina Dumas a message": the article and noun of the thing sent, after which the
     *  capitalised word right after a user's given name is that user's surname as heard. */
    surnameBeforeObject: { articles: Set<string>; nouns: Set<string>; verbs: Set<string> };
    /** Russian places in Latin letters ("Bolshaya Nikitskaya"): adjective endings and place nouns. */
    russianPlaces: { adjectiveEndings: string[]; nouns: Set<string> };
  };
}

function variantPairs(v: unknown): [string, string][] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((p) => !Array.isArray(p) || p.length !== 2 || p.some((x) => typeof x !== 'string' || !x))) throw new Error('persons: spellingVariants must be a list of [from, to] pairs');
  return (v as [string, string][]).map(([a, b]) => [a.toLowerCase(), b.toLowerCase()]);
}

function petNameRules(v: unknown): PersonsGrammar['en']['petNames'] {
  const x = (v ?? {}) as Record<string, unknown>;
  const minStem = x.minStem === undefined ? 3 : Number(x.minStem);
  if (!Number.isInteger(minStem) || minStem < 2) throw new Error('persons: petNames.minStem must be an integer of 2 or more');
  return { endings: strings(x.endings ?? [], 'petNames.endings').map(normalizeWord), rEndings: strings(x.rEndings ?? [], 'petNames.rEndings').map(normalizeWord), minStem };
}

function honorificMap(v: unknown): Map<string, 'M' | 'F' | '-'> {
  const out = new Map<string, 'M' | 'F' | '-'>();
  if (v === undefined || v === null) return out;
  if (typeof v !== 'object' || Array.isArray(v)) throw new Error('persons: honorifics must be a mapping of words to M, F or -');
  for (const [w, sex] of Object.entries(v as Record<string, unknown>)) {
    if (sex !== 'M' && sex !== 'F' && sex !== '-') throw new Error(`persons: honorifics.${w} must be M, F or -`);
    out.set(normalizeWord(w), sex);
  }
  return out;
}

function boundMap(v: unknown): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  if (v === undefined || v === null) return out;
  if (typeof v !== 'object' || Array.isArray(v)) throw new Error('persons: boundPrepositions must be a mapping of prepositions to word lists');
  for (const [w, after] of Object.entries(v as Record<string, unknown>)) out.set(normalizeWord(w), normSet(strings(after, `boundPrepositions.${w}`)));
  return out;
}

/** The given-names list and every Latin name of diminutives.yaml (Daniel, Dan …), and the Latin
 *  spellings of its Russian names and short forms (sasha, dasha, petya: speech in English says
 *  them so), less common words. */
function givenNameSet(list: string[], dims: PersonsGrammar['diminutives'], common: Set<string>, latin: (name: string) => string[]): Set<string> {
  const out = normSet(list);
  for (const m of [dims.masc, dims.femn]) {
    for (const [full, short] of m) {
      for (const w of [full, ...short]) {
        if (/^[a-z]+$/.test(w)) out.add(w);
        // (Three letters at least: "ян", "ия" spelt in Latin are too weak.)
        else for (const l of latin(w)) if (l.length >= 3 && /^[a-z]+$/.test(l)) out.add(l);
      }
    }
  }
  for (const w of common) out.delete(w);
  return out;
}

export const DEFAULT_GRAMMARS_DIR = path.resolve(__dirname, '../../../grammars');

function readYaml(dir: string, file: string): Record<string, unknown> {
  const p = path.join(dir, file);
  let doc: unknown;
  try {
    doc = YAML.parse(fs.readFileSync(p, 'utf8'));
  } catch (e) {
    throw new Error(`persons: cannot read ${p}: ${(e as Error).message}`);
  }
  if (!doc || typeof doc !== 'object') throw new Error(`persons: ${p} is not a YAML mapping`);
  return doc as Record<string, unknown>;
}

function strings(v: unknown, what: string): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
    throw new Error(`persons: ${what} must be a list of strings`);
  }
  return v as string[];
}

function caseLists(v: unknown, what: string): Map<string, number> {
  const out = new Map<string, number>();
  if (!v || typeof v !== 'object') return out;
  for (const [word, cases] of Object.entries(v as Record<string, unknown>)) {
    out.set(normalizeWord(word), caseMask(strings(cases, `${what}.${word}`) as GramCase[]));
  }
  return out;
}

function dimMap(v: unknown, what: string, spelt?: Map<string, string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!v || typeof v !== 'object') return out;
  const fold = (w: string): string => {
    const n = normalizeWord(w);
    if (spelt && /ё/i.test(w)) spelt.set(n, w.toLowerCase());
    return n;
  };
  for (const [full, dims] of Object.entries(v as Record<string, unknown>)) {
    // (Two spellings of one name fold alike — Sebastian and Sebastián, Antonio and Antônio —: their
    // short forms add up, the later list never hides the earlier.)
    const key = fold(full);
    out.set(key, [...new Set([...(out.get(key) ?? []), ...strings(dims, `${what}.${full}`).map(fold)])]);
  }
  return out;
}

const normSet = (xs: string[]) => new Set(xs.map(normalizeWord));

function translitTable(v: unknown): { letters: Map<string, string>; variants: [RegExp, string][] } {
  const t = (v ?? {}) as { letters?: Record<string, unknown>; variants?: unknown };
  const letters = new Map<string, string>();
  for (const [k, x] of Object.entries(t.letters ?? {})) {
    if (typeof x !== 'string') throw new Error(`persons: transliteration.letters.${k} must be a string`);
    letters.set(k.toLowerCase(), x);
  }
  const variants: [RegExp, string][] = [];
  if (t.variants !== undefined) {
    if (!Array.isArray(t.variants)) throw new Error('persons: transliteration.variants must be a list of [from, to] pairs');
    for (const pair of t.variants) {
      if (!Array.isArray(pair) || pair.length !== 2 || pair.some((x) => typeof x !== 'string')) {
        throw new Error('persons: transliteration.variants must be a list of [from, to] pairs');
      }
      variants.push([new RegExp(pair[0] as string), pair[1] as string]);
    }
  }
  return { letters, variants };
}

function transcriptionRules(v: unknown): [RegExp, string][][] {
  if (v === undefined || v === null) return [];
  const bad = () => new Error('persons: transcription must be a list of spellings, each a list of [from, to] pairs');
  if (!Array.isArray(v)) throw bad();
  return v.map((spelling) => {
    if (!Array.isArray(spelling)) throw bad();
    // A YAML alias may bring another spelling's list in whole: its pairs are spliced in.
    const pairs = (spelling as unknown[]).flatMap((x) => (Array.isArray(x) && Array.isArray(x[0]) ? (x as unknown[]) : [x]));
    return pairs.map((pair) => {
      if (!Array.isArray(pair) || pair.length !== 2 || pair.some((x) => typeof x !== 'string')) throw bad();
      return [new RegExp(pair[0] as string, 'g'), pair[1] as string] as [RegExp, string];
    });
  });
}

function equivalentsMap(v: unknown): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (v === undefined || v === null) return out;
  if (typeof v !== 'object' || Array.isArray(v)) throw new Error('persons: equivalents must be a mapping of names to lists');
  for (const [ru, names] of Object.entries(v as Record<string, unknown>)) {
    out.set(normalizeWord(ru), strings(names, `equivalents.${ru}`).map((x) => x.toLowerCase()));
  }
  return out;
}

/** A mapping of word lists (`what.key` for each of `keys`), each made a set of normal forms. */
function wordLists<K extends string>(v: unknown, what: string, keys: readonly K[]): Record<K, Set<string>> {
  const x = (v ?? {}) as Record<string, unknown>;
  const out = {} as Record<K, Set<string>>;
  for (const k of keys) out[k] = normSet(strings(x[k], `${what}.${k}`));
  return out;
}

function lowerSubject(v: unknown, what: string): { after: Set<string>; before: Set<string> } {
  return wordLists(v, what, ['after', 'before']);
}

/** natural's English lexicon (a part-of-speech tagger's, ~92,000 words), read once per process:
 *  its words in lower case, proper nouns too ("Monday", "June"), with ours added. */
const LEXICON = 'natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json';
let lexicon: { all: Set<string>; common: Set<string>; plural: Set<string> } | undefined;

/** The lexicon (read and built once, shared by every grammar loaded) and our words beside it. */
function englishWords(ours: string[]): { has(word: string): boolean; hasCommon(word: string): boolean; pluralNoun(word: string): boolean } {
  if (!lexicon) {
    const raw = JSON.parse(fs.readFileSync(require.resolve(LEXICON), 'utf8')) as Record<string, unknown>;
    const all = new Set<string>();
    const common = new Set<string>();
    const plural = new Set<string>();
    for (const [w, tags] of Object.entries(raw)) {
      const lower = w.toLowerCase();
      all.add(lower);
      if (w === lower || (Array.isArray(tags) && tags.some((t) => t !== 'NNP' && t !== 'NNPS'))) common.add(lower);
      // (Only ever a plural noun — "buyers", "engineers", "people" — never "thanks" or "regards".)
      if (w === lower && Array.isArray(tags) && tags.includes('NNS') && tags.every((t) => t === 'NNS' || t === 'NN')) plural.add(lower);
    }
    lexicon = { all, common, plural };
  }
  const { all, common, plural } = lexicon;
  const own = normSet(ours);
  return { has: (word) => all.has(word) || own.has(word), hasCommon: (word) => common.has(word) || own.has(word), pluralNoun: (word) => plural.has(word) };
}

export function loadGrammar(dir: string = DEFAULT_GRAMMARS_DIR): PersonsGrammar {
  const dims = readYaml(dir, 'diminutives.yaml');
  const ru = readYaml(dir, 'persons-ru.yaml');
  const en = readYaml(dir, 'persons-en.yaml');
  const spelt = new Map<string, string>();
  const diminutives = { masc: dimMap(dims.male, 'male', spelt), femn: dimMap(dims.female, 'female', spelt) };
  const commonWords = normSet(strings(en.commonWords, 'commonWords'));
  const rareDiminutives = new Map([...dimMap(dims.rare, 'rare')].map(([full, forms]) => [full, new Set(forms)]));
  const transliteration = translitTable(en.transliteration);
  const latin = (name: string) => transliterations(name, { en: { transliteration } } as PersonsGrammar);
  // Companies and cities known the world over: nobody's name (a known city is, for this, a known company).
  const knownNames = [...strings(en.knownCompanies ?? [], 'knownCompanies'), ...strings(en.knownPlaces ?? [], 'knownPlaces')];
  return {
    diminutives,
    rareDiminutives,
    spelt,
    ru: {
      prepositions: caseLists(ru.prepositions, 'prepositions'),
      spellingVariants: variantPairs(ru.spellingVariants),
      roleWords: normSet(strings(ru.roleWords, 'roleWords')),
      conjunctions: normSet(strings(ru.conjunctions, 'conjunctions')),
      selfPronouns: caseLists(ru.selfPronouns, 'selfPronouns'),
      notNames: normSet(strings(ru.notNames, 'notNames')),
      patronymicEndings: ru.patronymicEndings === undefined ? [] : strings(ru.patronymicEndings, 'patronymicEndings').map(normalizeWord),
      thingPrepositions: normSet(ru.thingPrepositions === undefined ? [] : strings(ru.thingPrepositions, 'thingPrepositions')),
      possessedNouns: normSet(strings(ru.possessedNouns, 'possessedNouns')),
      clauseOpeners: normSet(strings(ru.clauseOpeners ?? ['что'], 'clauseOpeners')),
      meetingWith: normSet(ru.meetingWith === undefined ? [] : strings(ru.meetingWith, 'meetingWith')),
      latinUnknownAfter: normSet(ru.latinUnknownAfter === undefined ? [] : strings(ru.latinUnknownAfter, 'latinUnknownAfter')),
      addresseeAfter: normSet(ru.addresseeAfter === undefined ? [] : strings(ru.addresseeAfter, 'addresseeAfter')),
      taskNouns: normSet(ru.taskNouns === undefined ? [] : strings(ru.taskNouns, 'taskNouns')),
      transcription: transcriptionRules(ru.transcription),
    },
    en: {
      prepositions: normSet(strings(en.prepositions, 'prepositions')),
      conjunctions: normSet(strings(en.conjunctions, 'conjunctions')),
      selfPronouns: normSet(strings(en.selfPronouns, 'selfPronouns')),
      commonWords,
      transliteration,
      equivalents: equivalentsMap(en.equivalents),
      ukrainian: equivalentsMap(en.ukrainian),
      spokenAs: equivalentsMap(en.spokenAs),
      commonWordSlots: normSet(strings(en.commonWordSlots, 'commonWordSlots')),
      notNames: normSet(strings(en.notNames, 'notNames')),
      honorificsAfter: normSet(strings(en.honorificsAfter ?? [], 'honorificsAfter')),
      honorificsAfterSex: honorificMap(en.honorificsAfterSex ?? {}),
      honorificsGiven: normSet(strings(en.honorificsGiven ?? [], 'honorificsGiven')),
      honorificsGivenOnly: normSet(strings(en.honorificsGivenOnly ?? [], 'honorificsGivenOnly')),
      nameConnectors: normSet(strings(en.nameConnectors ?? [], 'nameConnectors')),
      unknownNameBeforeTo: normSet(strings(en.unknownNameBeforeTo ?? [], 'unknownNameBeforeTo')),
      petNames: petNameRules(en.petNames),
      articles: normSet(strings(en.articles ?? [], 'articles')),
      kinPossessives: normSet(strings(en.kinPossessives ?? [], 'kinPossessives')),
      apostropheSuffixes: normSet(strings(en.apostropheSuffixes ?? [], 'apostropheSuffixes')),
      namePrefixes: normSet(strings(en.namePrefixes ?? [], 'namePrefixes')),
      kunyaWords: normSet(strings(en.kunyaWords ?? [], 'kunyaWords')),
      journeys: {
        nouns: normSet(strings(((en.journeys ?? {}) as { nouns?: unknown }).nouns ?? [], 'journeys.nouns')),
        prepositions: normSet(strings(((en.journeys ?? {}) as { prepositions?: unknown }).prepositions ?? [], 'journeys.prepositions')),
      },
      fusedNamePrefixes: strings(en.fusedNamePrefixes ?? [], 'fusedNamePrefixes').map(normalizeWord).sort((a, b) => b.length - a.length),
      // (A known company's own name makes a company as a word of a company's name does.)
      companyWords: normSet([...strings(en.companyWords ?? [], 'companyWords'), ...knownNames]),
      knownCompanies: normSet(knownNames),
      months: normSet(strings(en.months ?? [], 'months')),
      unknownNameAfter: normSet(strings(en.unknownNameAfter, 'unknownNameAfter')),
      strangerSurnameBefore: normSet(strings(en.strangerSurnameBefore ?? [], 'strangerSurnameBefore')),
      auxiliaryBeforeSubject: wordLists(en.auxiliaryBeforeSubject, 'auxiliaryBeforeSubject', ['words', 'subjects']),
      timeQualifiers: wordLists(en.timeQualifiers, 'timeQualifiers', ['words', 'after']),
      unknownNamePrepositions: normSet(strings(en.unknownNamePrepositions, 'unknownNamePrepositions')),
      unknownLowerSubject: lowerSubject(en.unknownLowerSubject, 'unknownLowerSubject'),
      userSubject: lowerSubject(en.userSubject, 'userSubject'),
      unknownLowerBetween: lowerSubject(en.unknownLowerBetween, 'unknownLowerBetween'),
      englishWords: englishWords(strings(en.workWords ?? [], 'workWords')),
      misheardBetween: lowerSubject(en.misheardBetween, 'misheardBetween'),
      misheardAfterTask: {
        tasks: normSet(strings(((en.misheardAfterTask ?? {}) as { tasks?: unknown }).tasks ?? [], 'misheardAfterTask.tasks')),
        prepositions: normSet(strings(((en.misheardAfterTask ?? {}) as { prepositions?: unknown }).prepositions ?? [], 'misheardAfterTask.prepositions')),
        notBefore: normSet(strings(((en.misheardAfterTask ?? {}) as { notBefore?: unknown }).notBefore ?? [], 'misheardAfterTask.notBefore')),
        clauseOpeners: normSet(strings(((en.misheardAfterTask ?? {}) as { clauseOpeners?: unknown }).clauseOpeners ?? [], 'misheardAfterTask.clauseOpeners')),
        groups: normSet(strings(((en.misheardAfterTask ?? {}) as { groups?: unknown }).groups ?? [], 'misheardAfterTask.groups')),
        handOver: normSet(strings(((en.misheardAfterTask ?? {}) as { handOver?: unknown }).handOver ?? [], 'misheardAfterTask.handOver')),
        meetings: normSet(strings(((en.misheardAfterTask ?? {}) as { meetings?: unknown }).meetings ?? [], 'misheardAfterTask.meetings')),
        meetingPrepositions: normSet(strings(((en.misheardAfterTask ?? {}) as { meetingPrepositions?: unknown }).meetingPrepositions ?? [], 'misheardAfterTask.meetingPrepositions')),
        messages: normSet(strings(((en.misheardAfterTask ?? {}) as { messages?: unknown }).messages ?? [], 'misheardAfterTask.messages')),
        messagePrepositions: normSet(strings(((en.misheardAfterTask ?? {}) as { messagePrepositions?: unknown }).messagePrepositions ?? [], 'misheardAfterTask.messagePrepositions')),
      },
      possessedNouns: normSet(en.possessedNouns === undefined ? [] : strings(en.possessedNouns, 'possessedNouns')),
      notBeforePossessive: normSet(en.notBeforePossessive === undefined ? [] : strings(en.notBeforePossessive, 'notBeforePossessive')),
      honorifics: honorificMap(en.honorifics),
      boundPrepositions: boundMap(en.boundPrepositions),
      latinSurnameEndings: new RegExp(`(?:${strings(en.latinSurnameEndings ?? [], 'latinSurnameEndings').join('|')})$`),
      givenNames: givenNameSet(strings(en.givenNames, 'givenNames'), diminutives, commonWords, latin),
      patronymicEndings: en.patronymicEndings === undefined ? [] : strings(en.patronymicEndings, 'patronymicEndings').map(normalizeWord),
      surnameBeforeObject: {
        articles: normSet(strings(((en.surnameBeforeObject ?? {}) as { articles?: unknown }).articles ?? [], 'surnameBeforeObject.articles')),
        nouns: normSet(strings(((en.surnameBeforeObject ?? {}) as { nouns?: unknown }).nouns ?? [], 'surnameBeforeObject.nouns')),
        verbs: normSet(strings(((en.surnameBeforeObject ?? {}) as { verbs?: unknown }).verbs ?? [], 'surnameBeforeObject.verbs')),
      },
      russianPlaces: {
        adjectiveEndings: strings(((en.russianPlaces ?? {}) as { adjectiveEndings?: unknown }).adjectiveEndings ?? [], 'russianPlaces.adjectiveEndings').map(normalizeWord),
        nouns: normSet(strings(((en.russianPlaces ?? {}) as { nouns?: unknown }).nouns ?? [], 'russianPlaces.nouns')),
      },
    },
  };
}
