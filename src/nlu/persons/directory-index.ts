/**
 * The per-directory lookup: every surface form of every user's names (all cases, short forms
 * too) → which user, which field, in which cases. Built once per directory object.
 */
import type { Directory, DirectoryUser } from '../types';
import type { Morph } from '../morph';
import type { PersonsGrammar } from './grammar';
import { FuzzyIndex } from './fuzzy';
import { guessSex, type NameField, type NameInflector } from './inflect';
import { normalizeWord } from './text';
import { ALL_CASES, caseBit } from './cases';

export const FIELD_FIRST = 1;
export const FIELD_LAST = 2;
export const FIELD_MIDDLE = 4;

export interface FormEntry {
  /** Position of the user in `DirectoryIndex.users`. */
  user: number;
  field: number;
  /** Cases this surface form is of this name (6-bit mask). */
  mask: number;
  /** Reached through a short form (Настя → Анастасия), not the name itself. */
  dim: boolean;
}

export interface DirectoryIndex {
  users: DirectoryUser[];
  selfId: number;
  forms: Map<string, FormEntry[]>;
  /** Built on the first misheard word, not up front: most directories never need it. */
  fuzzy: FuzzyIndex | null;
  /** Words already looked up in the fuzzy index (commands repeat their words). */
  fuzzyMemo: Map<string, Near | null>;
  /** The Latin spellings of Cyrillic names (full names, no short forms), for a word in a person's
   *  place only ("write to khabibulina that …"): built on first use. */
  fuzzySpelt: FuzzyIndex | null;
  fuzzySpeltMemo: Map<string, Near | null>;
  /**
   * Latin spellings of Cyrillic names (Belkin for Белкин, Peter for Пётр): matched only as spelt, never as
   * "misheard" — a letter off a transliteration is another word ("Berlin"), not the name.
   */
  spellingOnly: Set<string>;
  /** Names as a recogniser spells them by sound (shivon for Siobhan): a user's only beside her
   *  surname ("shivon kelly"); alone the word may as well be a stranger's own name. */
  spokenOnly: Set<string>;
  /** Each user's sex, as guessed at indexing ("Mr Becker" picks the man). */
  sex: ('masc' | 'femn')[];
  /** Per script, per name field, per user, the forms of that name ("rustam galeev" checks
   *  Galiev's, "айдару галееву" Галиев's): built on first use. */
  formsByField: Partial<Record<NameScript, Map<number, Map<number, string[]>>>>;
  /** The users' Latin given names and surnames by their romanisation key (russianRomanKey):
   *  built on the first Latin word no form matches. */
  roman: Map<string, FormEntry[]> | null;
  /** russianRomanKey of the Latin words looked up (romanEntries), remembered. */
  romanKeys: Map<string, string | null>;
  /** The opening syllables of the users' Latin given names, for pet names (petNameEntries): built
   *  on first use. */
  petStems: Map<string, FormEntry[]> | null;
}

type NameScript = 'lat' | 'cyr';
const SCRIPT_FORM: Record<NameScript, RegExp> = { lat: /^[a-z'-]+$/, cyr: /^[а-яё-]+$/ };

const FIELD_BIT: Record<NameField, number> = { first: FIELD_FIRST, last: FIELD_LAST, middle: FIELD_MIDDLE };

function validUser(u: unknown): u is DirectoryUser {
  if (!u || typeof u !== 'object') return false;
  const x = u as Record<string, unknown>;
  return typeof x.id === 'number' && Number.isFinite(x.id) && (typeof x.name === 'string' || typeof x.lastName === 'string');
}

export function checkDirectory(directory: unknown): asserts directory is Directory {
  if (!directory || typeof directory !== 'object' || !Array.isArray((directory as Directory).users)) {
    throw new TypeError('persons: directory must be an object with a users array');
  }
}

export function buildIndex(
  directory: Directory,
  inflector: NameInflector,
  grammar: PersonsGrammar,
  morph: Morph | null,
): DirectoryIndex {
  checkDirectory(directory);
  // Inactive users (fired, blocked) are not addressable.
  const users = directory.users.filter((u) => validUser(u) && u.active !== false);
  const forms = new Map<string, FormEntry[]>();
  const transliterated = new Set<string>();
  const spokenOnly = new Set<string>();
  const native = new Set<string>();
  const sexes: ('masc' | 'femn')[] = [];
  // Short forms some user's name usually has here: a rare reading of the same form yields to it.
  const usual = new Set<string>();
  if (grammar.rareDiminutives.size) {
    for (const u of users) {
      // (The speaker is never named so: a Вячеслав speaking leaves Слава to a Станислав here.)
      if (typeof u.name !== 'string' || u.id === directory.self) continue;
      // A name stored in Latin letters (Yaroslava) is the Cyrillic name it spells (Ярослава).
      const own = normalizeWord(u.name.trim());
      for (const name of [own, ...cyrillicNames(grammar, own)]) {
        const rare = grammar.rareDiminutives.get(name);
        for (const s of ['masc', 'femn'] as const) for (const d of grammar.diminutives[s].get(name) ?? []) if (!rare?.has(d)) usual.add(d);
      }
    }
  }

  const put = (surface: string, user: number, field: number, mask: number, dim: boolean) => {
    const list = forms.get(surface);
    if (!list) {
      forms.set(surface, [{ user, field, mask, dim }]);
      return;
    }
    // Users are indexed one after another, so a repeat of (user, field, dim) can only be among
    // the last entries: scanning back over this user keeps the build linear.
    let same: FormEntry | undefined;
    for (let k = list.length - 1; k >= 0 && list[k]!.user === user; k--) {
      const e = list[k]!;
      if (e.field === field && e.dim === dim) {
        same = e;
        break;
      }
    }
    if (same) same.mask |= mask;
    else list.push({ user, field, mask, dim });
  };
  // A weaker reading (a short form, another spelling, a part of the name): never "misheard" either
  // (kept out of the fuzzy index).
  const weak = (surface: string, user: number, field: number, mask: number) => {
    put(surface, user, field, mask, true);
    transliterated.add(surface);
  };

  for (let i = 0; i < users.length; i++) {
    const u = users[i]!;
    const sex = guessSex({ name: u.name ?? '', lastName: u.lastName ?? '', secondName: u.secondName, gender: u.gender }, morph);
    sexes.push(sex);
    const fields: [NameField, string | undefined][] = [
      ['first', u.name],
      ['last', u.lastName],
      ['middle', u.secondName],
    ];
    for (const [field, raw] of fields) {
      if (typeof raw !== 'string' || raw.trim().length === 0) continue;
      // "de Vries", "van der Berg", "de la Cruz": a surname of several words is one word joined
      // by hyphens, as the finder joins it when said (joinSplitSurnames), in any letter case.
      // (Cyrillic ones too: "Бакыт уулу", "Мамед оглы".)
      const value = /^[\p{Script=Latin}' -]+$/u.test(raw.trim()) || /^[\p{Script=Cyrillic} -]+$/u.test(raw.trim()) ? raw.trim().replace(/\s+/g, '-') : raw;
      for (const [surface, mask] of inflector.forms(value.trim(), field, sex)) {
        put(surface, i, FIELD_BIT[field], mask, false);
        native.add(surface);
      }
      // "Алие", "Марие": the dative of a name in -ия spelt as most nouns in -я take it (a weaker
      // reading of the written "Алии").
      if (field === 'first' && /^[а-яё]+ия$/i.test(value.trim())) weak(normalizeWord(value.trim()).slice(0, -1) + 'е', i, FIELD_FIRST, caseBit('datv') | caseBit('loct'));
      // "mark delacruz" for Dela Cruz, "vandijk" for van Dijk: a Latin surname of several words run
      // together, as a recogniser may write it.
      if (field === 'last' && value !== raw.trim() && /^[a-z'-]+$/i.test(value)) put(normalizeWord(value.replace(/-/g, '')), i, FIELD_LAST, ALL_CASES, false);
      // ("seoyeon" for Seo-yeon, "jiho" for Ji-ho: a Latin given name of two parts written as one.)
      if (field === 'first' && /^[a-z]+(?:-[a-z]+)+$/i.test(value.trim())) put(normalizeWord(value.trim().replace(/-/g, '')), i, FIELD_FIRST, ALL_CASES, false);
      // "dwayne mc kenzie" for McKenzie: a Mc/Mac surname said, or written by a recogniser, as two
      // words; the finder joins them with a hyphen (joinSplitSurnames), so that form is a reading too.
      const mc = field === 'last' ? /^(Mc|Mac)(\p{Lu}\p{Ll}{2,})$/u.exec(value.trim()) : null;
      // (Mc and Mac are said alike: "ryan mac allister" for McAllister, "macallister" typed.)
      if (mc) {
        const other = mc[1] === 'Mc' ? 'Mac' : 'Mc';
        weak(normalizeWord(`${mc[1]}-${mc[2]}`), i, FIELD_LAST, ALL_CASES);
        // (The other prefix is the same surname, said alone too: "message mcleod" for MacLeod.)
        for (const f of [`${other}-${mc[2]}`, `${other}${mc[2]}`]) put(normalizeWord(f), i, FIELD_LAST, ALL_CASES, false);
      }
      // "prakash k c" for KC: a surname of capitals said letter by letter, joined by the finder as "k-c".
      if (field === 'last' && /^[A-Z]{2,3}$/.test(value.trim())) weak(value.trim().toLowerCase().split('').join('-'), i, FIELD_LAST, ALL_CASES);
      // "Маше Иванову": a surname said in the other gender's form (a slip of the tongue, or of
      // the recogniser) still reaches its user, as a weaker reading than the right form.
      const other = field === 'last' ? otherGenderSurname(value.trim(), sex) : null;
      // These weak readings are never "misheard" either (kept out of the fuzzy index).
      if (other) {
        for (const [surface, mask] of inflector.forms(other, 'last', sex === 'masc' ? 'femn' : 'masc')) {
          weak(surface, i, FIELD_LAST, mask);
        }
      }
      // "Вике Лозинской" for Виктория Лозинская-Рид, "olivia hart" for Olivia Hart-Davies: one part
      // of a double surname said alone, as a weaker reading (parts of four letters or more; kept
      // out of the fuzzy index).
      // (…and so is the first part of a given name of two, "Abdul" of Abdul Rahman.)
      if ((field === 'last' || field === 'first') && /^\p{L}+(?:-\p{L}+)+$/u.test(value.trim())) {
        const parts = value.trim().split('-');
        // ("Nur Aisyah" is called Aisyah: after a prefix of names the second part too.)
        // (…and so is a Latin given name of two whose first part is no English given name: Malays call
        // Nurul Aina Aina, Chinese Malaysians call Chee Keong "Ah Keong"; John Paul stays John.)
        const p0 = normalizeWord(parts[0]!);
        const secondToo = field === 'first' && parts.length === 2 && /^[a-z]+$/i.test(parts.join('')) && !grammar.en.givenNames.has(p0) && !grammar.en.commonWords.has(p0);
        const firstParts = grammar.en.namePrefixes.has(p0) || secondToo ? parts.slice(0, 2) : parts.slice(0, 1);
        for (const part of field === 'first' ? firstParts : parts) {
          // (After a prefix a short name counts too: "Ah Kow" is Kow.)
          // (…and so does the opening part of a given name of two, when it is no English word: "Naa"
          // of Naa Adjeley.)
          const opening3 = field === 'first' && part === parts[0] && !grammar.en.englishWords.hasCommon(normalizeWord(part)) && !grammar.en.commonWords.has(normalizeWord(part));
          if (part.length < (field === 'first' && ((firstParts.length === 2 && part === parts[1]) || opening3) ? 3 : 4)) continue;
          for (const [surface, mask] of inflector.forms(part, field, sex)) {
            weak(surface, i, FIELD_BIT[field], mask);
          }
          // ("Tess" for Maria Theresa, "Migs" for Juan Miguel: the part's own short forms.)
          if (field === 'first') for (const d of grammar.diminutives[sex].get(normalizeWord(part)) ?? []) if (/^[a-z]+$/i.test(d)) weak(normalizeWord(d), i, FIELD_FIRST, ALL_CASES);
        }
        // "JP" for John Paul, "MJ" for Mary Jane: a given name of two called by its initials.
        if (field === 'first' && parts.length === 2 && /^[a-z]+$/i.test(parts.join(''))) {
          const initials = normalizeWord(parts[0]![0]! + parts[1]![0]!);
          if (!grammar.en.commonWords.has(initials) && !grammar.en.englishWords.hasCommon(initials)) weak(initials, i, FIELD_FIRST, ALL_CASES);
        }
      }
      if (field === 'first' && /^[a-z]+$/i.test(value.trim())) {
        const lower = normalizeWord(value.trim());
        // "good luck" for Goodluck, "rose mary" for Rosemary: a given name made of two words (English
        // words or names, three letters each at least), said apart; the finder joins them with a
        // hyphen as it does a surname of two (joinSplitSurnames).
        const part = (w: string) => grammar.en.englishWords.hasCommon(w) || grammar.en.givenNames.has(w);
        for (let k = 3; k <= lower.length - 3; k++) if (part(lower.slice(0, k)) && part(lower.slice(k))) weak(`${lower.slice(0, k)}-${lower.slice(k)}`, i, FIELD_FIRST, ALL_CASES);
        // "Kemi" for Oluwakemi: a given name less an opening people leave out (persons-en.yaml
        // fusedNamePrefixes).
        const prefix = grammar.en.fusedNamePrefixes.find((p) => lower.startsWith(p) && lower.length - p.length >= 3);
        if (prefix) weak(lower.slice(prefix.length), i, FIELD_FIRST, ALL_CASES);
        // (Every other listed opening that leaves four letters or more too: "Dullah" for Abdullah,
        // where the longest, "abdul", leaves only "lah".)
        for (const p of grammar.en.fusedNamePrefixes) if (p !== prefix && lower.startsWith(p) && lower.length - p.length >= 4) weak(lower.slice(p.length), i, FIELD_FIRST, ALL_CASES);
        // "Busi" for Busisiwe, "Sibu" for Sibusiso, "Thandi" for Thandiwe: a long name no list gives
        // short forms for is called by its first syllables, up to a vowel (four to six letters, two
        // letters at least left off; never an English word or a name of its own).
        if (lower.length >= 7 && !grammar.diminutives[sex].has(lower) && !latinDiminutives(grammar, sex).has(lower)) {
          for (let n = 4; n <= 6 && n <= lower.length - 2; n++) {
            const clip = lower.slice(0, n);
            if (!/[^aeiou][aeiou]$/.test(clip)) continue;
            if (grammar.en.englishWords.hasCommon(clip) || grammar.en.givenNames.has(clip) || grammar.en.commonWords.has(clip)) continue;
            weak(clip, i, FIELD_FIRST, ALL_CASES);
          }
        }
      }
      // "Бахтияр" for Бахтиёр: the same name as another people spells it (persons-ru.yaml
      // spellingVariants), a weaker reading kept out of the fuzzy index.
      const lowerValue = value.trim().toLowerCase();
      for (const [from, to] of grammar.ru.spellingVariants) {
        if (!lowerValue.includes(from)) continue;
        for (const [surface, mask] of inflector.forms(lowerValue.split(from).join(to), field, sex)) {
          weak(surface, i, FIELD_BIT[field], mask);
        }
      }
      // "Вере и Петру Ёлкиным": the plural of a shared surname, after a first name of the user.
      if (field === 'last') {
        for (const [surface, mask] of pluralSurnameForms(value.trim(), sex)) {
          weak(surface, i, FIELD_LAST, mask);
        }
      }
      // "напиши уиллу паркеру": a Latin name as a Russian recogniser writes it, declined.
      transcriptions(value.trim(), grammar).forEach((cyr, k, all) => {
        // A guessed spelling (a silent e dropped) that is a Russian word (Chase → "час") would
        // catch speech; the plain one is kept, as Russian names that are words are ("омару"), and
        // so is a surname as English says it (Price → "прайс"), which is no blind guess.
        const eDropped = k > 0 && all[0] === cyr + 'е';
        const guessed = field !== 'last' || eDropped;
        if (k > 0 && guessed && morph && morph.analyze(normalizeWord(cyr)).some((p) => p.dictionary && !p.name && !p.surname)) return;
        const forms = [...inflector.forms(cyr, field, sex)];
        // A man's foreign surname declines as a noun (Мартином), not as a Russian -ин one (Мартиным).
        const w = normalizeWord(cyr);
        if (sex === 'masc' && /[бвгджзклмнпрстфхцчшщ]$/.test(w)) forms.push([w + 'а', 2 | 8], [w + 'у', 4], [w + (/[жшщчц]$/.test(w) ? 'ем' : 'ом'), 16], [w + 'е', 32]);
        for (const [surface, mask] of forms) {
          put(surface, i, FIELD_BIT[field], mask, false);
          transliterated.add(surface);
        }
      });
      for (const latin of transliterations(value.trim(), grammar)) {
        put(latin, i, FIELD_BIT[field], ALL_CASES, false);
        transliterated.add(latin);
      }
    }
    if (typeof u.name === 'string') {
      // "Peter" for Пётр in an English command: the name's English equivalent, as said.
      for (const e of grammar.en.equivalents.get(normalizeWord(u.name.trim())) ?? []) {
        weak(e, i, FIELD_FIRST, ALL_CASES);
      }
      // "message shivon kelly" for Siobhan: a name whose spelling is far from its sound, as heard.
      for (const e of grammar.en.spokenAs.get(normalizeWord(u.name.trim())) ?? []) {
        weak(e, i, FIELD_FIRST, ALL_CASES);
        spokenOnly.add(e);
      }
      // "Rob Wilson" for Роберт Уилсон: a Western name stored in Cyrillic has the Latin short
      // forms of diminutives.yaml's entry for its Latin spelling (Robert: Rob, Bob).
      if (/^[а-яё-]+$/i.test(u.name.trim())) {
        for (const latin of transliterations(u.name.trim(), grammar)) {
          for (const d of grammar.diminutives[sex].get(latin) ?? []) {
            weak(d, i, FIELD_FIRST, ALL_CASES);
          }
        }
      }
      const rare = grammar.rareDiminutives.get(normalizeWord(u.name.trim()));
      const all = grammar.diminutives[sex].get(normalizeWord(u.name.trim()));
      const dims = rare && all ? all.filter((d) => !(rare.has(d) && usual.has(d))) : all;
      // A Russian name spelt in Latin letters (Valentin, Maxim, Yaroslav, Mikhail) has the short
      // forms of the Cyrillic name it transliterates, in Latin letters too (Valya, Max, Slava),
      // and its English equivalents (Michael, Mike) — besides any short forms of its own
      // (Valentina: Vale, and Valya as Валентина's).
      if (/^[a-z' -]+$/i.test(u.name.trim())) {
        const cyrillic = cyrillicNames(grammar, normalizeWord(u.name.trim()));
        // …less a rare one (Slava for Stanislav) that some user here usually has (a Вячеслав).
        const rareLatin = new Set<string>();
        for (const cyr of cyrillic) {
          for (const d of grammar.rareDiminutives.get(cyr) ?? []) if (usual.has(d)) for (const l of dimLatin(d, grammar)) rareLatin.add(l);
        }
        for (const latin of latinDiminutives(grammar, sex).get(normalizeWord(u.name.trim())) ?? []) {
          if (rareLatin.has(latin)) continue;
          weak(latin, i, FIELD_FIRST, ALL_CASES);
        }
        // …and its Cyrillic short forms, declined, said in a Russian command ("напиши Диме" for Dmitry).
        // (And Dmytro by the Russian name itself: "напиши Дмитрию".)
        for (const cyr of cyrillic) {
          const rare = grammar.rareDiminutives.get(cyr);
          for (const d of [cyr, ...(grammar.diminutives[sex].get(cyr) ?? [])]) {
            if (rare?.has(d) && usual.has(d)) continue;
            for (const [surface, mask] of inflector.forms(d, 'first', sex)) weak(surface, i, FIELD_FIRST, mask);
          }
        }
      }
      if (dims) {
        for (const d of dims) {
          for (const latin of dimLatin(d, grammar)) {
            weak(latin, i, FIELD_FIRST, ALL_CASES);
          }
        }
        for (const d of dims) {
          for (const [surface, mask] of inflector.forms(d, 'first', sex)) {
            put(surface, i, FIELD_FIRST, mask, true);
            native.add(surface);
          }
          // "Светику", "Ленусиком": a woman's short form ending in a consonant is declined as a
          // man's name would be.
          if (sex === 'femn' && /[бвгджзклмнпрстфхцчшщ]$/i.test(d)) {
            for (const [surface, mask] of inflector.forms(d, 'first', 'masc')) {
              put(surface, i, FIELD_FIRST, mask, true);
              native.add(surface);
            }
          }
        }
      }
    }
  }
  // "Sam" for a Samir or a Samira: a short form diminutives.yaml lists (of some name) that opens a
  // colleague's Latin given name is that colleague's too, when it reaches nobody here otherwise.
  // (Not a common English word: "ash", "will" stay words.)
  const clips = latinClips(grammar);
  // (The clips put here: a form already there before this pass reaches somebody otherwise.)
  const clipped = new Set<string>();
  for (let i = 0; i < users.length; i++) {
    const name = typeof users[i]!.name === 'string' ? normalizeWord(users[i]!.name!.trim()) : '';
    if (!/^[a-z]{5,}$/.test(name)) continue;
    for (let n = 3; n <= name.length - 2; n++) {
      const clip = name.slice(0, n);
      if (!clips.has(clip) || grammar.en.commonWords.has(clip) || (grammar.en.englishWords.hasCommon(clip) && !grammar.en.givenNames.has(clip))) continue;
      if (forms.has(clip) && !clipped.has(clip)) continue;
      weak(clip, i, FIELD_FIRST, ALL_CASES);
      clipped.add(clip);
    }
  }
  const spellingOnly = new Set<string>();
  for (const w of transliterated) if (!native.has(w)) spellingOnly.add(w);
  return { users, selfId: directory.self, forms, fuzzy: null, fuzzyMemo: new Map(), fuzzySpelt: null, fuzzySpeltMemo: new Map(), spellingOnly, spokenOnly, sex: sexes, formsByField: {}, roman: null, romanKeys: new Map(), petStems: null };
}

const CLIPS = new WeakMap<PersonsGrammar, Set<string>>();

/** The Latin short forms of diminutives.yaml (sam, alex, chris …), made once per grammar. */
function latinClips(grammar: PersonsGrammar): Set<string> {
  let set = CLIPS.get(grammar);
  if (!set) {
    set = new Set();
    for (const s of ['masc', 'femn'] as const) for (const dims of grammar.diminutives[s].values()) for (const d of dims) if (/^[a-z]+$/.test(d)) set.add(d);
    CLIPS.set(grammar, set);
  }
  return set;
}

const CYRILLIC_OF = new WeakMap<PersonsGrammar, Map<string, string[]>>();

/** The Cyrillic full names (diminutives.yaml) a name in Latin letters spells, in any of the
 *  romanisations (Stanislav, Yaroslava, Iaroslava → Станислав, Ярослава): empty for others. */
function cyrillicNames(grammar: PersonsGrammar, latin: string): string[] {
  const key = russianRomanKey(latin);
  if (!key) return [];
  let byKey = CYRILLIC_OF.get(grammar);
  if (!byKey) {
    byKey = new Map();
    for (const s of ['masc', 'femn'] as const) {
      for (const full of grammar.diminutives[s].keys()) {
        for (const l of dimLatin(full, grammar)) {
          const k = russianRomanKey(l);
          if (!k) continue;
          const list = byKey.get(k);
          if (!list) byKey.set(k, [full]);
          else if (!list.includes(full)) list.push(full);
        }
      }
    }
    // (Dmytro is Дмитрий's, Oleksandr Александр's: the Ukrainian name's spelling.)
    for (const [cyr, spellings] of grammar.en.ukrainian) {
      for (const l of spellings) {
        const k = russianRomanKey(l);
        if (!k) continue;
        const list = byKey.get(k);
        if (!list) byKey.set(k, [cyr]);
        else if (!list.includes(cyr)) list.push(cyr);
      }
    }
    CYRILLIC_OF.set(grammar, byKey);
  }
  return byKey.get(key) ?? [];
}

const LATIN_DIMS = new WeakMap<PersonsGrammar, Record<'masc' | 'femn', Map<string, string[]>>>();

/** Latin spelling of a Cyrillic full name (valentin, maksim, maxim) → the Latin spellings of its
 *  short forms (valya, valia; maks, max) and its English equivalents (mikhail → michael, mike):
 *  made once per grammar. */
export function latinDiminutives(grammar: PersonsGrammar, sex: 'masc' | 'femn'): Map<string, string[]> {
  let all = LATIN_DIMS.get(grammar);
  if (!all) {
    all = { masc: new Map(), femn: new Map() };
    for (const s of ['masc', 'femn'] as const) {
      for (const [full, dims] of grammar.diminutives[s]) {
        const short = dims.flatMap((d) => dimLatin(d, grammar));
        if (short.length === 0) continue;
        for (const latin of dimLatin(full, grammar)) {
          const list = all[s].get(latin);
          all[s].set(latin, list ? [...new Set([...list, ...short])] : short);
        }
      }
    }
    // The English equivalents too (Mikhail → Michael, Mike), of the sex the name has in
    // diminutives.yaml (either, for a name not there).
    for (const [cyr, names] of grammar.en.equivalents) {
      const sexes = grammar.diminutives.masc.has(cyr) ? (['masc'] as const) : grammar.diminutives.femn.has(cyr) ? (['femn'] as const) : (['masc', 'femn'] as const);
      for (const latin of dimLatin(cyr, grammar)) {
        const eq = names.filter((n) => n !== latin);
        for (const s of sexes) {
          const list = all[s].get(latin);
          all[s].set(latin, list ? [...new Set([...list, ...eq])] : eq);
        }
      }
    }
    // A Ukrainian name spelt as in its passport (Dmytro, Oleksandr) has the short forms of the
    // Russian name it corresponds to (Dima, Sasha), and is called by that name too (Dmitry).
    for (const [cyr, spellings] of grammar.en.ukrainian) {
      const sexes = grammar.diminutives.masc.has(cyr) ? (['masc'] as const) : grammar.diminutives.femn.has(cyr) ? (['femn'] as const) : (['masc', 'femn'] as const);
      const said = [...dimLatin(cyr, grammar), ...(grammar.diminutives[sexes[0]].get(cyr) ?? []).flatMap((d) => dimLatin(d, grammar))];
      for (const latin of spellings) {
        const more = said.filter((n) => n !== latin);
        for (const s of sexes) {
          const list = all[s].get(latin);
          all[s].set(latin, list ? [...new Set([...list, ...more])] : more);
        }
      }
    }
    LATIN_DIMS.set(grammar, all);
  }
  return all[sex];
}

/** The forms of one user's given name or surname in one script, as the index holds them (short
 *  forms left out); built once per directory and script. A word a letter off the surname of the
 *  user whose given name stands before it is that surname misheard ("rustam galeev", "айдару
 *  галееву"). */
function nameForms(idx: DirectoryIndex, script: NameScript, user: number, field: number): string[] {
  let byField = idx.formsByField[script];
  if (!byField) {
    byField = new Map();
    for (const [form, entries] of idx.forms) {
      if (!SCRIPT_FORM[script].test(form)) continue;
      for (const e of entries) {
        if ((e.field !== FIELD_LAST && e.field !== FIELD_FIRST) || e.dim) continue;
        let m = byField.get(e.field);
        if (!m) byField.set(e.field, (m = new Map()));
        const list = m.get(e.user);
        if (list) list.push(form);
        else m.set(e.user, [form]);
      }
    }
    idx.formsByField[script] = byField;
  }
  return byField.get(field)?.get(user) ?? [];
}

export const latinNameForms = (idx: DirectoryIndex, user: number, field: number) => nameForms(idx, 'lat', user, field);
export const cyrillicNameForms = (idx: DirectoryIndex, user: number, field: number) => nameForms(idx, 'cyr', user, field);

/** Иванова ↔ Иванов, Зайцев ↔ Зайцева, Ильин ↔ Ильина, Римская ↔ Римский; null for others. */
export function otherGenderSurname(name: string, sex: 'masc' | 'femn'): string | null {
  if (!/^[А-ЯЁа-яё]+$/.test(name)) return null;
  if (sex === 'femn') {
    if (/(ов|ев|ёв|ин|ын)а$/i.test(name)) return name.slice(0, -1);
    if (/ская$/i.test(name)) return name.slice(0, -2) + 'ий';
    return null;
  }
  if (/(ов|ев|ёв|ин|ын)$/i.test(name)) return name + 'а';
  if (/ский$/i.test(name)) return name.slice(0, -2) + 'ая';
  return null;
}

const PLURAL_CASES = { nomn: 1, gent: 2, datv: 4, accs: 8, ablt: 16, loct: 32 } as const;

/** The plural forms of a surname of the -ов/-ин/-ский kinds (Ёлкины, Ёлкиных, Ёлкиным, Ёлкиными). */
export function pluralSurnameForms(name: string, sex: 'masc' | 'femn'): [string, number][] {
  const masc = sex === 'masc' ? name : otherGenderSurname(name, 'femn');
  if (!masc) return [];
  const w = normalizeWord(masc);
  const c = PLURAL_CASES;
  if (/(ов|ев|ин|ын)$/.test(w)) return [[w + 'ы', c.nomn], [w + 'ых', c.gent | c.accs | c.loct], [w + 'ым', c.datv], [w + 'ыми', c.ablt]];
  if (/ский$/.test(w)) {
    const stem = w.slice(0, -2);
    return [[stem + 'ие', c.nomn], [stem + 'их', c.gent | c.accs | c.loct], [stem + 'им', c.datv], [stem + 'ими', c.ablt]];
  }
  return [];
}

/** A Latin name in Cyrillic letters, as Russian speech recognisers write it (Parker → Паркер). */
export function transcriptions(name: string, grammar: PersonsGrammar): string[] {
  const word = name.toLowerCase();
  if (!/^[a-z]+$/.test(word) || word.length < 2) return [];
  const out = new Set<string>();
  for (const spelling of grammar.ru.transcription) {
    let w = word;
    for (const [re, to] of spelling) w = w.replace(re, to);
    if (/^[а-яё]+$/.test(w) && w.length > 1) out.add(w.charAt(0).toUpperCase() + w.slice(1));
  }
  return [...out];
}

/**
 * A Cyrillic name in Latin letters, in the usual spellings (persons-en.yaml transliteration), so
 * English commands reach Russian names ("message Sergey", "with Rustam"). Empty for other names.
 */
export function transliterations(name: string, grammar: PersonsGrammar): string[] {
  const { letters, variants } = grammar.en.transliteration;
  // Lower case but not folded: ё spells "yo" (Ёлкин → Yolkin, and Elkin by a variant).
  const word = name.toLowerCase();
  if (letters.size === 0 || !/^[а-яё-]+$/.test(word)) return [];
  let base = '';
  for (const ch of word) base += ch === '-' ? '-' : letters.get(ch) ?? '';
  const out = new Set([base]);
  for (const [re, to] of variants) {
    for (const v of [...out]) {
      if (out.size >= 12) break;
      const w = v.replace(re, to);
      if (w !== v) out.add(w);
    }
  }
  return [...out].filter((w) => w.length > 1);
}

/** The Latin spellings of a name or short form of diminutives.yaml, from its own spelling (ё kept:
 *  Фёдор is Fyodor as well as Fedor). */
function dimLatin(d: string, grammar: PersonsGrammar): string[] {
  return transliterations(grammar.spelt?.get(d) ?? d, grammar);
}

const FUZZY_MEMO_LIMIT = 20_000;

/** Directory forms near a word, and whether they sound the same (not merely spelt alike). */
export interface Near {
  forms: string[];
  sound: boolean;
}

/** The directory forms nearest to a word (memoised per directory), or null. */
export function nearestForms(idx: DirectoryIndex, word: string): Near | null {
  const hit = idx.fuzzyMemo.get(word);
  if (hit !== undefined) return hit;
  if (!idx.fuzzy) idx.fuzzy = new FuzzyIndex([...idx.forms.keys()].filter((f) => !idx.spellingOnly.has(f)));
  const near = idx.fuzzy.nearest(word);
  const found = near ? { forms: near.forms, sound: near.sound } : null;
  if (idx.fuzzyMemo.size >= FUZZY_MEMO_LIMIT) idx.fuzzyMemo.clear();
  idx.fuzzyMemo.set(word, found);
  return found;
}

/** The Latin spellings of Cyrillic users' names (not short forms or equivalents) nearest to a word
 *  (memoised per directory), or null. Only for a word where a person stands: elsewhere a letter
 *  off a transliteration is another word ("Berlin" is not Belkin). */
export function nearestSpeltForms(idx: DirectoryIndex, word: string): Near | null {
  const hit = idx.fuzzySpeltMemo.get(word);
  if (hit !== undefined) return hit;
  if (!idx.fuzzySpelt) {
    const spelt: string[] = [];
    for (const f of idx.spellingOnly) if (SCRIPT_FORM.lat.test(f) && idx.forms.get(f)!.some((e) => !e.dim)) spelt.push(f);
    idx.fuzzySpelt = new FuzzyIndex(spelt);
  }
  const near = idx.fuzzySpelt.nearest(word);
  const found = near ? { forms: near.forms, sound: near.sound } : null;
  if (idx.fuzzySpeltMemo.size >= FUZZY_MEMO_LIMIT) idx.fuzzySpeltMemo.clear();
  idx.fuzzySpeltMemo.set(word, found);
  return found;
}

/**
 * One key for the romanisations of one Russian name (Artyom, Artiom, Artjom, Artem → one key;
 * Korolyov, Korolyev, Korolev; Dmitriy, Dmitrii, Dmitry; Khramtsov, Hramtzov; Shchukin, Schukin):
 * a portal user stored in Latin letters in one spelling is said or typed in another. What the
 * systems disagree on is folded (ё as yo/io/jo/e, ю as yu/iu/u inside a word, я as ya/ia/iya,
 * -ий as iy/ii/y/i, й as y/i/j after a vowel, х as kh/h, ц as ts/tz, щ as shch/sch, ks/x,
 * y/i after a consonant, doubled letters); what tells names apart is kept: an opening я/ю/е
 * (Yana is not Ana), я against a (Ilya is not Ila, Maria is not Mario), a final й (Alexei is not
 * Alex). Null for a word that is not plain Latin letters.
 */
export function russianRomanKey(word: string): string | null {
  if (!/^[a-z]+$/.test(word)) return null;
  let s = word
    .replace(/shch|sch/g, 'щ')
    .replace(/zh/g, 'ж')
    .replace(/kh/g, 'х')
    .replace(/t[sz]/g, 'ц')
    .replace(/ch/g, 'ч')
    .replace(/sh/g, 'ш')
    .replace(/x/g, 'ks')
    .replace(/h/g, 'х')
    // An opening iotated vowel: я and ю stay themselves, ё and е are e (Yevgeny, Evgeny).
    .replace(/^[yj]a/, 'я')
    .replace(/^[yj]u/, 'ю')
    .replace(/^[yj][oe]/, 'e')
    // -iya, -iyev: the i before an iotated vowel is the same sound (Mariya, Maria).
    .replace(/i[yj](?=[aoue])/g, 'y')
    // -ий, -ый at the end: Dmitriy, Dmitrii, Dmitry, Dmitri.
    .replace(/([^aeiouy])(?:iy|ii|yi|ij|yy|y)$/, '$1i')
    // й at the end after a vowel: Sergey, Sergei, Sergej.
    .replace(/([aeou])[iyj]$/, '$1й')
    // Inside a word: ya/ia are я; yo/io/jo/ye are e (Artyom, Artem); yu/iu are u (Lyudmila, Ludmila).
    .replace(/(?<=.)[yij]a/g, 'я')
    .replace(/(?<=.)[yij][oe]/g, 'e')
    .replace(/(?<=.)[yij]u/g, 'u')
    .replace(/y/g, 'i');
  let out = '';
  for (const ch of s) if (!out.endsWith(ch)) out += ch;
  s = out;
  return s;
}

/** The users' given names and surnames spelt in Latin letters in another romanisation of the same
 *  Russian name ("artem korolev" for the user Artyom Korolyov); null when none. Words of four
 *  letters with a doubled letter are left out ("will" is not Wil, "bell" not Bel). */
const ROMAN_KEYS_LIMIT = 10_000;

export function romanEntries(idx: DirectoryIndex, word: string): FormEntry[] | null {
  const found = romanEntriesOf(idx, word);
  // An opening j is я in one romanisation (Jana) and ж or дж in English spelling (Janna for
  // Zhanna, Jamilya for Dzhamilya): the second reading only when the first finds nobody.
  if (found || !/^j[aeiou]/.test(word)) return found;
  return romanEntriesOf(idx, 'zh' + word.slice(1)) ?? romanEntriesOf(idx, 'dzh' + word.slice(1));
}

function romanEntriesOf(idx: DirectoryIndex, word: string): FormEntry[] | null {
  if (word.length < 4 || (word.length < 5 && /(.)\1/.test(word))) return null;
  // The words said are few and come again: their keys are kept with the index (bounded).
  let key = idx.romanKeys.get(word);
  if (key === undefined) {
    key = russianRomanKey(word);
    if (idx.romanKeys.size >= ROMAN_KEYS_LIMIT) idx.romanKeys.clear();
    idx.romanKeys.set(word, key);
  }
  if (!key) return null;
  if (!idx.roman) {
    const roman = new Map<string, FormEntry[]>();
    for (const [form, entries] of idx.forms) {
      if (form.length < 4) continue;
      const k = russianRomanKey(form);
      if (!k) continue;
      for (const e of entries) {
        if (e.dim || (e.field !== FIELD_FIRST && e.field !== FIELD_LAST)) continue;
        const list = roman.get(k);
        if (!list) roman.set(k, [e]);
        else if (!list.some((x) => x.user === e.user && x.field === e.field)) list.push(e);
      }
    }
    idx.roman = roman;
  }
  return idx.roman.get(key) ?? null;
}

/**
 * "Davo" for David, "Robbo" for Robert, "Shazza" for Sharon: the users whose Latin given name opens
 * with the syllable a pet name is made of (persons-en.yaml petNames); null when none. The caller
 * checks that the word is no English word and no name of its own.
 */
export function petNameEntries(idx: DirectoryIndex, word: string, rules: PersonsGrammar['en']['petNames']): FormEntry[] | null {
  const stems: string[] = [];
  for (const e of rules.endings) {
    if (!word.endsWith(e)) continue;
    const base = word.slice(0, -e.length);
    stems.push(base);
    // (Robbo, Chrissy: the consonant doubled before the ending.)
    if (base.length > 1 && base[base.length - 1] === base[base.length - 2]) stems.push(base.slice(0, -1));
  }
  for (const e of rules.rEndings) if (word.endsWith(e)) stems.push(word.slice(0, -e.length) + 'r');
  if (!stems.length) return null;
  if (!idx.petStems) {
    const map = new Map<string, FormEntry[]>();
    idx.users.forEach((u, i) => {
      const name = typeof u.name === 'string' ? normalizeWord(u.name.trim()) : '';
      if (!/^[a-z]+$/.test(name)) return;
      for (let n = rules.minStem; n < name.length; n++) {
        const key = name.slice(0, n);
        const list = map.get(key);
        if (!list) map.set(key, [{ user: i, field: FIELD_FIRST, mask: ALL_CASES, dim: true }]);
        else if (!list.some((x) => x.user === i)) list.push({ user: i, field: FIELD_FIRST, mask: ALL_CASES, dim: true });
      }
    });
    idx.petStems = map;
  }
  for (const s of stems) {
    if (s.length < rules.minStem) continue;
    const found = idx.petStems.get(s);
    if (found) return found;
  }
  return null;
}
