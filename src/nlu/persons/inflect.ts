/**
 * Every singular case form of a directory name, as surface (normalised) → case mask.
 * petrovich knows the rules of Russian first names, surnames and patronymics by gender; az
 * adds the dictionary forms of first names it knows (it fixes petrovich's "Сашы" for a male
 * Саша). Names in other scripts are indeclinable.
 */
import type { Morph } from '../morph';
import { ALL_CASES, CASES, caseBit } from './cases';
import type { GramCase } from '../types';
import { normalizeWord } from './text';

export type NameField = 'first' | 'last' | 'middle';
export type Sex = 'masc' | 'femn';

type PetCase = 'nominative' | 'genitive' | 'dative' | 'accusative' | 'instrumental' | 'prepositional';
type PetFn = (s: string) => string;
interface Petrovich {
  male: Record<NameField, Record<PetCase, PetFn>>;
  female: Record<NameField, Record<PetCase, PetFn>>;
  detect_gender(middle: string): 'male' | 'female' | 'androgynous';
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const petrovich = require('petrovich') as Petrovich;

const PET_CASES: readonly PetCase[] = ['nominative', 'genitive', 'dative', 'accusative', 'instrumental', 'prepositional'];
const CYRILLIC_WORD = /^[а-яё]+(?:-[а-яё]+)*$/i;

export type FormMasks = Map<string, number>;

/** Adjective-declined surnames petrovich gets wrong: the ending and the forms after the stem. */
const ADJECTIVAL: Record<Sex, { ending: RegExp; forms: [string, GramCase[]][] }[]> = {
  masc: [
    { ending: /[жчшщ]ий$/, forms: [['его', ['gent', 'accs']], ['ему', ['datv']], ['им', ['ablt']], ['ем', ['loct']]] },
    { ending: /[кгх]ий$/, forms: [['ого', ['gent', 'accs']], ['ому', ['datv']], ['им', ['ablt']], ['ом', ['loct']]] },
  ],
  femn: [{ ending: /[жчшщ]ая$/, forms: [['ей', ['gent', 'datv', 'ablt', 'loct']], ['ую', ['accs']]] }],
};

function add(out: FormMasks, form: string, mask: number): void {
  const k = normalizeWord(form);
  if (k.length === 0) return;
  out.set(k, (out.get(k) ?? 0) | mask);
}

function petrovichForms(out: FormMasks, name: string, field: NameField, sex: Sex): void {
  const table = (sex === 'masc' ? petrovich.male : petrovich.female)[field];
  for (let i = 0; i < PET_CASES.length; i++) {
    let form: string;
    try {
      form = table[PET_CASES[i]!](name);
    } catch {
      form = name;
    }
    add(out, typeof form === 'string' && form.length > 0 ? form : name, 1 << i);
  }
}

/**
 * petrovich drops a fleeting vowel from a man's surname (Кузнец → Кузнца), while surnames usually
 * keep it (Кузнеца, Кузнецу): when petrovich changed the stem, the regular forms on the whole
 * nominative are added too.
 */
function keptVowelForms(out: FormMasks, name: string): void {
  const lower = normalizeWord(name);
  if (!/[бвгджзклмнпрстфхцчшщ]$/.test(lower)) return;
  let genitive: string;
  try {
    genitive = normalizeWord(petrovich.male.last.genitive(name));
  } catch {
    return;
  }
  if (genitive.startsWith(lower)) return;
  const soft = /[цжшщч]$/.test(lower);
  const endings: [string, number][] = [['а', 1 << 1], ['у', 1 << 2], ['а', 1 << 3], [soft ? 'ем' : 'ом', 1 << 4], ['ом', 1 << 4], ['е', 1 << 5]];
  for (const [ending, bit] of endings) add(out, lower + ending, bit);
}

export class NameInflector {
  // Names repeat across users and portals: remember each (field, sex, name) once.
  private readonly cache = new Map<string, FormMasks>();
  constructor(private readonly morph: Morph | null, private readonly cacheLimit = 100_000) {}

  forms(name: string, field: NameField, sex: Sex): FormMasks {
    const key = `${field}|${sex}|${name}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const out: FormMasks = new Map();
    const trimmed = name.trim();
    if (trimmed.length === 0) return out;
    if (!CYRILLIC_WORD.test(trimmed)) {
      // John, Smith, Garcia: no Russian endings to add.
      add(out, trimmed, ALL_CASES);
    } else {
      // Hyphenated double names decline part by part (Петрова-Водкина → Петровой-Водкиной) —
      // or, when the first part is no surname of its own (Бонч-Бруевич, Сен-Симон), only the last
      // part does (Бонч-Бруевичу). Which one a speaker treats so is not known here: both are kept.
      const parts = trimmed.split('-');
      if (parts.length > 1) {
        const partForms = parts.map((p) => this.partForms(p, field, sex));
        const fixed = parts.slice(0, -1).map((p) => normalizeWord(p));
        for (let i = 0; i < CASES.length; i++) {
          const bit = 1 << i;
          const pick = partForms.map((pf) => [...pf].find(([, m]) => m & bit)?.[0] ?? '');
          if (pick.every((p) => p.length > 0)) {
            add(out, pick.join('-'), bit);
            add(out, [...fixed, pick[pick.length - 1]!].join('-'), bit);
          }
        }
      } else {
        for (const [f, m] of this.partForms(trimmed, field, sex)) out.set(f, (out.get(f) ?? 0) | m);
      }
    }
    if (this.cache.size >= this.cacheLimit) this.cache.clear();
    this.cache.set(key, out);
    return out;
  }

  /** A dictionary noun in the nominative singular, no name (сова, голова). */
  private isNoun(word: string): boolean {
    return !!this.morph?.analyze(word).some((p) => p.dictionary && p.pos === 'NOUN' && p.case === 'nomn' && !p.plural && !p.name && !p.surname);
  }

  private partForms(name: string, field: NameField, sex: Sex): FormMasks {
    const out: FormMasks = new Map();
    const lower = name.toLowerCase();
    // A woman's surname that does not end in -а/-я (Цой, Ким, Гуревич, Черных) does not decline;
    // petrovich gives some of them a man's endings (Цоя, Цою).
    if (field === 'last' && sex === 'femn' && !/[ая]$/.test(lower)) {
      add(out, name, ALL_CASES);
      return out;
    }
    // An adjective's surname after a hushing or velar consonant (Осадчий, Долгий, Осадчая) declines as
    // the adjective does — Осадчему, Осадчим, Осадчей; petrovich declines the man's as a noun (Осадчию)
    // and gives the woman's a hard ending (Осадчой).
    const adjective = field === 'last' ? ADJECTIVAL[sex].find((a) => a.ending.test(lower)) : undefined;
    if (adjective) {
      const stem = name.slice(0, -2);
      add(out, name, caseBit('nomn'));
      for (const [ending, cases] of adjective.forms) add(out, stem + ending, cases.reduce((m, c) => m | caseBit(c), 0));
      return out;
    }
    if (field === 'first' && /[ая]$/.test(lower)) {
      // Masculine names in -а/-я (Никита, Илья, Саша) decline like feminine ones; petrovich's
      // masculine rules get the sibilant ones wrong.
      petrovichForms(out, name, 'first', 'femn');
    } else {
      // petrovich declines a woman's surname in -ёва as a noun (Журавлёвы, Журавлёве); its rules
      // for -ева are the right ones, and forms are matched with ё folded to е anyway.
      petrovichForms(out, field === 'last' ? name.replace(/ё/g, 'е').replace(/Ё/g, 'Е') : name, field, sex);
      if (field === 'last' && sex === 'masc') {
        keptVowelForms(out, name);
        // A surname that is a word declines like it (Орёл → Орла, Гусь → Гуся); petrovich keeps
        // the vowel or leaves the soft ones undeclined, so both readings are kept.
        const az = this.morph && /[бвгджзклмнпрстфхцчшщйь]$/i.test(name) ? this.morph.surnameForms(name) : null;
        if (az) for (const [c, fs] of az) for (const f of fs) add(out, f, caseBit(c));
      }
      // A woman's surname in -а/-я that is no adjective (Ворона, Сорока, Кочерга) declines like a
      // noun: Вороне, Ворону; petrovich reads it as Воронова's kind (Вороной).
      // (…and so does one in -ова/-ина that is itself a noun — Сова, Голова: Сове, Голове — beside
      // the possessive reading, Совой, that petrovich gives.)
      if (field === 'last' && sex === 'femn' && /[ая]$/.test(lower) && (!/(?:[оеё]в|[иы]н|ск|цк)а$|[ая]я$/.test(lower) || this.isNoun(lower))) petrovichForms(out, name, 'first', 'femn');
    }
    // ("с Гущей", "с Сашей": after a hushing consonant or ц an unstressed instrumental is -ей; petrovich
    // may give only the stressed -ой, Гущой.)
    if (/[жшщчц][ая]$/.test(lower) && (field === 'first' || sex === 'femn' || this.isNoun(lower))) add(out, name.slice(0, -1) + 'ей', caseBit('ablt'));
    if (field === 'first' && this.morph) {
      const az = this.morph.nameForms(name, sex);
      if (az) for (const [c, fs] of az) for (const f of fs) add(out, f, caseBit(c));
    }
    return out;
  }
}

/** The user's sex: as given, else from the patronymic, the first name (az), the endings. */
export function guessSex(
  user: { name: string; lastName: string; secondName?: string; gender?: 'M' | 'F' },
  morph: Morph | null,
): Sex {
  if (user.gender === 'M') return 'masc';
  if (user.gender === 'F') return 'femn';
  if (user.secondName) {
    const g = petrovich.detect_gender(user.secondName);
    if (g === 'male') return 'masc';
    if (g === 'female') return 'femn';
  }
  if (morph) {
    const p = morph.analyze(user.name).find((x) => x.dictionary && x.name && x.case === 'nomn');
    if (p?.gender === 'masc' || p?.gender === 'femn') return p.gender;
  }
  const last = user.lastName.toLowerCase();
  if (/(ова|ева|ёва|ина|ына|ая)$/.test(last)) return 'femn';
  if (/(ов|ев|ёв|ин|ын|ий|ой)$/.test(last)) return 'masc';
  return /[ая]$/i.test(user.name) ? 'femn' : 'masc';
}
