/**
 * A thin, typed wrapper over `az` (OpenCorpora morphology for Russian): lemma, case, gender and
 * the Name/Surn/Patr tags of one word. `az` keeps its dictionaries in module state, so loading
 * is memoised here; everything else is a plain object the caller owns (with its own cache).
 */
import path from 'node:path';
import type { GramCase } from '../types';

// az ships no type declarations; these are the few members we use.
interface AzTag {
  toString(): string;
  POS?: string;
  CAse?: string;
  GNdr?: string;
  NMbr?: string;
  [grammeme: string]: unknown;
}
interface AzParse {
  word: string;
  tag: AzTag;
  parser: string;
  score: number;
  typosCnt?: number;
  stutterCnt?: number;
  normalize(keepPos?: boolean): AzParse;
  inflect(grammemes: string[]): AzParse | false;
}
interface AzMorphFn {
  (word: string, config?: Record<string, unknown>): AzParse[];
  init(dir: string, cb: (err: unknown) => void): void;
}
interface AzModule {
  Morph: AzMorphFn;
}

export const GRAM_CASES: readonly GramCase[] = ['nomn', 'gent', 'datv', 'accs', 'ablt', 'loct'];

export type Gender = 'masc' | 'femn' | 'neut' | 'ms-f';

/** One reading of a word. */
export interface MorphParse {
  /** Dictionary lemma, lower case (for surnames az gives the masculine one). */
  lemma: string;
  /** The singular nominative of this reading, same gender (Ивановой → иванова), lower case. */
  nominative: string;
  /** Part of speech tag (NOUN, VERB, ADJF…), '' when unknown. */
  pos: string;
  case?: GramCase;
  gender?: Gender;
  plural: boolean;
  /** First name (Name), surname (Surn), patronymic (Patr). */
  name: boolean;
  surname: boolean;
  patronymic: boolean;
  /** Found in the dictionary, not guessed from the suffix. */
  dictionary: boolean;
  score: number;
  /** The full az tag string, for tracing. */
  tag: string;
}

export interface Morph {
  /** All readings, best first. `ignoreCase` lets lower-case proper names be found (speech). */
  analyze(word: string): MorphParse[];
  /** Singular forms of a first name by case, for the given gender; null when az does not know it. */
  nameForms(name: string, gender: 'masc' | 'femn'): Map<GramCase, string[]> | null;
  /** Singular forms of a man's surname that is also a masculine noun or a known surname, by case,
   *  from the dictionary's own declension: the fleeting vowel (Орёл → Орла, Заяц → Зайца, Лев →
   *  Льва) and the soft stem (Гусь → Гуся, Гусем). A person's accusative is the genitive. null
   *  when the dictionary has no such reading. */
  surnameForms(surname: string): Map<GramCase, string[]> | null;
  /** True when the word is an ordinary dictionary word (some dictionary reading is not a name). */
  isCommonWord(word: string): boolean;
  /** True when the best dictionary reading is a first name, surname or patronymic. */
  isLikelyName(word: string, capitalized: boolean): boolean;
}

let loading: Promise<AzModule> | null = null;

/** Loads az's dictionaries once per process (az keeps them in module state). */
function loadAz(): Promise<AzModule> {
  if (!loading) {
    loading = new Promise<AzModule>((resolve, reject) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const Az = require('az') as AzModule;
      const dicts = path.join(path.dirname(require.resolve('az/package.json')), 'dicts');
      Az.Morph.init(dicts, (err) => (err ? reject(err) : resolve(Az)));
    });
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

function toCase(c: string | undefined): GramCase | undefined {
  switch (c) {
    case 'nomn':
    case 'gent':
    case 'datv':
    case 'accs':
    case 'ablt':
    case 'loct':
      return c;
    case 'gen2':
      return 'gent';
    case 'acc2':
      return 'accs';
    case 'loc2':
      return 'loct';
    case 'voct':
      return 'nomn';
    default:
      return undefined;
  }
}

function feminineSurname(masc: string): string {
  if (/(ов|ев|ёв|ин|ын)$/.test(masc)) return masc + 'а';
  if (/(ский|цкий)$/.test(masc)) return masc.slice(0, -2) + 'ая';
  return masc;
}

function convert(p: AzParse): MorphParse {
  const t = p.tag;
  const gender = typeof t.GNdr === 'string' ? (t.GNdr.toLowerCase() as Gender) : undefined;
  const surname = t.Surn === true;
  let nominative = p.word;
  // An adjective keeps its gender ("Дубовой" → "дубовая", not the lemma "дубовый").
  const inf = (t.POS === 'ADJF' && gender ? p.inflect(['nomn', 'sing', gender]) : undefined) || p.inflect(['nomn', 'sing']);
  if (inf) nominative = inf.word;
  else {
    const n = p.normalize();
    if (n) nominative = n.word;
  }
  // az files feminine surnames under the masculine lemma (Ивановой → иванов).
  if (surname && gender === 'femn') nominative = feminineSurname(nominative);
  // A name read past a prefix ("Мегаольга" as мега + Ольга, "Технониколь" as техно + Николь) is a
  // compound, a company's or a product's name, never a person's.
  const prefixed = typeof p.parser === 'string' && p.parser.startsWith('Prefix');
  return {
    lemma: (p.normalize()?.word ?? p.word).toLowerCase(),
    nominative: nominative.toLowerCase(),
    pos: typeof t.POS === 'string' ? t.POS : '',
    case: toCase(t.CAse),
    gender,
    plural: t.plur === true,
    name: t.Name === true && !prefixed,
    surname: surname && !prefixed,
    patronymic: t.Patr === true && !prefixed,
    dictionary: p.parser === 'Dictionary' && !p.typosCnt,
    score: p.score,
    tag: t.toString(),
  };
}

class AzMorph implements Morph {
  private readonly cache = new Map<string, MorphParse[]>();
  constructor(
    private readonly az: AzModule,
    private readonly cacheLimit: number,
  ) {}

  analyze(word: string): MorphParse[] {
    const key = word.toLowerCase();
    const hit = this.cache.get(key);
    if (hit) return hit;
    let out: MorphParse[] = [];
    // az wants a bare Cyrillic word; anything else has no reading worth asking for.
    if (key.length > 0 && key.length <= 40 && /^[а-яё-]+$/.test(key)) {
      try {
        out = this.az.Morph(key, { ignoreCase: true, typos: 0, stutter: 0 }).map(convert);
      } catch {
        out = [];
      }
    }
    // Bounded: a long-running server must not grow this forever.
    if (this.cache.size >= this.cacheLimit) this.cache.clear();
    this.cache.set(key, out);
    return out;
  }

  nameForms(name: string, gender: 'masc' | 'femn'): Map<GramCase, string[]> | null {
    const key = name.toLowerCase();
    if (!/^[а-яё-]+$/.test(key)) return null;
    let parses: AzParse[];
    try {
      parses = this.az.Morph(key, { ignoreCase: true, typos: 0, stutter: 0 });
    } catch {
      return null;
    }
    const p = parses.find(
      (x) =>
        x.parser === 'Dictionary' &&
        x.tag.Name === true &&
        x.tag.CAse === 'nomn' &&
        x.tag.sing === true &&
        (x.tag.GNdr === gender || x.tag['Ms-f'] === true),
    );
    if (!p) return null;
    const out = new Map<GramCase, string[]>();
    for (const c of GRAM_CASES) {
      const f = p.inflect([c, 'sing']);
      if (f) out.set(c, [f.word.toLowerCase()]);
    }
    return out;
  }

  surnameForms(surname: string): Map<GramCase, string[]> | null {
    const key = surname.toLowerCase();
    if (!/^[а-яё]+$/.test(key)) return null;
    let parses: AzParse[];
    try {
      parses = this.az.Morph(key, { ignoreCase: true, typos: 0, stutter: 0 });
    } catch {
      return null;
    }
    const nouns = parses.filter(
      (x) => x.parser === 'Dictionary' && x.tag.POS === 'NOUN' && x.tag.GNdr === 'masc' && x.tag.sing === true && x.tag.CAse === 'nomn' && x.tag.Geox !== true,
    );
    // A person declines like the animate reading (Лев → Льва, not the currency's Лева).
    const anim = nouns.filter((x) => x.tag.anim === true);
    const use = anim.length > 0 ? anim : nouns;
    if (use.length === 0) return null;
    const out = new Map<GramCase, string[]>();
    const put = (c: GramCase, w: string) => {
      const list = out.get(c) ?? [];
      if (!list.includes(w)) list.push(w);
      out.set(c, list);
    };
    for (const p of use) {
      put('nomn', key);
      for (const c of ['gent', 'datv', 'ablt', 'loct'] as const) {
        const f = p.inflect([c, 'sing']);
        if (f) put(c, f.word.toLowerCase());
      }
      const g = p.inflect(['gent', 'sing']);
      if (g) put('accs', g.word.toLowerCase());
    }
    return out;
  }

  isCommonWord(word: string): boolean {
    return this.analyze(word).some((p) => p.dictionary && !p.name && !p.surname && !p.patronymic);
  }

  isLikelyName(word: string, capitalized: boolean): boolean {
    const parses = this.analyze(word).filter((p) => p.dictionary);
    if (parses.length === 0) return false;
    const isName = (p: MorphParse) => (p.name || p.surname || p.patronymic) && !p.plural;
    // Typed with a capital: any dictionary name reading will do. Otherwise the name must be
    // the best reading, so that "жене" (wife) or "мая" (May) stay ordinary words.
    return capitalized ? parses.some(isName) : isName(parses[0]!);
  }
}

export interface MorphOptions {
  /** Words whose analyses are remembered (default 50,000). */
  cacheLimit?: number;
}

/** Loads the dictionaries (once per process) and returns an analyser with its own cache. */
export async function loadMorph(options: MorphOptions = {}): Promise<Morph> {
  const az = await loadAz();
  return new AzMorph(az, options.cacheLimit ?? 50_000);
}
