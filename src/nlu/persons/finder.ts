/**
 * Finding persons in a command: directory names in any case and short form, the speaker's
 * pronouns, and names nobody in the directory has. Pure: the directory comes in per call.
 */
import type { Directory, GramCase, PersonMention, PersonSlot } from '../types';
import type { Morph, MorphParse } from '../morph';
import type { PersonsGrammar } from './grammar';
import { ALL_CASES, NO_PREPOSITION_ORDER, caseBit, caseList, caseRank } from './cases';
import {
  romanEntries,
  petNameEntries,
  FIELD_FIRST,
  FIELD_LAST,
  FIELD_MIDDLE,
  buildIndex,
  checkDirectory,
  latinNameForms, cyrillicNameForms,
  nearestForms,
  nearestSpeltForms,
  type DirectoryIndex,
  type FormEntry,
} from './directory-index';
import { FUZZY_MIN_LENGTH, allowedEdits, latinSpellingKey, levenshtein, sameLatinOpening, soundsLikeLatin } from './fuzzy';
import type { NameInflector } from './inflect';
import { adjacent, capitalize, normalizeWord, tokenize, type Token } from './text';

type Lang = 'ru' | 'en';

/** How well a user fits a span: 0 the name itself, 1 through a short form, 2 misheard. */
interface Candidate {
  user: number;
  mask: number;
  tier: number;
}

interface TokenHits {
  entries: FormEntry[];
  fuzzy: boolean;
}

interface Preposition {
  word: string;
  /** Cases it governs (0 for English). */
  mask: number;
  /** A role word stands between it and the name ("на доктора Пахомова"). */
  roleWord?: true;
}

interface Found extends PersonMention {
  /** Token positions covered, for list inheritance and merging. */
  first: number;
  last: number;
  prepMask: number;
}

// Name fields in the orders people say them: Сергей Иванов, Иванов Сергей, Сергей Петрович…
const FIELD_ORDERS: readonly (readonly number[])[] = [
  [FIELD_FIRST, FIELD_MIDDLE, FIELD_LAST],
  [FIELD_LAST, FIELD_FIRST, FIELD_MIDDLE],
  [FIELD_FIRST, FIELD_LAST],
  [FIELD_LAST, FIELD_FIRST],
  [FIELD_FIRST, FIELD_MIDDLE],
];

/** Longest input find() reads; anything longer is cut (a command is never 100 KB). */
const MAX_TEXT = 200_000;

export interface FinderDeps {
  grammar: PersonsGrammar;
  morph: Morph | null;
  inflector: NameInflector;
}

export class Finder {
  private readonly indexes = new WeakMap<Directory, { users: unknown; size: number; index: DirectoryIndex }>();

  /** Every Russian short form of diminutives.yaml in its cases → its nominative and case mask
   *  (built on first use): "толику" is Толик's dative though the dictionary reads толика. */
  private shortNames: Map<string, { nominative: string; mask: number }> | null = null;

  constructor(private readonly deps: FinderDeps) {}

  private shortNameForm(word: string): { nominative: string; mask: number } | undefined {
    if (!this.shortNames) {
      const map = new Map<string, { nominative: string; mask: number }>();
      for (const sex of ['masc', 'femn'] as const) {
        for (const forms of this.deps.grammar.diminutives[sex].values()) {
          for (const d of forms) {
            if (!/^[а-яё]+$/i.test(d)) continue;
            for (const [surface, mask] of this.deps.inflector.forms(d, 'first', sex)) {
              const had = map.get(surface);
              if (had && had.nominative !== capitalize(d)) continue;
              map.set(surface, { nominative: capitalize(d), mask: (had?.mask ?? 0) | mask });
            }
          }
        }
      }
      this.shortNames = map;
    }
    return this.shortNames.get(word);
  }

  /** The directory's index, built on first use and kept while the directory object lives. */
  index(directory: Directory): DirectoryIndex {
    checkDirectory(directory);
    const hit = this.indexes.get(directory);
    // A directory whose users array was replaced or grew is indexed again.
    if (hit && hit.users === directory.users && hit.size === directory.users.length && hit.index.selfId === directory.self) {
      return hit.index;
    }
    const index = buildIndex(directory, this.deps.inflector, this.deps.grammar, this.deps.morph);
    this.indexes.set(directory, { users: directory.users, size: directory.users.length, index });
    return index;
  }

  find(text: string, directory: Directory, lang: Lang, preferred?: GramCase): PersonMention[] {
    const idx = this.index(directory);
    if (typeof text !== 'string' || text.length === 0) return [];
    const src = joinSplitSurnames(text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text, idx);
    const toks = tokenize(src);
    // An English sentence has no cases: a Cyrillic name said as written (nominative) fits any role,
    // so "to Кравец" is the man Кравец as much as the woman, whose name does not decline.
    const order = preferred ? [preferred, ...NO_PREPOSITION_ORDER.filter((c) => c !== preferred)] : lang === 'en' ? EN_ORDER : NO_PREPOSITION_ORDER;
    const hits: (TokenHits | null | undefined)[] = new Array(toks.length);
    const hitAt = (k: number): TokenHits | null => {
      let h = hits[k];
      if (h === undefined) h = hits[k] = this.lookup(toks, k, idx, lang);
      return h;
    };
    const out: Found[] = [];
    let i = 0;
    while (i < toks.length) {
      const t = toks[i]!;
      if (!t.word) {
        i++;
        continue;
      }
      // "проект Сокол-2", "Orion-3": a word joined to a number by a hyphen names a thing.
      // ("from 1 May to 5 May", "May 5th": a month's name beside a day's number is the month,
      // though a user is called May.)
      // ("Do I have …" with a Quang Do here: an auxiliary before its subject pronoun is the question's.)
      // ("Trip to Sofia", "a flight to Milan": after a journey's noun and "to" a name is where it goes.)
      if (numberedAfter(src, t) || (lang === 'en' && t.script === 'lat' && this.deps.grammar.en.months.has(t.norm) && besideDayNumber(src, t)) || (lang === 'en' && (this.auxiliaryBeforeSubject(src, toks, i) || this.timeQualifier(toks, i) || this.destinationAt(toks, i)))) {
        i++;
        continue;
      }
      const prev = out.length > 0 ? out[out.length - 1] : undefined;
      const pron = this.pronoun(t, lang);
      if (pron !== null) {
        const prep = this.preposition(src, toks, i, lang, prev);
        out.push(this.mention(src, toks, i, i, { self: true }, 'pronoun', pron, prep));
        i++;
        continue;
      }
      const hon = lang === 'en' && t.script === 'lat' ? this.honorificAt(src, toks, i, hitAt, idx) : null;
      if (hon && !hon.cands.length) {
        i = hon.last + 1;
        continue;
      }
      if (hon) {
        // ("to the licenciada Guerra": a Spanish speaker's article before the title is the name's.)
        const first = this.articleBefore(src, toks, i, out) ? i - 1 : i;
        const prep = this.preposition(src, toks, first, lang, prev);
        const decided = this.decide(hon.cands, 0, order, idx);
        out.push(this.mention(src, toks, first, hon.last, decided.slot, 'name', decided.mask, prep));
        i = hon.last + 1;
        continue;
      }
      // "for Herr Dr. Schneider": honorifics and a capitalised surname nobody here has.
      const afterHon = lang === 'en' && t.script === 'lat' && t.cap ? this.afterHonorifics(toks, i) : -1;
      const sur = afterHon > i ? toks[afterHon] : undefined;
      // (After "Dr." the surname reads as a sentence's first word: its capital still counts.)
      if (sur && (this.latinNameLike(sur) || this.latinNameLike({ ...sur, initial: false })) && adjacent(src, toks[afterHon - 1]!, sur) && !hitAt(afterHon)) {
        const prep = this.preposition(src, toks, i, lang, prev);
        out.push(this.mention(src, toks, i, afterHon, { unresolved: sur.text }, 'unknown', 0, prep));
        i = afterHon + 1;
        continue;
      }
      const stranger = this.strangerFullName(src, toks, i, hitAt, idx);
      if (stranger) {
        const prep = this.preposition(src, toks, i, lang, prev);
        out.push(this.mention(src, toks, i, i + 1, { unresolved: stranger.name }, 'unknown', stranger.mask, prep));
        i += 2;
        continue;
      }
      // "abu omar", "Umm Khalid": a kunya names the father or mother of its Omar, somebody nobody here
      // is called — not the colleague Omar (unless a colleague's name begins with the word itself).
      if (lang === 'en' && t.script === 'lat' && this.deps.grammar.en.kunyaWords.has(t.norm) && !hitAt(i)) {
        const n = toks[i + 1];
        if (n?.word && n.script === 'lat' && adjacent(src, t, n) && (hitAt(i + 1)?.entries.some((e) => e.field === FIELD_FIRST) || this.latinNameLike(n))) {
          const prep = this.preposition(src, toks, i, lang, prev);
          out.push(this.mention(src, toks, i, i + 1, { unresolved: `${capitalize(t.text)} ${capitalize(n.text)}` }, 'unknown', 0, prep));
          i += 2;
          continue;
        }
      }
      // "mohd faizal" for Muhammad Faizal: a prefix of names before a colleague's given name is hers
      // or his (the mention below takes it in).
      // (…unless it is a colleague's given name before a middle name and that colleague's surname:
      // "Mohamed Ahmed Hassan" with a Mohamed Hassan here.)
      if (this.namePrefixAt(src, toks, i, hitAt)) {
        const firsts = (hitAt(i)?.entries ?? []).filter((e) => e.field === FIELD_FIRST && !e.dim).map((e) => ({ user: e.user, mask: e.mask, tier: 0 }));
        if (!firsts.length || !this.middleInitialAfter(src, toks, i, firsts, hitAt, idx)) {
          i++;
          continue;
        }
      }
      let span = this.matchSpan(src, toks, i, hitAt, idx);
      const thingBefore = this.afterThingPreposition(src, toks, i);
      // ("трейдеры из каргилла": after a preposition of things a word only a letter or two off a name is no one misheard.)
      if (span && thingBefore && t.script === 'cyr' && hitAt(i)?.fuzzy) span = null;
      if (span && span.len === 1 && this.isCommonWord(t)) {
        // A name that is also an ordinary word said in lower case (вера, роза, надежда, жене):
        // a person only in a case a person preposition before it governs, or, with no
        // preposition, in the dative of an addressee ("напиши вере"); never after в/под/над.
        const prep = this.preposition(src, toks, i, lang, prev);
        // Right after an infinitive it is that verb's object: "купить лилии", "позвонить жене".
        // With no preposition: the addressee's dative, or the object of an imperative ("пригласи Машу").
        const bare = caseBit('datv') | (this.afterVerb(src, toks, i, 'impr') ? caseBit('accs') : 0) | (this.afterPossessed(src, toks, i) ? caseBit('gent') : 0);
        // After a role word ("исполнитель: Орлов", "ответственный — Зайцев") a name is a label, in
        // any case; a capital after the colon says nothing there (it opens the clause).
        const allowed = this.afterRoleWord(toks, i) || this.listedAfterRoleWord(toks, i, out) ? ALL_CASES : thingBefore || (!prep && this.afterVerb(src, toks, i, 'INFN')) ? 0 : prep ? prep.mask : bare;
        const cands = span.cands.map((c) => ({ ...c, mask: c.mask & allowed })).filter((c) => c.mask !== 0);
        span = cands.length ? { len: 1, cands } : null;
        if (!span) {
          i++;
          continue;
        }
      }
      // "Олегу Пупкину" in a portal with Олег Соколов: a first name with a surname nobody here
      // has is a stranger, as with a known surname of somebody else (strangerFullName).
      if (span && span.len === 1 && lang === 'ru') {
        const stranger = this.firstNameWithUnknownSurname(src, toks, i, span.cands, hitAt);
        if (stranger) {
          const prep = this.preposition(src, toks, i, lang, prev);
          out.push(this.mention(src, toks, i, i + 1, { unresolved: stranger.name }, 'unknown', stranger.mask, prep));
          i += 2;
          continue;
        }
      }
      if (span) {
        // Initials typed around a surname ("Соколову О. И.", "О. Соколову") belong to the name.
        let first = i > 0 && this.namePrefixAt(src, toks, i - 1, hitAt) ? i - 1 : i;
        // ("to our kev": a kin possessive before a given name is the name's, as an initial is.)
        if (first === i && lang === 'en' && i > 0 && adjacent(src, toks[i - 1]!, t) && this.kinPossessiveBefore(toks, i, hitAt(i)?.entries)) first = i - 1;
        while (first >= 2 && isInitialAt(src, toks, first - 2) && adjacent(src, toks[first - 1]!, toks[first]!) && first > i - 4) first -= 2;
        // ("task for P. Kinsella": a capital Latin initial of the given name of the user whose surname follows.)
        if (first === i && first >= 2 && isLatinInitialAt(src, toks, first - 2) && adjacent(src, toks[first - 1]!, toks[first]!)) {
          const letter = toks[first - 2]!.norm;
          if (span.cands.some((c) => latinNameForms(idx, c.user, FIELD_FIRST).some((f) => f[0] === letter)) && hitAt(i)?.entries.some((e) => e.field === FIELD_LAST)) first -= 2;
        }
        const prep = this.preposition(src, toks, first, lang, prev);
        // "max k": a given name of several users and the first letter of one's surname.
        // ("for Arun K to …": one such user too, the initial then only part of the name said.)
        const initial = span.len === 1 ? this.surnameInitialAfter(src, toks, i, span.cands, idx) : null;
        if (initial) span = { len: 2, cands: initial };
        // "Deepak R. Patel": a middle initial between the given name and the same user's surname.
        const middle = span.len === 1 ? this.middleInitialAfter(src, toks, i, span.cands, hitAt, idx) : null;
        if (middle) span = middle;
        let decided = this.decide(span.cands, prep?.mask ?? 0, order, idx);
        let len = this.patronymicAfter(src, toks, i, span.len, new Set(span.cands.map((c) => c.user)), hitAt, idx);
        // ("Рустаму Ильдаровичу Галиеву" with two Рустамы here: the surname after the patronymic picks.)
        if (len === span.len + 2 && span.cands.length > 1) {
          const owners = new Set(hitAt(i + len - 1)?.entries.filter((e) => e.field === FIELD_LAST).map((e) => e.user) ?? []);
          const kept = span.cands.filter((c) => owners.has(c.user));
          if (kept.length) decided = this.decide(kept, prep?.mask ?? 0, order, idx);
        }
        if (lang === 'en' && len === 1 && this.surnameBeforeObject(src, toks, i, span.cands, hitAt)) len = 2;
        for (let n = 0; n < 2 && isInitialAt(src, toks, i + len) && adjacent(src, toks[i + len - 1]!, toks[i + len]!); n++) len += 2;
        out.push(this.mention(src, toks, first, i + len - 1, decided.slot, 'name', decided.mask, prep));
        i += len;
        continue;
      }
      if (lang === 'en' && t.script === 'lat') {
        const unk = this.unknownEnAt(src, toks, i, lang, prev, hitAt);
        if (unk) {
          out.push(unk);
          i = unk.last + 1;
          continue;
        }
      } else if (lang === 'ru' || t.script === 'cyr') {
        const unk = t.script === 'lat' ? this.unknownLatinInRu(src, toks, i, lang, prev, hitAt) : this.unknownAt(src, toks, i, lang, prev, order, hitAt, idx);
        if (unk) {
          out.push(unk);
          i = unk.last + 1;
          continue;
        }
      }
      i++;
    }
    // "Mehmet bey", "Tanaka-san", "Sharma ji": an honorific said after a name is part of it.
    const after = this.deps.grammar.en.honorificsAfter;
    // ("Fatma Hanım'a": the title may carry the name's Turkish case ending.)
    const bare = (w: string): string => {
      const m = w.includes("'") ? /^(.+)'(\p{L}+)$/u.exec(w) : null;
      return m && this.deps.grammar.en.apostropheSuffixes.has(m[2]!) ? m[1]! : w;
    };
    for (const m of out) {
      const n = toks[m.last + 1];
      if (m.kind === 'pronoun' || !n?.word || !after.has(bare(n.norm)) || !(adjacent(src, toks[m.last]!, n) || src[n.index - 1] === '-')) continue;
      // ("with Kasun and Anna": an honorific that is someone's name here, found as that person, stays them.)
      if (out.some((o) => o.first === m.last + 1)) continue;
      m.last += 1;
      m.end = n.end;
      // ("t' Nowak lass": the article before a name and its title is part of the mention.)
      if (this.articleBefore(src, toks, m.first, out)) {
        m.first -= 1;
        m.index = toks[m.first]!.index;
      }
      // ("Thapa didi" of a man and a woman Thapa: an honorific of one sex picks among them.)
      const sex = this.deps.grammar.en.honorificsAfterSex.get(bare(n.norm));
      if (sex && sex !== '-' && 'candidates' in m.slot) {
        const want = sex === 'M' ? 'masc' : 'femn';
        const kept = m.slot.candidates.filter((id) => idx.sex[idx.users.findIndex((x) => x.id === id)] === want);
        if (kept.length === 1) m.slot = { userId: kept[0]! };
        else if (kept.length > 1) m.slot = { candidates: kept };
      }
    }
    this.widenMentions(src, toks, out, lang, hitAt, idx);
    // The words as said (joinSplitSurnames may have put a hyphen in place of a space).
    return out.map(({ first: _f, last, prepMask: _p, ...m }) => {
      const said = { ...m, text: text.slice(m.index, m.end) };
      // "sanjays report", "emily's": the owner of a thing, never a role (the lead reads it).
      if (m.kind === 'name' && possessiveForm(toks[last]!, idx)) said.possessive = true;
      return said;
    });
  }

  /**
   * Words around a colleague's mention that are the colleague's too, taken into it: "bint" and the
   * father's name (and the surname after them), an initial before the name, an undeclined given name
   * before the declined surname, a grandfather's name after the full name.
   */
  private widenMentions(src: string, toks: Token[], out: Found[], lang: Lang, hitAt: (k: number) => TokenHits | null, idx: DirectoryIndex): void {
    // Does token k name this user in this field (a strong reading only, when `strong`)?
    const names = (k: number, field: number, user: number, strong = false) => !!hitAt(k)?.entries.some((e) => e.field === field && !(strong && e.dim) && idx.users[e.user]!.id === user);
    // The mention now opens at token k, with the preposition before it.
    const openAt = (m: Found, k: number) => {
      m.first = k;
      m.index = toks[k]!.index;
      const prep = this.preposition(src, toks, k, lang, undefined);
      if (prep) {
        m.preposition = prep.word;
        m.prepMask = prep.mask;
      }
    };
    // "Hessa bint Ali Al Mheiri", "for hessa bint ali book …": "son/daughter of" and the father's name
    // after a colleague's name are hers (his) too, and so is her surname said after them.
    for (const m of out) {
      const c = toks[m.last + 1];
      const f = toks[m.last + 2];
      if (m.kind !== 'name' || !('userId' in m.slot) || !c?.word || !this.deps.grammar.en.nameConnectors.has(c.norm) || !f?.word || !adjacent(src, toks[m.last]!, c) || !adjacent(src, c, f)) continue;
      const user = m.slot.userId;
      // (The father's name found as somebody's of its own is no mention.)
      const at = out.findIndex((o) => o.first === m.last + 2);
      if (at >= 0 && out[at]!.last === m.last + 2) out.splice(at, 1);
      const then = out.findIndex((o) => o.first === m.last + 3 && 'userId' in o.slot && o.slot.userId === user);
      const last = then >= 0 ? out[then]!.last : m.last + 2;
      if (then >= 0) out.splice(then, 1);
      m.last = last;
      m.end = toks[last]!.end;
    }
    for (const m of out) {
      if (m.kind !== 'name' || m.first < 1) continue;
      if (lang === 'en') {
        const users = 'userId' in m.slot ? [m.slot.userId] : 'candidates' in m.slot ? m.slot.candidates : [];
        if (!users.length) continue;
        // "to K. Ramesh": an initial written before a colleague's name (South Indian style) is part of it.
        const dot = toks[m.first - 1]!.text === '.' ? 1 : 0;
        const k = m.first - 1 - dot;
        const t = toks[k];
        // (A letter standing alone before the name: not the end of "440C steel".)
        if (!t?.word || t.script !== 'lat' || !/^\p{L}$/u.test(t.text) || (t.index > 0 && !/\s/.test(src[t.index - 1]!)) || out.some((o) => o.last >= k && o.first <= k)) continue;
        if (dot ? toks[m.first - 1]!.index !== t.end : !adjacent(src, t, toks[m.first]!)) continue;
        // The initial is the family name's: "k srinivas" with Srinivas Kodali and Srinivas Iyer here is
        // Kodali. In lower case, or before a name two colleagues share, only a surname's letter counts.
        const bySurname = users.filter((id) => {
          const at = idx.users.findIndex((u) => u.id === id);
          return at >= 0 && latinNameForms(idx, at, FIELD_LAST).some((f) => f[0] === t.norm);
        });
        const capital = /^\p{Lu}$/u.test(t.text) && toks[m.first]!.cap && users.length === 1;
        if (!capital && !bySurname.length) continue;
        if (bySurname.length && bySurname.length < users.length) m.slot = bySurname.length === 1 ? { userId: bySurname[0]! } : { candidates: bySurname };
        openAt(m, k);
      } else {
        if (!('userId' in m.slot)) continue;
        const user = m.slot.userId;
        // "с дарима дашиевой": a colleague's given name said undeclined right before her surname, declined.
        const b = toks[m.first - 1]!;
        if (!b.word || b.script !== 'cyr' || !adjacent(src, b, toks[m.first]!) || out.some((o) => o.last === m.first - 1)) continue;
        if (names(m.first, FIELD_LAST, user) && names(m.first - 1, FIELD_FIRST, user, true)) openAt(m, m.first - 1);
      }
    }
    // "Rahel Getachew Ayele:": a third capitalised name after a colleague's given name and surname — a
    // grandfather's name, a second surname — nobody's here and no English word, closed by punctuation or
    // the end, is part of the mention.
    if (lang !== 'en') return;
    for (const m of out) {
      const n = toks[m.last + 1];
      const after = toks[m.last + 2];
      if (m.kind !== 'name' || m.last !== m.first + 1 || !('userId' in m.slot) || !n?.word || n.script !== 'lat' || !n.cap || !adjacent(src, toks[m.last]!, n)) continue;
      // (Nor a word of natural's lexicon, proper nouns too: "with Hodan Warsame Thursday".)
      if (after?.word || out.some((o) => o.first === m.last + 1) || hitAt(m.last + 1) || this.deps.grammar.en.englishWords.has(n.norm) || this.deps.grammar.en.givenNames.has(n.norm)) continue;
      if (!names(m.first, FIELD_FIRST, m.slot.userId) || !names(m.last, FIELD_LAST, m.slot.userId)) continue;
      m.last += 1;
      m.end = n.end;
    }
  }

  resolve(phrase: string, directory: Directory, lang: Lang, preferred?: GramCase): PersonSlot | null {
    if (typeof phrase !== 'string') return null;
    const text = phrase.trim();
    if (text.length === 0 || text.length > 200) return null;
    const found = this.find(text, directory, lang, preferred);
    const known = found.find((m) => m.kind !== 'unknown');
    if (known) return known.slot;
    if (found.length > 0) return found[0]!.slot;
    // The caller knows this is a person: accept a bare unknown name more readily than find().
    const toks = tokenize(text).filter((t) => t.word);
    const words = toks.filter((t) => !this.isFunctionWord(t, lang));
    if (words.length === 0 || words.length > 3) return null;
    if (words.every((t) => t.script === 'lat')) {
      if (words.some((t) => this.deps.grammar.en.notNames.has(t.norm))) return null;
      return { unresolved: words.map((t) => capitalize(t.text)).join(' ') };
    }
    if (words.every((t) => t.script === 'cyr') && this.deps.morph) {
      const morph = this.deps.morph;
      const names: string[] = [];
      for (const t of words) {
        const parses = morph.analyze(t.norm);
        const named = bestNameParse(parses.filter((p) => p.dictionary && isNameParse(p)), 0, order(preferred));
        if (named) names.push(capitalize(named.nominative));
        else if (!parses.some((p) => p.dictionary) && !this.deps.grammar.ru.notNames.has(t.norm)) names.push(capitalize(t.text));
        else return null;
      }
      return { unresolved: names.join(' ') };
    }
    return null;
  }

  // ---- tokens ----

  private pronoun(t: Token, lang: Lang): number | null {
    if (t.script === 'cyr') {
      const m = this.deps.grammar.ru.selfPronouns.get(t.norm);
      return m === undefined ? null : m;
    }
    if (lang === 'en' && t.script === 'lat' && this.deps.grammar.en.selfPronouns.has(t.norm)) return ALL_CASES;
    return null;
  }

  private isFunctionWord(t: Token, lang: Lang): boolean {
    const g = this.deps.grammar;
    if (t.script === 'cyr') return g.ru.prepositions.has(t.norm) || g.ru.conjunctions.has(t.norm) || g.ru.roleWords.has(t.norm);
    return lang === 'en' && (g.en.prepositions.has(t.norm) || g.en.conjunctions.has(t.norm));
  }

  /** The users a pet name at k is made from (petNameEntries), its possessive too; null when the
   *  word is an English word or a name of its own. */
  private petName(toks: Token[], k: number, idx: DirectoryIndex): FormEntry[] | null {
    const en = this.deps.grammar.en;
    const norm = toks[k]!.norm;
    // (The pet-name look-up first: it turns most words away by their ending, the lexicon costs more.)
    const of = (w: string) => {
      const found = petNameEntries(idx, w, en.petNames);
      return found && !en.englishWords.hasCommon(w) && !en.givenNames.has(w) ? found : null;
    };
    if (norm.endsWith("'s")) return of(norm.slice(0, -2));
    return of(norm) ?? (norm.endsWith('s') && this.bareSPossessive(toks, k) ? of(norm.slice(0, -1)) : null);
  }

  private lookup(toks: Token[], k: number, idx: DirectoryIndex, lang: Lang): TokenHits | null {
    const t = toks[k]!;
    if (!t.word) return null;
    const capitalized = t.cap && !t.initial;
    // "will", "may", "mark" are names only when written as names.
    // (A word a letter off the surname of the user whose given name stands before it is that
    // surname misheard: "ethan brook" for Ethan Brooks.)
    // (In a Russian sentence a Latin word is a name however it is written: "напиши will что …".)
    // (…and so is an English word that is only some user's surname: "the staff away day" with a
    // Mark Day here.)
    // (Only after another lower-case English word: after a given name, an honorific or a
    // preposition it is the surname said.)
    const en = this.deps.grammar.en;
    const before = toks[k - 1];
    const surnameWord = () =>
      !!before?.word && !before.cap && en.englishWords.hasCommon(before.norm) && !idx.forms.has(before.norm) && !en.honorifics.has(before.norm) &&
      !!idx.forms.get(t.norm)?.every((e) => e.field === FIELD_LAST) && en.englishWords.hasCommon(t.norm) && !en.givenNames.has(t.norm);
    if (t.script === 'lat' && lang === 'en' && !capitalized && (en.commonWords.has(t.norm) || surnameWord()) && !this.commonWordIsName(toks, k, idx)) return this.misheardBeside(toks, k, idx);
    // Prepositions and conjunctions are not names unless written as one (Ли, Ян).
    if (!capitalized && this.isFunctionWord(t, lang)) return null;
    // "the price list task": a word in lower case between an article and a dictionary word modifies
    // that word — nobody says "the Price" of a colleague.
    if (t.script === 'lat' && lang === 'en' && !capitalized && this.modifierAfterArticle(toks, k) && !this.kinPossessiveBefore(toks, k, idx.forms.get(t.norm))) return null;
    // "emily's to-dos": the possessive of a name is that name.
    // ("Seo-yeon-ssi", "Tanaka-san" written as one word: the name less its honorific.)
    // ("Hayashi-san's appointments": the possessive after the honorific.)
    const titled = t.script === 'lat' && t.norm.includes('-') ? /^(.+)-(\p{L}+)(?:'s)?$/u.exec(t.norm) : null;
    // ("Gökçe'ye": a Turkish case ending after the name's apostrophe.)
    const suffixed = t.script === 'lat' && t.norm.includes("'") ? /^(.+)'(\p{L}+)$/u.exec(t.norm) : null;
    const exact =
      idx.forms.get(t.norm) ??
      (t.script === 'lat' && t.norm.endsWith("'s") ? idx.forms.get(t.norm.slice(0, -2)) : undefined) ??
      (titled && en.honorificsAfter.has(titled[2]!) ? idx.forms.get(titled[1]!) : undefined) ??
      (suffixed && en.apostropheSuffixes.has(suffixed[2]!) ? idx.forms.get(suffixed[1]!) : undefined);
    if (exact) {
      // "mark steel" with Mark Steele and Brooke Steel here: somebody else's surname right after a
      // given name whose own surname it is a letter off is that user's, misheard.
      const prev = t.script === 'lat' && k > 0 ? toks[k - 1] : undefined;
      const firsts = prev?.word && exact.every((e) => e.field === FIELD_LAST) ? idx.forms.get(prev.norm) : undefined;
      if (firsts && firsts.some((e) => e.field === FIELD_FIRST && !exact.some((x) => x.user === e.user))) {
        const beside = this.misheardBeside(toks, k, idx);
        if (beside) return { entries: [...exact, ...beside.entries], fuzzy: false };
      }
      return { entries: exact, fuzzy: false };
    }
    // "mark marks demo task", "sanjays report task": the same without the apostrophe.
    const bare = t.script === 'lat' && t.norm.length >= 4 && t.norm.endsWith('s') ? idx.forms.get(t.norm.slice(0, -1)) : undefined;
    if (bare && this.bareSPossessive(toks, k)) return { entries: bare, fuzzy: false };
    // "artem korolev" for the user Artyom Korolyov: another romanisation of the same Russian name.
    const roman = t.script === 'lat' ? romanEntries(idx, t.norm) : null;
    if (roman) return { entries: roman, fuzzy: false };
    // "robbo", "Shazza": a pet name made of a user's given name, when it is no word or name of its own.
    // (…its possessive too: "Shazza's calendar", "robbos late tasks".)
    const pet = t.script === 'lat' && lang === 'en' ? this.petName(toks, k, idx) : null;
    if (pet) return { entries: pet, fuzzy: false };
    // "summer haze" for Summer Hayes: a short word beside its user's other name, sounding like it.
    if (t.norm.length < FUZZY_MIN_LENGTH && t.script === 'lat' && !t.allCaps) return this.soundAlikeAfterName(toks, k, idx);
    // "на нину гогуа" for Нино Гогуа: a short given name a letter off the given name of the user
    // whose surname is said right after it (the general rule below starts at five letters).
    if (t.norm.length === FUZZY_MIN_LENGTH - 1 && t.script === 'cyr' && !t.allCaps) {
      const known = this.deps.morph ? this.deps.morph.analyze(t.norm).filter((p) => p.dictionary) : [];
      if (known.length === 0 || known.some((p) => p.name)) return this.misheardNameBeforeSurname(toks, k, idx);
    }
    if (t.norm.length < FUZZY_MIN_LENGTH || t.allCaps || t.script === 'other') return null;
    if (t.script === 'lat') {
      // In lower case (speech), a word one or two letters off a name is that name only where a
      // name stands: the surname right after its user's exact given name ("rustam galeev")…
      const beside = this.misheardBeside(toks, k, idx) ?? (lang === 'en' ? this.misheardFullName(toks, k, idx) : null);
      if (beside) return beside;
      // …or the subject of a plan question ("does oksanna have …"), or the addressee before a
      // colon ("task for oksanna: …").
      const personPlace = this.lowerSubjectAt(toks, k) || this.addresseeBeforeColon(toks, k) || this.afterTaskPreposition(toks, k) || this.afterMessageVerb(toks, k) || this.afterHandOver(toks, k);
      if (!capitalized && !personPlace) return null;
      // Where only a person stands, a Cyrillic user's name spelt in Latin letters is misheard by
      // the same rule ("khabibulina" for Хабибуллина, "aigerim" for Айгерим's "aygerim"), unless
      // the word is a name of its own or a directory form is nearer.
      if (personPlace && !nearestForms(idx, t.norm) && !this.deps.grammar.en.givenNames.has(t.norm)) {
        const spelt = nearestSpeltForms(idx, t.norm);
        const forms = spelt ? spelt.forms.filter((f) => sameLatinOpening(f, t.norm)) : [];
        const entries = forms.flatMap((f) => idx.forms.get(f)!.filter((e) => !e.dim));
        if (entries.length) return { entries, fuzzy: true };
      }
    }
    // A real word (or a real name nobody here has: Вася is not Ваня) is never "misheard" — except
    // a form the dictionary reads only as a name of the other sex than the users it is near, in a
    // case that cannot stand here ("напиши надире": the man Надир's locative with no preposition,
    // or the woman Нодира misheard, whose dative it fits).
    const known = t.script === 'cyr' && this.deps.morph ? this.deps.morph.analyze(t.norm).filter((p) => p.dictionary) : [];
    // …except a real surname a letter off the surname of the user whose exact given name stands
    // right before it: the recogniser misheard it ("айдару галееву" for Айдар Галиев).
    // (A surname that names a place too, "Абдулино", is still a surname: "Абдулину" for Абдуллин.)
    if (t.script === 'cyr' && known.some((p) => p.surname) && known.every((p) => p.surname || isProperNoun(p))) {
      const beside = this.misheardSurnameAfterName(toks, k, idx);
      if (beside) return beside;
      // A surname the dictionary knows, a letter off a user's surname in a case it is read in, is
      // that surname mistyped or misheard ("для Гольберга" for Гольдберг): a surname is not a
      // given name, which names another person (Вася is not Ваня).
      const near = misheardSurname(known, t.norm, idx);
      if (near) return near;
    }
    // "у милены абрамян" for Милана Абрамян: a real given name a letter off the given name of the
    // user whose surname is said, exactly, right after it.
    // (…or a word no dictionary has, or has as another word too: "у бодана петренко" for Богдан
    // Петренко — "бодана" is also a form of "бодать".)
    if (t.script === 'cyr' && (known.length === 0 || known.some((p) => p.name))) {
      const beside = this.misheardNameBeforeSurname(toks, k, idx);
      if (beside) return beside;
    }
    // (A noun spelt like the name, "надир", is that name's reading too.)
    const nameLemmas = new Set(known.filter((p) => p.name).map((p) => p.lemma));
    if (known.length && !known.every((p) => p.name || p.surname || nameLemmas.has(p.lemma))) return null;
    const found = nearestForms(idx, t.norm);
    if (!found) return null;
    // A known given name (Kevin) is that stranger, never a user's surname misheard (Levin) — only
    // the same name spelt another way (Lucas for Lukas), or a user's given name a letter off with
    // its first letter (nlu.md's rule: Christine for Christina, Kiran for Kieran). (A capitalised
    // name that is a word too is that stranger always: Frank is not Fran, Summer not Sumner.)
    const given = t.script === 'lat' && (en.givenNames.has(t.norm) || (t.cap && !t.initial && en.commonWords.has(t.norm)));
    const nameOnly = en.givenNames.has(t.norm) && !en.commonWords.has(t.norm);
    const near = given ? found.forms.filter((f) => sameSpelling(f, t.norm) || (nameOnly && f[0] === t.norm[0] && idx.forms.get(f)!.every((e) => e.field === FIELD_FIRST && !e.dim))) : found.forms;
    if (near.length === 0) return null;
    const entries: FormEntry[] = [];
    for (const f of near) entries.push(...idx.forms.get(f)!);
    // A name that sounds like a user's is that user misheard ("матфею" for Матвей); otherwise a
    // known name only in the locative, which needs a preposition none stands before ("напиши надире").
    // (nlu.md's rule in Russian too: a given name the dictionary knows, five letters or more, a letter
    // off a user's given name with the same first letter, is that user misheard — "ренату" for Ринат.)
    // (Of the same sex and in a case the word is said in: "ренате", Рената's dative, is no Ринат.)
    // (The locative needs a preposition, so it names nobody by itself: "ренате" is no Ринат's "о Ринате".)
    const misheardName = (): boolean => {
      if (!known.every((p) => (p.name || nameLemmas.has(p.lemma)) && !p.plural)) return false;
      // ("с Инной Сидоренко" with an Инга here: a known name followed by a surname nobody here has,
      // capitalised, is a stranger's full name — no user misheard.)
      const n = toks[k + 1];
      if (n?.word && n.script === 'cyr' && n.cap && !n.initial && n.index === t.end + 1 && !idx.forms.has(n.norm) && this.deps.morph?.analyze(n.norm).some((p) => p.surname)) return false;
      const names = known.filter((p) => p.name);
      const cases = names.reduce((m, p) => m | caseBit(p.case ?? 'nomn'), 0) & ~caseBit('loct');
      const sexes = new Set(names.map((p) => p.gender));
      return near.every((f) => f[0] === t.norm[0] && idx.forms.get(f)!.every((e) => e.field === FIELD_FIRST && !e.dim && (e.mask & cases) !== 0 && sexes.has(idx.sex[e.user])));
    };
    if (known.length && !found.sound && !misheardName()) {
      const prev = toks[k - 1];
      const afterPreposition = !!prev?.word && this.deps.grammar.ru.prepositions.has(prev.norm);
      if (afterPreposition || !known.every((p) => p.case === 'loct') || !otherSexForms(known.filter((p) => p.name), entries, near, t.norm, idx)) return null;
    }
    return { entries, fuzzy: true };
  }

  private matchSpan(
    src: string,
    toks: Token[],
    i: number,
    hitAt: (k: number) => TokenHits | null,
    idx: DirectoryIndex,
  ): { len: number; cands: Candidate[] } | null {
    const h0 = hitAt(i);
    if (!h0) return null;
    for (let len = 3; len >= 2; len--) {
      if (i + len > toks.length) continue;
      let ok = true;
      const hs: TokenHits[] = [h0];
      for (let k = 1; k < len && ok; k++) {
        const tk = toks[i + k]!;
        const h = tk.word && adjacent(src, toks[i + k - 1]!, tk) ? hitAt(i + k) : null;
        if (h) hs.push(h);
        else ok = false;
      }
      if (!ok) continue;
      const cands = multiCandidates(hs);
      if (cands.length > 0) return { len, cands };
    }
    const t = toks[i]!;
    // A lone one- or two-letter word in lower case (ли, ян) is too weak to be a surname.
    if (t.script === 'cyr' && t.norm.length <= 2 && !(t.cap && !t.initial)) return null;
    // "shivon" alone may be a stranger's own name; it is Siobhan's only beside her surname.
    if (t.script === 'lat' && idx.spokenOnly.has(t.norm)) return null;
    const byUser = new Map<number, Candidate>();
    for (const e of h0.entries) {
      // A surname in the other gender's form counts only next to the same user's first name; one
      // part of a double surname counts alone too ("message pillay" for Christine Pillay-Naidoo).
      if (e.dim && e.field === FIELD_LAST && !partOfDoubleSurname(idx, e.user, t.norm)) continue;
      const tier = h0.fuzzy ? 2 : e.dim ? 1 : 0;
      const c = byUser.get(e.user);
      if (!c) byUser.set(e.user, { user: e.user, mask: e.mask, tier });
      else {
        // Keep the better tier's cases; merge cases within the same tier.
        if (tier < c.tier) {
          c.tier = tier;
          c.mask = e.mask;
        } else if (tier === c.tier) c.mask |= e.mask;
      }
    }
    return byUser.size > 0 ? { len: 1, cands: [...byUser.values()] } : null;
  }

  /**
   * "Сергею Сергееву" in a portal of Сергей Иванов and Иван Сергеев: a first name and a last name
   * said together, in one case, that belong to two different users and to nobody together, name
   * somebody who is not in the portal; taking either user alone would be a guess.
   */
  private strangerFullName(
    src: string,
    toks: Token[],
    i: number,
    hitAt: (k: number) => TokenHits | null,
    idx: DirectoryIndex,
  ): { name: string; mask: number } | null {
    const a = toks[i]!;
    const b = toks[i + 1];
    if (!b || !a.word || !b.word || !adjacent(src, a, b)) return null;
    const ha = hitAt(i);
    const hb = hitAt(i + 1);
    if (!ha || !hb || ha.fuzzy || hb.fuzzy) return null;
    const usersA = new Set(ha.entries.map((e) => e.user));
    if (hb.entries.some((e) => usersA.has(e.user))) return null;
    for (const [x, y] of [[FIELD_FIRST, FIELD_LAST], [FIELD_LAST, FIELD_FIRST]] as const) {
      for (const ea of ha.entries) {
        if (ea.field !== x) continue;
        const eb = hb.entries.find((e) => e.field === y && (e.mask & ea.mask) !== 0);
        if (!eb) continue;
        const field = (e: FormEntry) => {
          const u = idx.users[e.user]!;
          return (e.field === FIELD_FIRST ? u.name : u.lastName) ?? '';
        };
        return { name: `${field(ea)} ${field(eb)}`.trim(), mask: ea.mask & eb.mask };
      }
    }
    return null;
  }

  /**
   * A patronymic right after a name is part of it, whether or not the directory knows it
   * ("Смирнову Антону Павловичу", "с Ивановой Марией Сергеевной", "Марии Сергеевне Ивановой"):
   * never a title word or a second person. Returns the span's new length.
   */
  private patronymicAfter(src: string, toks: Token[], i: number, len: number, users: Set<number>, hitAt: (k: number) => TokenHits | null, idx: DirectoryIndex): number {
    const morph = this.deps.morph;
    const k = i + len;
    const t = toks[k];
    if (!t || !t.word || !adjacent(src, toks[k - 1]!, t)) return len;
    // "for Oleg Petrovich": a patronymic in Latin letters nobody in the directory has, after a first name.
    if (t.script === 'lat') {
      const first = hitAt(k - 1)?.entries.some((e) => users.has(e.user) && e.field === FIELD_FIRST);
      const endings = this.deps.grammar.en.patronymicEndings;
      // (Six letters at least, and a stem before the ending: "Ilyich", never "which".)
      if (!first || hitAt(k) || t.norm.length < 6 || !endings.some((e) => t.norm.endsWith(e) && t.norm.length > e.length + 1)) return len;
      // "Yaroslav Igorevich Sobol": the same user's surname after it, as spelt or a letter or two
      // off its Latin spelling (the patronymic between hides it from misheardBeside).
      const n = toks[k + 1];
      if (!n?.word || n.script !== 'lat' || !adjacent(src, t, n)) return len + 1;
      const own = hitAt(k + 1)?.entries.some((e) => users.has(e.user) && e.field === FIELD_LAST);
      const near = !own && [...users].some((u) => nearLatinSurname(idx, u, n.norm));
      return own || near ? len + 2 : len + 1;
    }
    if (!morph || t.script !== 'cyr') return len;
    const parses = morph.analyze(t.norm);
    if (!parses.some((p) => p.dictionary && p.patronymic && !p.plural)) {
      // "Дулме Бальжиновне", "баиру цыреновичу": a patronymic made from a name no dictionary has
      // (six letters at least, a patronymic's ending in any case), after a user's given name.
      const first = hitAt(k - 1)?.entries.some((e) => users.has(e.user) && e.field === FIELD_FIRST);
      // ("баиру доржиевичу" beside a Доржиева: a name only a letter or two off is no match for it.)
      const hit = hitAt(k);
      if (!first || parses.some((p) => p.dictionary) || (hit && !hit.fuzzy) || t.norm.length < 6 || !this.patronymicShaped(t.norm)) return len;
    }
    // The surname after the patronymic, when it is the same user's.
    const n = toks[k + 1];
    const h = n && n.word && adjacent(src, t, n) ? hitAt(k + 1) : null;
    return h && h.entries.some((e) => users.has(e.user) && e.field === FIELD_LAST) ? len + 2 : len + 1;
  }

  /** Does a Cyrillic word end as a patronymic does, a stem of three letters at least before it? */
  private patronymicShaped(word: string): boolean {
    return this.deps.grammar.ru.patronymicEndings.some((e) => word.endsWith(e) && word.length > e.length + 2);
  }

  /** A Latin capital letter (a dot after it or not) between a given name and the surname of a
   *  user it names: the span over all three, that user's. */
  private middleInitialAfter(src: string, toks: Token[], i: number, cands: Candidate[], hitAt: (k: number) => TokenHits | null, idx: DirectoryIndex): { len: number; cands: Candidate[] } | null {
    const m = toks[i + 1];
    if (!m?.word || m.script !== 'lat' || !adjacent(src, toks[i]!, m)) return null;
    // ("Abdirahman Mohamed Hassan": a middle name, a father's name said between, is one too.)
    // ("Hafiz bin Rahman", "Siti binti Osman": a word saying "son/daughter of" before the father's
    // name, which the portal keeps as the surname.)
    const connector = this.deps.grammar.en.nameConnectors.has(m.norm);
    // (In lower case from speech, any word that is no common English one: "anil kumar persad".)
    const middleName = connector || (m.text.length > 2 && (m.cap || this.deps.grammar.en.givenNames.has(m.norm) || !this.deps.grammar.en.englishWords.hasCommon(m.norm)) && !this.isFunctionWord(m, 'en'));
    // ("priya k venkatraman": in speech the initial comes in lower case, the surname maybe misheard.)
    const spoken = !middleName && m.text.length === 1 && m.text === m.text.toLowerCase();
    if (!middleName && !spoken && (m.text.length !== 1 || m.text === m.text.toLowerCase())) return null;
    const dot = !middleName && toks[i + 2]?.text === '.' && toks[i + 2]!.index === m.end ? 1 : 0;
    const k = i + 2 + dot;
    const last = toks[k];
    if (!last?.word || !(dot ? /^\s+$/.test(src.slice(toks[k - 1]!.end, last.index)) : adjacent(src, m, last))) return null;
    if (spoken) {
      const exact = new Set(hitAt(k)?.entries.filter((e) => e.field === FIELD_LAST).map((e) => e.user) ?? []);
      const kept = cands.filter((c) => exact.has(c.user) || (last.script === 'lat' && nearLatinSurname(idx, c.user, last.norm)));
      return kept.length ? { len: k - i + 1, cands: kept } : null;
    }
    // ("Nguyen Van Minh": Vietnamese order, the surname first and the given name last.)
    const atI = hitAt(i)?.entries ?? [];
    const users = new Set(hitAt(k)?.entries.filter((e) => e.field === FIELD_LAST || (e.field === FIELD_FIRST && !e.dim && atI.some((x) => x.user === e.user && x.field === FIELD_LAST))).map((e) => e.user) ?? []);
    const kept = cands.filter((c) => users.has(c.user));
    return kept.length ? { len: k - i + 1, cands: kept } : null;
  }

  private firstNameWithUnknownSurname(src: string, toks: Token[], i: number, cands: Candidate[], hitAt: (k: number) => TokenHits | null): { name: string; mask: number } | null {
    const morph = this.deps.morph;
    const h = hitAt(i);
    const n = toks[i + 1];
    // (A real given name only a letter off a colleague's counts too: "с Аланом Дзагоевым" with an
    // Аслан here is Алан Дзагоев, a stranger.)
    if (!morph || !h || !n || !n.word || n.script !== 'cyr' || n.norm.length < 5 || !adjacent(src, toks[i]!, n) || hitAt(i + 1)) return null;
    for (const e of h.entries) if (e.field !== FIELD_FIRST) return null;
    // (A patronymic's ending makes it the user's patronymic: patronymicAfter.)
    if (this.patronymicShaped(n.norm)) return null;
    const parses = morph.analyze(n.norm);
    for (const p of parses) if (p.dictionary) return null;
    let mask = 0;
    for (const c of cands) mask |= c.mask;
    let best: MorphParse | undefined;
    for (const p of parses) if (!best && p.surname && !p.plural && (mask & caseBit(p.case ?? 'nomn')) !== 0) best = p;
    if (!best) return null;
    let first: MorphParse | undefined;
    for (const p of morph.analyze(toks[i]!.norm)) if (!first && p.dictionary && p.name && (mask & caseBit(p.case ?? 'nomn')) !== 0) first = p;
    if (!first) return null;
    return { name: `${capitalize(first.nominative)} ${capitalize(best.nominative)}`, mask: caseBit(best.case ?? 'nomn') };
  }

  /** The token after an honorific and its dot, and after a second one ("Herr Dr. Schneider"); -1 when
   *  toks[i] is none. */
  private afterHonorifics(toks: Token[], i: number): number {
    const honorifics = this.deps.grammar.en.honorifics;
    if (!honorifics.has(toks[i]!.norm)) return -1;
    let j = i;
    for (let n = 0; n < 2 && toks[j]?.word && honorifics.has(toks[j]!.norm); n++) {
      j++;
      const dot = toks[j];
      if (dot && !dot.word && dot.text === '.' && dot.index === toks[j - 1]!.end) j++;
    }
    return j;
  }

  /** "mr becker", "Mrs. Becker", "dr hale": an honorific and a user's surname; the honorific's sex
   *  picks among the users with that surname. Null when no user of that sex has it. */
  private honorificAt(src: string, toks: Token[], i: number, hitAt: (k: number) => TokenHits | null, idx: DirectoryIndex): { last: number; cands: Candidate[] } | null {
    const sex = this.deps.grammar.en.honorifics.get(toks[i]!.norm);
    if (sex === undefined) return null;
    const j = this.afterHonorifics(toks, i);
    const s = toks[j];
    if (!s?.word || !adjacent(src, toks[j - 1]!, s)) return null;
    const h = hitAt(j);
    if (!h) return null;
    // "Dr. Ashot Petrosyan", "Ms Elvira Kim": the honorific before a given name and surname of one user.
    const n = toks[j + 1];
    const hn = n?.word && adjacent(src, s, n) ? hitAt(j + 1) : null;
    if (hn) {
      const both = h.entries.filter((e) => e.field === FIELD_FIRST && hn.entries.some((x) => x.user === e.user && x.field === FIELD_LAST));
      if (both.length) return { last: j + 1, cands: [...new Map(both.map((e) => [e.user, { user: e.user, mask: e.mask, tier: 0 }])).values()] };
    }
    const want = sex === 'M' ? 'masc' : sex === 'F' ? 'femn' : null;
    const given = this.deps.grammar.en.honorificsGiven.has(toks[i]!.norm);
    // "Mr Long", "Ms Linh": where colleagues are called by the given name (Vietnam, Thailand, the
    // Philippines) any title goes before it — taken when no surname of the word is here at all.
    const byGiven = given || !h.entries.some((e) => e.field === FIELD_LAST);
    // ("Ato Tesfaye" with a Tesfaye Gebre and a Yonas Tesfaye: Ethiopians put the title before the given name only.)
    const givenOnly = this.deps.grammar.en.honorificsGivenOnly.has(toks[i]!.norm) && h.entries.some((e) => e.field === FIELD_FIRST && !e.dim && (!want || idx.sex[e.user] === want));
    const byUser = new Map<number, Candidate>();
    for (const e of h.entries) {
      if (givenOnly && e.field !== FIELD_FIRST) continue;
      // (A short form after a title said to a given name: "oga Femi" for Olufemi.)
      // (…and a part of a surname of two said alone: "licenciado Luna" for Luna Herrera.)
      if (!(e.field === FIELD_LAST || (byGiven && e.field === FIELD_FIRST)) || (e.dim && !(given && e.field === FIELD_FIRST) && e.field !== FIELD_LAST) || (want && idx.sex[e.user] !== want)) continue;
      const c = byUser.get(e.user);
      if (c) c.mask |= e.mask;
      else byUser.set(e.user, { user: e.user, mask: e.mask, tier: h.fuzzy ? 2 : 0 });
    }
    // ("Call Mr. Iyer from Ashok Leyland" with only a woman surnamed Iyer here: somebody else, no
    // user — the caller passes over the honorific and the surname.)
    if (!byUser.size && want && h.entries.some((e) => e.field === FIELD_LAST)) return { last: j, cands: [] };
    return byUser.size ? { last: j, cands: [...byUser.values()] } : null;
  }

  /** "rustam galeev", "ksenia zhuravlyova" (or "rustan galiev"): a Latin word within the allowed
   *  edits of the surname of a user whose exact given name stands right before it (or of the given
   *  name of a user whose exact surname follows) is that name misheard. The first letter stays. */
  private misheardBeside(toks: Token[], k: number, idx: DirectoryIndex): TokenHits | null {
    const t = toks[k]!;
    // ("mark sharp's task" for Mark Sharpe: the possessive of the surname misheard.)
    const word = t.script === 'lat' ? t.norm.replace(/'s$/, '') : t.norm;
    const max = allowedEdits(word);
    const entries: FormEntry[] = [];
    for (const [side, known, wanted] of [[-1, FIELD_FIRST, FIELD_LAST], [1, FIELD_LAST, FIELD_FIRST]] as const) {
      const n = toks[k + side];
      // "hanna kowalcyk": a surname misheard after its user's given name misheard too (first letters kept).
      // (Only where the word itself is near some surname: no fuzzy look-up for every word.)
      const exact = n?.word ? (idx.forms.get(n.norm) ?? (side === -1 && n.script === 'lat' && nearSurname(idx, t.norm) ? nearEntries(idx, n.norm) : undefined)) : undefined;
      if (!exact) continue;
      for (const e of exact) {
        if (e.field !== known || entries.some((x) => x.user === e.user)) continue;
        // (Beside the other half said exactly, the name as the user has it sets the allowance: "ciaran
        // mcgovan" for McGovern, two letters off a surname of eight.)
        if (latinNameForms(idx, e.user, wanted).some((f) => this.misheardAs(f, word, max && Math.max(max, allowedEdits(f))))) {
          entries.push({ user: e.user, field: wanted, mask: ALL_CASES, dim: false });
        }
      }
      if (entries.length) break;
    }
    return entries.length ? { entries, fuzzy: true } : null;
  }

  /** "summer haze": a short Latin word right after a user's exact given name that sounds like
   *  that user's surname (the short-word case of misheardBeside, without its fuzzy look-ups). */
  private soundAlikeAfterName(toks: Token[], k: number, idx: DirectoryIndex): TokenHits | null {
    const prev = toks[k - 1];
    const firsts = prev?.word && prev.script === 'lat' ? idx.forms.get(prev.norm) : undefined;
    if (!firsts) return null;
    const t = toks[k]!;
    const entries: FormEntry[] = [];
    for (const e of firsts) {
      if (e.field !== FIELD_FIRST || entries.some((x) => x.user === e.user)) continue;
      if (latinNameForms(idx, e.user, FIELD_LAST).some((f) => soundsLikeLatin(t.norm, f))) entries.push({ user: e.user, field: FIELD_LAST, mask: ALL_CASES, dim: false });
    }
    return entries.length ? { entries, fuzzy: true } : null;
  }

  /** Is `word` the name form `f` misheard: a letter or two off with the same opening sound
   *  ("silberman" for Zilberman)? */
  private misheardAs(f: string, word: string, max: number): boolean {
    // (…or the same name in another spelling of its sounds: "siddiki" for Siddiqui.)
    if (max > 0 && sameSpelling(f, word)) return true;
    return sameLatinOpening(f, word) && Math.abs(f.length - word.length) <= max && levenshtein(f, word) <= max;
  }

  /** "shoot Polina Dumas a message": a capitalised Latin word nobody here has, between the given
   *  name of one user (as said, not misheard) and "a message" / "a task" (surnameBeforeObject), is
   *  that user's surname as heard. Not a weekday or other non-name ("send Polina Friday a …"). */
  private surnameBeforeObject(src: string, toks: Token[], i: number, cands: Candidate[], hitAt: (k: number) => TokenHits | null): boolean {
    const en = this.deps.grammar.en;
    const { articles, nouns } = en.surnameBeforeObject;
    const h = hitAt(i);
    if (!h || h.fuzzy || cands.length !== 1 || !h.entries.some((e) => e.user === cands[0]!.user && e.field === FIELD_FIRST)) return false;
    const [n, art, noun] = [toks[i + 1], toks[i + 2], toks[i + 3]];
    if (!n?.word || !art?.word || !noun?.word || !articles.has(art.norm) || !nouns.has(noun.norm)) return false;
    if (n.script !== 'lat' || !n.cap || n.initial || n.allCaps || n.norm.length < 2 || hitAt(i + 1)) return false;
    if (en.notNames.has(n.norm) || en.selfPronouns.has(n.norm) || en.prepositions.has(n.norm) || en.conjunctions.has(n.norm)) return false;
    return adjacent(src, toks[i]!, n) && adjacent(src, n, art) && adjacent(src, art, noun);
  }

  /** A capitalised Latin word that may be a name (no initial, no acronym, no listed non-name).
   *  (Methods, not closures made per token: the hot loop would pay for each.) */
  private latinNameLike(x: Token): boolean {
    return x.word && x.script === 'lat' && x.cap && !x.initial && !x.allCaps && x.norm.length >= 2 && !this.deps.grammar.en.notNames.has(x.norm);
  }

  /** …and one that may be the name of somebody nobody here has (no "me", "myself"). */
  private readonly unknownNameLike = (x: Token): boolean => this.latinNameLike(x) && !this.deps.grammar.en.selfPronouns.has(x.norm);

  /** A Latin word that may be half of a misheard full name (misheardFullName). */
  private readonly misheardUsable = (x: Token | undefined): x is Token => {
    const en = this.deps.grammar.en;
    return !!x?.word && x.script === 'lat' && !x.allCaps && x.norm.length >= FUZZY_MIN_LENGTH && !en.notNames.has(x.norm) && !en.commonWords.has(x.norm) && !en.givenNames.has(x.norm) && !en.misheardAfterTask.groups.has(x.norm);
  };

  /** "with margareta habibulina" for Маргарита Хабибуллина: right after a person preposition or a
   *  message verb, two Latin words each within the allowed edits of one user's given name and
   *  surname (either order, first letters kept) are that user, both misheard — together strong
   *  evidence, though either alone would be too weak. A known given name of its own (Angela) is
   *  left alone. Returns the entry of token k. */
  private misheardFullName(toks: Token[], k: number, idx: DirectoryIndex): TokenHits | null {
    const en = this.deps.grammar.en;
    const usable = this.misheardUsable;
    for (const a of [k, k - 1]) {
      const ta = toks[a];
      const tb = toks[a + 1];
      const p = toks[a - 1];
      if (!usable(ta) || !usable(tb) || !p?.word || !(en.unknownNamePrepositions.has(p.norm) || en.unknownNameAfter.has(p.norm))) continue;
      const entries: FormEntry[] = [];
      const max = allowedEdits(tb.norm);
      for (const e of nearLatinEntries(idx, ta.norm)) {
        if (e.dim || (e.field !== FIELD_FIRST && e.field !== FIELD_LAST) || entries.some((x) => x.user === e.user)) continue;
        const other = e.field === FIELD_FIRST ? FIELD_LAST : FIELD_FIRST;
        const fits = latinNameForms(idx, e.user, other).some((f) => f[0] === tb.norm[0] && Math.abs(f.length - tb.norm.length) <= max && levenshtein(f, tb.norm) <= max);
        if (fits) entries.push({ user: e.user, field: a === k ? e.field : other, mask: ALL_CASES, dim: false });
      }
      if (entries.length) return { entries, fuzzy: true };
    }
    return null;
  }

  /** A Cyrillic surname within the allowed edits of a surname form of the user whose exact given
   *  name stands right before it, in the same case; the first letter stays. */
  private misheardSurnameAfterName(toks: Token[], k: number, idx: DirectoryIndex): TokenHits | null {
    const t = toks[k]!;
    const prev = toks[k - 1];
    const firsts = prev?.word ? idx.forms.get(prev.norm) : undefined;
    if (!firsts) return null;
    const max = allowedEdits(t.norm);
    const entries: FormEntry[] = [];
    for (const e of firsts) {
      if (e.field !== FIELD_FIRST || entries.some((x) => x.user === e.user)) continue;
      for (const f of cyrillicNameForms(idx, e.user, FIELD_LAST)) {
        if (f[0] !== t.norm[0] || Math.abs(f.length - t.norm.length) > max || levenshtein(f, t.norm) > max) continue;
        const mask = (idx.forms.get(f) ?? []).filter((x) => x.user === e.user && x.field === FIELD_LAST).reduce((m, x) => m | x.mask, 0);
        if (mask & e.mask) entries.push({ user: e.user, field: FIELD_LAST, mask: mask & e.mask, dim: false });
      }
    }
    return entries.length ? { entries, fuzzy: true } : null;
  }

  private misheardNameBeforeSurname(toks: Token[], k: number, idx: DirectoryIndex): TokenHits | null {
    const t = toks[k]!;
    const next = toks[k + 1];
    const lasts = next?.word ? idx.forms.get(next.norm) : undefined;
    if (!lasts || t.norm.length < FUZZY_MIN_LENGTH - 1) return null;
    const entries: FormEntry[] = [];
    for (const e of lasts) {
      if (e.field !== FIELD_LAST || e.dim || entries.some((x) => x.user === e.user)) continue;
      for (const f of cyrillicNameForms(idx, e.user, FIELD_FIRST)) {
        // (A letter changed, or dropped or doubled: "бодана" for Богдана.)
        if (f[0] !== t.norm[0] || Math.abs(f.length - t.norm.length) > 1 || levenshtein(f, t.norm) !== 1) continue;
        const mask = (idx.forms.get(f) ?? []).filter((x) => x.user === e.user && x.field === FIELD_FIRST).reduce((m, x) => m | x.mask, 0);
        if (mask & e.mask) entries.push({ user: e.user, field: FIELD_FIRST, mask: mask & e.mask, dim: false });
      }
    }
    return entries.length ? { entries, fuzzy: true } : null;
  }

  /** "task for oksanna: …", "message oksanna: …": right before the colon that ends the addressing. */
  private addresseeBeforeColon(toks: Token[], k: number): boolean {
    const en = this.deps.grammar.en;
    const colon = toks[k + 1];
    const b = toks[k - 1];
    return !!colon && colon.text === ':' && colon.index === toks[k]!.end && !!b?.word && (en.unknownNamePrepositions.has(b.norm) || en.unknownNameAfter.has(b.norm));
  }

  /** Between a word like "does" and one like "have": the subject of a plan question; or between
   *  "for" and "to" (misheardBetween). */
  private lowerSubjectAt(toks: Token[], k: number): boolean {
    const b = toks[k - 1];
    const a = toks[k + 1];
    if (!b?.word || !a?.word) return false;
    const { unknownLowerSubject: lower, misheardBetween: between } = this.deps.grammar.en;
    return (lower.after.has(b.norm) && lower.before.has(a.norm)) || (between.after.has(b.norm) && between.before.has(a.norm));
  }

  /** "assign a task to fischer …", "any overdue tasks for mehtta": right after a preposition that
   *  follows a task word, where only a person stands (misheardAfterTask). */
  /** "tell papadopulos the shipment …": right after a message verb ("text", "tell", "ping"),
   *  where only the addressee stands — not before an object word ("tell the team"). */
  private afterMessageVerb(toks: Token[], k: number): boolean {
    const en = this.deps.grammar.en;
    const p = toks[k - 1];
    return !!p?.word && en.unknownNameAfter.has(p.norm) && !en.notNames.has(toks[k]!.norm) && !en.misheardAfterTask.notBefore.has(toks[k]!.norm);
  }

  /** "send a message to oisin the invoice is paid": a lower-case word after a message word and
   *  "to", with a clause opening right after it, names the recipient however unusual the name —
   *  not a group, a department or an ordinary little word (misheardAfterTask.clauseOpeners, groups). */
  private recipientBeforeClause(src: string, toks: Token[], i: number): boolean {
    const en = this.deps.grammar.en;
    const { messages, messagePrepositions, clauseOpeners, groups, notBefore } = en.misheardAfterTask;
    const t = toks[i]!;
    const p = toks[i - 1];
    const w = toks[i - 2];
    const n = toks[i + 1];
    if (!t.word || t.script !== 'lat' || t.cap || t.norm.length < 3 || !p?.word || !n?.word) return false;
    if (!clauseOpeners.has(n.norm) || !adjacent(src, p, t) || !adjacent(src, t, n)) return false;
    // ("tell zang the fiber guy is here": right after a telling verb, a word no English dictionary
    // has but as a proper noun, before a clause, is whom it is told to.)
    const told = en.unknownNameAfter.has(p.norm) && this.noEnglishWord(t, true);
    if (!told && (!w?.word || !messagePrepositions.has(p.norm) || !messages.has(w.norm))) return false;
    const x = t.norm;
    return !groups.has(x) && !notBefore.has(x) && !en.notNames.has(x) && !en.commonWords.has(x) && !en.selfPronouns.has(x) && !en.prepositions.has(x) && !en.conjunctions.has(x);
  }

  /** "hand the task over to agnieshka": after "over" and "to", the one it goes to (misheardAfterTask.handOver). */
  private afterHandOver(toks: Token[], k: number): boolean {
    const en = this.deps.grammar.en;
    const p = toks[k - 1];
    const w = toks[k - 2];
    const n = toks[k + 1];
    if (!p?.word || !w?.word || p.norm !== 'to' || !en.misheardAfterTask.handOver.has(w.norm)) return false;
    return !en.notNames.has(toks[k]!.norm) && !(n?.word && en.misheardAfterTask.notBefore.has(n.norm));
  }

  private afterTaskPreposition(toks: Token[], k: number): boolean {
    const en = this.deps.grammar.en;
    const { tasks, prepositions, notBefore, meetings, meetingPrepositions, messages, messagePrepositions, clauseOpeners } = en.misheardAfterTask;
    const p = toks[k - 1];
    const w = toks[k - 2];
    const n = toks[k + 1];
    if (!p?.word || !w?.word) return false;
    // "my meeting with haruta": after a kind of meeting and "with" only an attendee stands as well.
    // "send a message to kowalcyk": after a message word and "to", the recipient.
    const meeting = meetingPrepositions.has(p.norm) && meetings.has(w.norm);
    const message = messagePrepositions.has(p.norm) && messages.has(w.norm);
    const item = meeting || (prepositions.has(p.norm) && tasks.has(w.norm)) || message;
    if (!item) return false;
    // (A task's "to" may open its verb, "a task to clear the …"; a meeting's "with" is followed by
    // whom: "the meeting with kwami an hour later"; a message's "to" by whom and the text, which
    // may open with "the": "send a message to christodolou the rigging plan is …".)
    return !en.notNames.has(toks[k]!.norm) && !(n?.word && notBefore.has(n.norm) && !meeting && !(message && clauseOpeners.has(n.norm)));
  }

  /** "marks demo task": a word that is a name and an "s", with a possessed noun among the next
   *  three words and no article before it. */
  private bareSPossessive(toks: Token[], k: number): boolean {
    const en = this.deps.grammar.en;
    const prev = toks[k - 1];
    if (prev?.word && en.notBeforePossessive.has(prev.norm)) return false;
    for (let j = k + 1; j <= k + 3 && j < toks.length; j++) {
      const n = toks[j]!;
      if (!n.word) return false;
      if (en.possessedNouns.has(n.norm)) return true;
    }
    return false;
  }

  /** Said in lower case, "mark" is a name before the same user's last name ("mark turner") or in
   *  a person's place ("to grace", "send mark …"), unless a number follows ("to may 5"). */
  private commonWordIsName(toks: Token[], k: number, idx: DirectoryIndex): boolean {
    const mine = idx.forms.get(toks[k]!.norm);
    if (!mine) return false;
    const next = toks[k + 1];
    // (The surname may carry the possessive: "grace fisher's schedule".)
    const nextForms = next?.word ? idx.forms.get(next.norm) ?? (next.norm.endsWith("'s") ? idx.forms.get(next.norm.slice(0, -2)) : undefined) : undefined;
    if (nextForms?.some((e) => e.field === FIELD_LAST && mine.some((m) => m.user === e.user && m.field === FIELD_FIRST))) return true;
    const prev = toks[k - 1];
    // "mr page": a surname that is a word, right after an honorific (or a given name: "khun may").
    if (prev?.word && this.deps.grammar.en.honorifics.has(prev.norm) && mine.some((m) => m.field === FIELD_LAST || m.field === FIELD_FIRST)) return true;
    // ("the bell lad": …or right before an honorific said after a name.)
    if (next?.word && this.deps.grammar.en.honorificsAfter.has(next.norm) && mine.some((m) => m.field === FIELD_LAST || m.field === FIELD_FIRST)) return true;
    // …and a surname that is a word ("oliver may") right after the same user's given name.
    if (prev?.word && idx.forms.get(prev.norm)?.some((e) => e.field === FIELD_FIRST && mine.some((m) => m.user === e.user && m.field === FIELD_LAST))) return true;
    // "what tasks does grace have": the subject of a plan question is a user's name too.
    // ("what's april doing next week", "is april free on friday": userSubject, the same with "is".)
    const { unknownLowerSubject, userSubject } = this.deps.grammar.en;
    const subject = (around: { after: Set<string>; before: Set<string> }) => !!prev?.word && !!next?.word && around.after.has(prev.norm) && around.before.has(next.norm);
    if ((subject(unknownLowerSubject) || subject(userSubject)) && mine.some((m) => m.field === FIELD_FIRST || m.field === FIELD_LAST)) return true;
    if (!prev?.word || !this.deps.grammar.en.commonWordSlots.has(prev.norm)) return false;
    // ("a task to chase the Publix invoice": after a task's "to" and before an article, the verb.)
    const { tasks, notBefore } = this.deps.grammar.en.misheardAfterTask;
    const before2 = toks[k - 2];
    if (prev.norm === 'to' && before2?.word && tasks.has(before2.norm) && next?.word && notBefore.has(next.norm)) return false;
    return !next || !/^\d/.test(next.text);
  }

  /** A lower-case Cyrillic word that the dictionary also knows as something other than a name. */
  private isCommonWord(t: Token): boolean {
    const morph = this.deps.morph;
    if (!morph || t.script !== 'cyr' || (t.cap && !t.initial)) return false;
    return morph.analyze(t.norm).some((p) => p.dictionary && !p.name && !p.surname && !p.patronymic && !isProperNoun(p));
  }

  /** "встречу с вероникой": after a meeting noun and "с", a word the dictionary reads as a first
   *  name in the instrumental is the one met (persons-ru.yaml meetingWith). */
  /** "задачу на вику найти упаковщиц": between a task's noun with "на" and the infinitive that is
   *  its content, a name in the accusative is the one it is for, though a plant is called so too. */
  private assignedBeforeInfinitive(src: string, toks: Token[], i: number, prep: Preposition | undefined): boolean {
    if (!prep || prep.word !== 'на' || i < 2) return false;
    const noun = toks[i - 2]!;
    const next = toks[i + 1];
    if (!noun.word || !this.deps.grammar.ru.taskNouns.has(noun.norm) || !next?.word || !adjacent(src, toks[i]!, next)) return false;
    const morph = this.deps.morph!;
    return morph.analyze(next.norm).some((p) => p.dictionary && p.pos === 'INFN') && morph.analyze(toks[i]!.norm).some((p) => p.dictionary && p.name && !p.plural && p.case === 'accs');
  }

  private metWith(src: string, toks: Token[], i: number, prep: Preposition | undefined, prev: Found | undefined): boolean {
    if (!prep || (prep.word !== 'с' && prep.word !== 'со') || i < 2) return false;
    const noun = toks[i - 2]!;
    // "совещание с вадимом и (с) розой": the next one met, after a person met the same way.
    const conj = this.deps.grammar.ru.conjunctions;
    const listed =
      (prev?.preposition === 'с' || prev?.preposition === 'со') &&
      ((prev.last === i - 2 && conj.has(toks[i - 1]!.norm)) || (prev.last === i - 3 && conj.has(noun.norm)));
    if (!listed && (!noun.word || !adjacent(src, noun, toks[i - 1]!) || !this.deps.grammar.ru.meetingWith.has(noun.norm))) return false;
    return this.deps.morph!.analyze(toks[i]!.norm).some((p) => p.dictionary && p.name && !p.plural && p.case === 'ablt');
  }

  /** "напиши саше что …", "скажи вере …": right after an imperative (or a command's noun, "сообщение
   *  саше"; persons-ru.yaml addresseeAfter), with no preposition, a word
   *  the dictionary also reads as a first name in the dative is the addressee, even when it is an
   *  ordinary word too (саше, вера). */
  private addresseeAfterImperative(src: string, toks: Token[], i: number, prep: Preposition | undefined): boolean {
    const j = i - 1;
    const after = j >= 0 && adjacent(src, toks[j]!, toks[i]!) && this.deps.grammar.ru.addresseeAfter.has(toks[j]!.norm);
    if (prep || !(after || this.afterVerb(src, toks, i, 'impr'))) return false;
    return this.deps.morph!.analyze(toks[i]!.norm).some((p) => p.dictionary && p.name && !p.plural && p.case === 'datv');
  }

  /** "Напиши Кочубею что …": right after an imperative, with "что", "чтобы", a comma or a colon after it. */
  private addressedBeforeClause(src: string, toks: Token[], i: number): boolean {
    const n = toks[i + 1];
    if (!n || !(n.word ? this.deps.grammar.ru.clauseOpeners.has(n.norm) : n.text === ',' || n.text === ':')) return false;
    return this.afterVerb(src, toks, i, 'impr');
  }

  /** Is the word right before token i an infinitive ('INFN') or an imperative ('impr')? */
  private afterVerb(src: string, toks: Token[], i: number, kind: 'INFN' | 'impr'): boolean {
    const j = i - 1;
    if (j < 0 || !adjacent(src, toks[j]!, toks[i]!) || toks[j]!.script !== 'cyr') return false;
    return !!this.deps.morph?.analyze(toks[j]!.norm).some((p) => p.dictionary && (kind === 'INFN' ? p.pos === 'INFN' : p.pos === 'VERB' && /\bimpr\b/.test(p.tag)));
  }

  /** Right after a role word, a colon or dash between them allowed ("исполнитель: Орлов"). */
  private afterRoleWord(toks: Token[], i: number): boolean {
    let j = i - 1;
    while (j >= 0 && !toks[j]!.word && /^[:—–-]$/.test(toks[j]!.text) && j >= i - 2) j--;
    return j >= 0 && toks[j]!.word && toks[j]!.script === 'cyr' && this.deps.grammar.ru.roleWords.has(toks[j]!.norm);
  }

  /** Further on in a list of names that opened right after a role word ("участники мороз ремпель и
   *  лобанов"): each name of it is a label too, in any case. */
  private listedAfterRoleWord(toks: Token[], i: number, found: readonly Found[]): boolean {
    const conj = this.deps.grammar.ru.conjunctions;
    let k = i;
    for (let n = 0; n < 8; n++) {
      const j = toks[k - 1]?.word && conj.has(toks[k - 1]!.norm) ? k - 2 : k - 1;
      const m = found.find((o) => o.last === j && o.kind === 'name');
      if (!m) return false;
      if (this.afterRoleWord(toks, m.first)) return true;
      k = m.first;
    }
    return false;
  }

  /** "the" right before token i, taken by no mention: a titled name's ("the licenciada Guerra",
   *  "t' Nowak lass"). */
  private articleBefore(src: string, toks: Token[], i: number, found: readonly Found[]): boolean {
    const art = toks[i - 1];
    return !!art?.word && art.norm === 'the' && adjacent(src, art, toks[i]!) && !found.some((o) => o.last === i - 1);
  }

  /** "our kev": a kin possessive right before a word that is some user's given name. */
  private kinPossessiveBefore(toks: Token[], k: number, entries: readonly FormEntry[] | undefined): boolean {
    return k > 0 && this.deps.grammar.en.kinPossessives.has(toks[k - 1]!.norm) && !!entries?.some((e) => e.field === FIELD_FIRST);
  }

  /** Right after a noun whose owner follows in the genitive ("задачи зайца"). */
  private afterPossessed(src: string, toks: Token[], i: number): boolean {
    const j = i - 1;
    return j >= 0 && adjacent(src, toks[j]!, toks[i]!) && this.deps.grammar.ru.possessedNouns.has(toks[j]!.norm);
  }

  /** Right after "в", "под", "над" …: a place or a thing follows, not a person. */
  private afterThingPreposition(src: string, toks: Token[], i: number): boolean {
    const j = i - 1;
    return j >= 0 && adjacent(src, toks[j]!, toks[i]!) && this.deps.grammar.ru.thingPrepositions.has(toks[j]!.norm);
  }

  /** A name reading said in lower case: the best reading, or the only kind besides place names
   *  ("васе" is also the town Васа) in a case a person takes here (`cases`: the preposition's,
   *  or the addressee's dative with none), so "лида" (the town Лида, or a lead) stays a word. */
  private likelyName(t: Token, capitalized: boolean, cases: number, noPreposition: boolean): boolean {
    const morph = this.deps.morph!;
    if (morph.isLikelyName(t.norm, capitalized)) return true;
    if (capitalized) return false;
    // With no preposition a locative reading is impossible ("роме" is Рома, not rum).
    // After a preposition only the readings in a case it governs count: "на аркадия" is Аркадий
    // (the region Аркадия would be "на аркадию"); "на розу" stays a rose as much as Роза.
    const parses = morph
      .analyze(t.norm)
      .filter((p) => p.dictionary && !(noPreposition && p.case === 'loct' && !isNameParse(p)) && (noPreposition || (caseBit(p.case ?? 'nomn') & cases) !== 0));
    return (
      parses.some((p) => isNameParse(p) && (caseBit(p.case ?? 'nomn') & cases) !== 0) &&
      parses.every((p) => isNameParse(p) || p.surname || p.patronymic || isProperNoun(p))
    );
  }

  // ---- grammar ----

  private preposition(src: string, toks: Token[], i: number, lang: Lang, prev: Found | undefined): Preposition | undefined {
    const g = this.deps.grammar;
    let j = i - 1;
    if (j < 0 || !adjacent(src, toks[j]!, toks[i]!)) return undefined;
    let roleWord = false;
    if (lang === 'ru' && g.ru.roleWords.has(toks[j]!.norm)) {
      if (j - 1 < 0 || !adjacent(src, toks[j - 1]!, toks[j]!)) return undefined;
      j--;
      roleWord = true;
    }
    const w = toks[j]!.norm;
    if (lang === 'ru' || toks[j]!.script === 'cyr') {
      const m = g.ru.prepositions.get(w);
      if (m !== undefined) return roleWord ? { word: w, mask: m, roleWord } : { word: w, mask: m };
    }
    if (lang === 'en' && g.en.prepositions.has(w) && !g.en.conjunctions.has(w)) return { word: w, mask: 0 };
    if (lang === 'en' && j > 0 && g.en.boundPrepositions.get(w)?.has(toks[j - 1]!.norm) && adjacent(src, toks[j - 1]!, toks[j]!)) return { word: w, mask: 0 };
    // "с Марией Ивановой и Ольгой Лебедевой": the second person keeps the first one's preposition.
    const conj = lang === 'en' ? g.en.conjunctions : g.ru.conjunctions;
    if (conj.has(w) && prev && prev.last === j - 1 && prev.preposition) {
      return { word: prev.preposition, mask: prev.prepMask };
    }
    // "с королевым журавлевым и монгушем": speech lists names with no "и" between them — a name
    // right after a user's name (two surnames are never one person) keeps its preposition, in
    // the case the first one was said in.
    if (lang === 'ru' && j === i - 1 && prev && prev.kind === 'name' && prev.last === j && prev.preposition) {
      let said = 0;
      for (const c of prev.cases) said |= caseBit(c);
      // (Only when this word can be read in that case: "от оксаны шевчук богдану" gives Богдану
      // no "от".)
      const mask = prev.prepMask & said;
      if (mask && this.deps.morph?.analyze(toks[i]!.norm).some((p) => p.case !== undefined && (caseBit(p.case) & mask) !== 0)) return { word: prev.preposition, mask };
    }
    return undefined;
  }

  /** Which of the users a span fits is meant, given the case its preposition governs. */
  private decide(
    cands: Candidate[],
    prepMask: number,
    order: readonly GramCase[],
    idx: DirectoryIndex,
  ): { slot: PersonSlot; mask: number } {
    let pool = cands;
    let byPrep = false;
    if (prepMask !== 0) {
      const fit = cands.filter((c) => (c.mask & prepMask) !== 0);
      if (fit.length > 0) {
        pool = fit;
        byPrep = true;
      }
    }
    const isSelf = (c: Candidate) => idx.users[c.user]!.id === idx.selfId;
    const maskOf = (c: Candidate) => (byPrep ? c.mask & prepMask : c.mask);
    // Grammar first: among the readings in the best case, somebody other than the speaker wins
    // ("напиши Саше" is Александра, not the speaker Александр); the speaker only when nobody else
    // fits that case ("напиши Александру" is the speaker, Александру being dative).
    const rank = (c: Candidate) => (byPrep ? 0 : caseRank(c.mask, order));
    let bestRank = Infinity;
    for (const c of pool) bestRank = Math.min(bestRank, rank(c));
    const atBest = pool.filter((c) => rank(c) === bestRank);
    const others = atBest.filter((c) => !isSelf(c));
    if (others.length === 0) {
      const self = atBest.find(isSelf)!;
      return { slot: { self: true }, mask: maskOf(self) };
    }
    let bestTier = Infinity;
    for (const c of others) bestTier = Math.min(bestTier, c.tier);
    const chosen = others.filter((c) => c.tier === bestTier);
    const ids = [...new Set(chosen.map((c) => idx.users[c.user]!.id))].sort((a, b) => a - b);
    let mask = 0;
    for (const c of chosen) mask |= maskOf(c);
    return { slot: ids.length === 1 ? { userId: ids[0]! } : { candidates: ids }, mask };
  }

  private mention(
    src: string,
    toks: Token[],
    first: number,
    last: number,
    slot: PersonSlot,
    kind: PersonMention['kind'],
    mask: number,
    prep: Preposition | undefined,
  ): Found {
    const index = toks[first]!.index;
    const end = toks[last]!.end;
    const m: Found = { index, end, text: src.slice(index, end), slot, kind, cases: caseList(mask), first, last, prepMask: prep?.mask ?? 0 };
    if (prep) m.preposition = prep.word;
    if (prep?.roleWord) m.roleWord = true;
    return m;
  }

  // ---- names nobody in the directory has ----

  /** English has no morphology to ask: only a capitalised word right after "to" ("Send a
   *  message to Bob") is taken, up to two words (Bob Jones). */
  private unknownEnAt(
    src: string,
    toks: Token[],
    i: number,
    lang: Lang,
    prev: Found | undefined,
    hitAt: (k: number) => TokenHits | null,
  ): Found | null {
    const en = this.deps.grammar.en;
    const t = toks[i]!;
    if (en.knownCompanies.has(t.norm)) return null;
    // Speech has no capitals: "message priya: …", "new task for kevin: …" — a lower-case word
    // right before the colon that ends the addressing part is a name too.
    const colon = toks[i + 1];
    const lowerBeforeColon =
      !!colon && colon.text === ':' && colon.index === t.end && t.word && t.script === 'lat' && !t.cap && t.norm.length >= 2 &&
      !en.notNames.has(t.norm) && !en.selfPronouns.has(t.norm) && !en.prepositions.has(t.norm);
    if (!this.unknownNameLike(t) && !lowerBeforeColon) {
      // "with vera and jessica", "to kevin", "message bob …": a known given name in lower case after
      // a person preposition (or a list's "and" after one), or right after a message verb, is that
      // unknown person.
      if (t.word && t.script === 'lat' && !t.cap && en.givenNames.has(t.norm)) {
        const prep = this.preposition(src, toks, i, lang, prev);
        const before = i > 0 ? toks[i - 1]!.norm : '';
        // "send dave a message: …" likewise.
        if (this.byPersonPreposition(prep, before) || (en.unknownNameAfter.has(before) && adjacent(src, toks[i - 1]!, t)) || (en.unknownNameBeforeTo.has(before) && this.assignedBeforeTo(src, toks, i)) || this.strangerBeforeObject(src, toks, i, (x) => x === t)) {
          // "for dmitry volkov to …": a Russian surname in Latin letters after it is the same person's.
          const s = toks[i + 1];
          // ("for kevin walsh to …", "with sarah quinn on monday": so is any word after it that is no
          // common English word and nobody's name here — a surname the lexicon has, if at all, as a
          // proper noun.)
          if (s?.word && s.script === 'lat' && adjacent(src, t, s) && ((s.norm.length >= 5 && en.latinSurnameEndings.test(s.norm)) || this.strangerSurnameInLowerCase(s, toks[i + 2], hitAt(i + 1))) && !en.commonWords.has(s.norm) && !en.notNames.has(s.norm)) {
            return this.mention(src, toks, i, i + 1, { unresolved: `${capitalize(t.text)} ${capitalize(s.text)}` }, 'unknown', 0, prep);
          }
          return this.mention(src, toks, i, i, { unresolved: capitalize(t.text) }, 'unknown', 0, prep);
        }
      }
      // "a task for rohan to …", "a message to mina saying …", "with mandla and Hope": in lower
      // case, a word that is no English word between a person preposition and the end of the name.
      // ("shoot kim a message that …": so is one between a sending verb and its message, a proper
      // noun of the dictionary too — nobody sends a city a message.)
      if (this.strangerInLowerCase(src, toks, i, lang, prev) || (this.noEnglishWord(t, true) && this.strangerBeforeObject(src, toks, i, (x) => x === t))) return this.mention(src, toks, i, i, { unresolved: capitalize(t.text) }, 'unknown', 0, this.preposition(src, toks, i, lang, prev));
      // "a call with professor hughes": in lower case, an honorific and the surname after it, after
      // a person preposition, are that unknown person.
      const s = toks[i + 1];
      // (Not when the word after it is a colleague's name: "with oga femi" is Olufemi, called so.)
      if (t.word && t.script === 'lat' && en.honorifics.has(t.norm) && s?.word && s.script === 'lat' && adjacent(src, t, s) && s.norm.length >= 2 && !en.notNames.has(s.norm) && !en.prepositions.has(s.norm) && !en.conjunctions.has(s.norm) && !hitAt(i + 1)) {
        const prep = this.preposition(src, toks, i, lang, prev);
        // ("tell auntie grace …": right after a telling verb as well.)
        const b = i > 0 ? toks[i - 1]! : undefined;
        // (A courtesy title of a sex — mr, pak, pan — is no part of the name; a post or degree is: "Professor Hughes".)
        const courtesy = en.honorifics.get(t.norm) !== '-';
        const name = courtesy ? capitalize(s.text) : `${capitalize(t.text)} ${capitalize(s.text)}`;
        if (this.byPersonPreposition(prep, b?.norm ?? '') || (b?.word && en.unknownNameAfter.has(b.norm) && adjacent(src, b, t))) return this.mention(src, toks, i, i + 1, { unresolved: name }, 'unknown', 0, prep);
      }
      if (this.recipientBeforeClause(src, toks, i)) return this.mention(src, toks, i, i, { unresolved: capitalize(t.text) }, 'unknown', 0, this.preposition(src, toks, i, lang, prev));
      // "does kevin have …": in lower case only as the subject of a plan question.
      const lower = en.unknownLowerSubject;
      const b = toks[i - 1];
      // ("message takahashi san that …": the honorific after the name stands between.)
      const titled = !!toks[i + 1]?.word && en.honorificsAfter.has(toks[i + 1]!.norm) && adjacent(src, t, toks[i + 1]!);
      const a = titled ? toks[i + 2] : toks[i + 1];
      const subject =
        t.word && t.script === 'lat' && !t.cap && t.norm.length >= 3 && !en.notNames.has(t.norm) && !en.selfPronouns.has(t.norm) && !en.commonWords.has(t.norm) &&
        // ("write down that …", "text report that …": a common English word is no stranger's name, unless a given name too.)
        (!en.englishWords.hasCommon(t.norm) || en.givenNames.has(t.norm)) &&
        !!b?.word && lower.after.has(b.norm) && adjacent(src, b, t) && !!a?.word && lower.before.has(a.norm) && adjacent(src, titled ? toks[i + 1]! : t, a);
      // "write to jessica that …" keeps its "to", as the capitalised name does.
      return subject ? this.mention(src, toks, i, i, { unresolved: capitalize(t.text) }, 'unknown', 0, this.preposition(src, toks, i, lang, prev)) : null;
    }
    const prep = this.preposition(src, toks, i, lang, prev);
    const before = i > 0 ? toks[i - 1]!.norm : '';
    // "to Bob", "for Dmitri", "with Lena, Omar and Paulo" (the list keeps its preposition), the
    // addressee of "text Ivy", the subject of "does Kevin have …".
    const beforeObject = this.strangerBeforeObject(src, toks, i, this.unknownNameLike);
    // ("Assign Kevin to recount the tent aisle": after a verb of giving work, one or two capitalised
    // words and "to" before a lower-case verb — not "assign Budget Review to Priya".)
    // (…or a known given name right after it: "Assign Kevin a task: …".)
    const assigned = en.unknownNameBeforeTo.has(before) && (this.assignedBeforeTo(src, toks, i) || en.givenNames.has(t.norm));
    // ("What's Steve got on tomorrow?": the subject of a plan question, as in lower case.)
    const nextNorm = toks[i + 1]?.word ? toks[i + 1]!.norm : '';
    const subject = en.unknownLowerSubject.after.has(before) && en.unknownLowerSubject.before.has(nextNorm);
    if (!this.byPersonPreposition(prep, before) && !en.unknownNameAfter.has(before) && !beforeObject && !assigned && !subject) return null;
    let last = i;
    const nx = toks[i + 1];
    // "with Harlow Logistics", "for Acme Ltd": a company, not a person nobody here has.
    for (let k = i; k <= i + 3 && k < toks.length && toks[k]!.word && (k === i || adjacent(src, toks[k - 1]!, toks[k]!)); k++) {
      if (en.companyWords.has(toks[k]!.norm)) return null;
      if (!this.unknownNameLike(toks[k]!)) break;
    }
    // ("to Sunil Perera" with Kasun and Dilani Perera here: a given name nobody has before a surname that is
    // only a surname here is one stranger of that surname.)
    const surnameOnly = (h: TokenHits | null) => !h || (!h.fuzzy && h.entries.every((e) => e.field === FIELD_LAST));
    // (A given name, not a title: "with Chef Nakamura" is the user Nakamura.)
    const joins = () => !hitAt(i + 1) || (nx!.cap && (en.givenNames.has(t.norm) || !en.englishWords.hasCommon(t.norm)));
    if (!lowerBeforeColon && nx && this.unknownNameLike(nx) && adjacent(src, t, nx) && surnameOnly(hitAt(i + 1)) && joins()) last = i + 1;
    if (!lowerBeforeColon && this.russianPlace(src, toks, i)) return null;
    // ("for Batch 14", "with Wave 3": a number right after it makes it a numbered thing.)
    if (/^\s+\d/.test(src.slice(toks[last]!.end, toks[last]!.end + 3))) return null;
    // ("dinner with Moscow buyers": a plural noun right after it makes it their qualifier, a place or a firm.)
    const owner = toks[last + 1];
    if (owner?.word && owner.script === 'lat' && !owner.cap && adjacent(src, toks[last]!, owner) && en.englishWords.pluralNoun(owner.norm)) return null;
    const name = toks.slice(i, last + 1).map((x) => (lowerBeforeColon ? capitalize(x.text) : x.text)).join(' ');
    return this.mention(src, toks, i, last, { unresolved: name }, 'unknown', 0, prep);
  }

  /** "на дальнем поле": a lower-case word after an adjective that agrees with it as a thing is that
   *  thing, no stranger (Поля); people are not described so in a command. Pronouns ("моей вере")
   *  decide nothing. */
  private adjectiveOfThingBefore(src: string, toks: Token[], i: number): boolean {
    const morph = this.deps.morph;
    const a = toks[i - 1];
    if (!morph || !a?.word || a.script !== 'cyr' || a.cap || !adjacent(src, a, toks[i]!)) return false;
    const adjs = morph.analyze(a.norm).filter((p) => p.dictionary && p.pos === 'ADJF' && !/\bApro\b/.test(p.tag));
    if (!adjs.length) return false;
    const parses = morph.analyze(toks[i]!.norm).filter((p) => p.dictionary);
    const agree = (x: MorphParse, n: MorphParse) => n.case === x.case && n.plural === x.plural && (x.plural || n.gender === x.gender);
    const things = parses.filter((p) => p.pos === 'NOUN' && !isNameParse(p) && !p.name && !p.surname);
    return adjs.some((x) => things.some((n) => agree(x, n)));
  }

  /** "assign Kevin to recount …": one or two words from toks[i], then "to" and a lower-case word. */
  private assignedBeforeTo(src: string, toks: Token[], i: number): boolean {
    for (let k = i; k <= i + 1; k++) {
      const to = toks[k + 1];
      const verb = toks[k + 2];
      if (to?.word && to.norm === 'to' && verb?.word && !verb.cap && verb.script === 'lat' && adjacent(src, toks[k]!, to)) return true;
      if (!toks[k + 1]?.word) return false;
    }
    return false;
  }

  /** Is toks[i] where a journey goes: "trip to Sofia", "flight from Milan" (persons-en.yaml journeys)? */
  private destinationAt(toks: Token[], i: number): boolean {
    const { nouns, prepositions } = this.deps.grammar.en.journeys;
    const p = toks[i - 1];
    const n = toks[i - 2];
    return i >= 2 && !!p?.word && prepositions.has(p.norm) && !!n?.word && nouns.has(n.norm);
  }

  /** Is toks[i] a prefix of names ("mohd", "nur") right before a colleague's given name? */
  private namePrefixAt(src: string, toks: Token[], i: number, hitAt: (k: number) => TokenHits | null): boolean {
    const t = toks[i]!;
    const n = toks[i + 1];
    return t.word && t.script === 'lat' && this.deps.grammar.en.namePrefixes.has(t.norm) && !!n?.word && adjacent(src, t, n) && !!hitAt(i + 1)?.entries.some((e) => e.field === FIELD_FIRST);
  }

  private surnameInitialAfter(src: string, toks: Token[], i: number, cands: Candidate[], idx: DirectoryIndex): Candidate[] | null {
    const n = toks[i + 1];
    if (!n?.word || n.text.length !== 1 || !adjacent(src, toks[i]!, n)) return null;
    // (Not a one-letter word: "на валентину и на четверг", "tell max a joke".)
    const g = this.deps.grammar;
    // (A Cyrillic one only as written, "Женя В.": lower-case "в", "с", "к" are prepositions.)
    if ((n.script === 'cyr' && !n.cap) || g.ru.conjunctions.has(n.norm) || g.en.notNames.has(n.norm) || g.en.conjunctions.has(n.norm)) return null;
    const letter = n.norm;
    const kept = cands.filter((c) => normalizeWord(idx.users[c.user]!.lastName ?? '').startsWith(letter) || latinNameForms(idx, c.user, FIELD_LAST).some((f) => f.startsWith(letter)));
    return kept.length > 0 && (kept.length < cands.length || (cands.length === 1 && n.cap)) ? kept : null;
  }

  private strangerInLowerCase(src: string, toks: Token[], i: number, lang: Lang, prev: Found | undefined): boolean {
    const en = this.deps.grammar.en;
    const t = toks[i]!;
    // (The cheap tests of the place first: this runs for most lower-case English words.)
    const b = toks[i - 1];
    const between = en.unknownLowerBetween;
    if (!b?.word || (!between.after.has(b.norm) && !en.conjunctions.has(b.norm))) return false;
    const a = toks[i + 1];
    // ("a task on jun-jun clean …": a syllable said twice, a Filipino nickname, needs no closing word.)
    const doubled = !t.cap && t.script === 'lat' && /^(\p{L}{2,})-\1$/u.test(t.norm) && !en.englishWords.has(t.norm);
    // ("with habib bhai at ten": an honorific said after the name closes it too.)
    if (a && !doubled && !(!a.word && (a.text === ',' || a.text === ':' || a.text === '.')) && !(a.word && (between.before.has(a.norm) || en.honorificsAfter.has(a.norm)))) return false;
    // (Before an honorific a rare dictionary word is a name too: "habib".)
    if (!adjacent(src, b, t) || !(doubled || this.noEnglishWord(t, !!a?.word && en.honorificsAfter.has(a.norm)))) return false;
    return between.after.has(b.norm) || this.byPersonPreposition(this.preposition(src, toks, i, lang, prev), b.norm);
  }

  private modifierAfterArticle(toks: Token[], k: number): boolean {
    const en = this.deps.grammar.en;
    const b = toks[k - 1];
    const a = toks[k + 1];
    // ("the nyeri lab", a place's name before its noun, is no person either.)
    // ("the bell lad": an honorific said after a name is no noun it modifies.)
    return !!b?.word && en.articles.has(b.norm) && !!a?.word && a.script === 'lat' && !a.cap && en.englishWords.hasCommon(a.norm) && !en.prepositions.has(a.norm) && !en.conjunctions.has(a.norm) && !en.honorificsAfter.has(a.norm);
  }

  /** "do i have …", "Did you …": an auxiliary of auxiliaryBeforeSubject.words right before one of its subjects. */
  private auxiliaryBeforeSubject(src: string, toks: Token[], i: number): boolean {
    const { words, subjects } = this.deps.grammar.en.auxiliaryBeforeSubject;
    const t = toks[i]!;
    const n = toks[i + 1];
    // (This runs for every English word: the set look-ups that mostly fail come first.)
    if (t.script !== 'lat' || !words.has(t.norm) || !n?.word || !subjects.has(n.norm) || !adjacent(src, t, n)) return false;
    // (Not where a name is expected: "tell will i will be late".)
    const p = toks[i - 1];
    return !(p?.word && (this.deps.grammar.en.commonWordSlots.has(p.norm) || this.deps.grammar.en.unknownNameAfter.has(p.norm)));
  }

  /** "at three sharp", "by 5pm latest": a lower-case word of timeQualifiers.words right after a time. */
  private timeQualifier(toks: Token[], i: number): boolean {
    const { words, after } = this.deps.grammar.en.timeQualifiers;
    const t = toks[i]!;
    const p = toks[i - 1];
    return !t.cap && t.script === 'lat' && words.has(t.norm) && !!p && (/^\d{1,2}(?::\d{2})?(?:am|pm)?$/i.test(p.text) || (p.word && after.has(p.norm)));
  }

  /** A lower-case Latin word that can be a stranger's surname after a given name said in lower case:
   *  three letters or more ("o'brien" too), no common English word, no given name (a list without
   *  "and" goes on: "with mike kyle …"), no month, and nobody's given name in the portal. */
  private strangerSurnameInLowerCase(s: Token, after: Token | undefined, hit: TokenHits | null): boolean {
    const en = this.deps.grammar.en;
    if (after?.word && !en.strangerSurnameBefore.has(after.norm)) return false;
    // (A surname that is only some users' surname here may be the stranger's too: "kevin walsh".)
    if (hit && (hit.fuzzy || !hit.entries.every((e) => e.field === FIELD_LAST))) return false;
    if (s.cap || !/^(?:[od]'[a-z]{2,}|[a-z]{3,})$/.test(s.norm)) return false;
    return !(en.englishWords.hasCommon(s.norm) || en.givenNames.has(s.norm) || en.months.has(s.norm) || en.prepositions.has(s.norm) || en.conjunctions.has(s.norm) || en.selfPronouns.has(s.norm) || en.honorifics.has(s.norm));
  }

  /** A lower-case Latin word of three letters or more that no English dictionary has ("grainne");
   *  `proper`: one it has only as a proper noun counts too ("kim"). */
  private noEnglishWord(t: Token, proper = false): boolean {
    const en = this.deps.grammar.en;
    if (!t.word || t.script !== 'lat' || t.cap || t.norm.length < 3 || !/^[a-z]+$/.test(t.norm)) return false;
    return !((proper ? en.englishWords.hasCommon(t.norm) : en.englishWords.has(t.norm)) || en.notNames.has(t.norm) || en.commonWords.has(t.norm) || en.prepositions.has(t.norm) || en.conjunctions.has(t.norm) || en.selfPronouns.has(t.norm));
  }

  /** "Send Dave a message: …", "drop Kwame Asante a line": one or two capitalised words right after
   *  a verb of sending (surnameBeforeObject.verbs) and right before "a message" / "a note" (its
   *  articles and nouns) — the one it is sent to, whoever it is. A group or a company is not. */
  private strangerBeforeObject(src: string, toks: Token[], i: number, nameLike: (x: Token) => boolean): boolean {
    const en = this.deps.grammar.en;
    const { articles, nouns, verbs } = en.surnameBeforeObject;
    const v = toks[i - 1];
    if (!v?.word || !verbs.has(v.norm) || !adjacent(src, v, toks[i]!)) return false;
    for (let k = i; k <= i + 1; k++) {
      const t = toks[k];
      if (!t || !nameLike(t) || (k > i && !adjacent(src, toks[k - 1]!, t))) return false;
      if (en.misheardAfterTask.groups.has(t.norm) || en.companyWords.has(t.norm) || en.prepositions.has(t.norm) || en.conjunctions.has(t.norm)) return false;
      // ("Send Kevin from Tatua a message: …": where they are from may stand before the article.)
      const from = toks[k + 1]?.word && (toks[k + 1]!.norm === 'from' || toks[k + 1]!.norm === 'at') && toks[k + 2]?.word && toks[k + 2]!.cap ? 2 : 0;
      const art = toks[k + 1 + from];
      if (!art?.word || !articles.has(art.norm) || !adjacent(src, toks[k + from]!, art)) continue;
      // (One word may stand between: "a quick note", "a short message".)
      for (let j = k + 2 + from; j <= k + 3 + from; j++) {
        const noun = toks[j];
        if (!noun?.word || !adjacent(src, toks[j - 1]!, noun)) break;
        if (nouns.has(noun.norm)) return true;
        if (noun.cap || noun.script !== 'lat' || en.prepositions.has(noun.norm) || en.conjunctions.has(noun.norm)) break;
      }
    }
    return false;
  }

  /** "for Bolshaya Nikitskaya", "Leninsky Prospekt", "Tverskaya ulitsa": a capitalised word and the
   *  word after it, one of them a place noun, or the first ending as a Russian adjective, neither a
   *  known given name (russianPlaces) — a street or a place, not a person nobody here has. */
  private russianPlace(src: string, toks: Token[], i: number): boolean {
    const en = this.deps.grammar.en;
    const { adjectiveEndings, nouns } = en.russianPlaces;
    const a = toks[i]!;
    const b = toks[i + 1];
    if (!b?.word || b.script !== 'lat' || !adjacent(src, a, b)) return false;
    if (en.givenNames.has(a.norm) || en.givenNames.has(b.norm)) return false;
    if (nouns.has(a.norm) || nouns.has(b.norm)) return true;
    return b.cap && a.norm.length >= 6 && adjectiveEndings.some((e) => a.norm.endsWith(e));
  }

  /** Right after an English person preposition ("to", "for", "with"), or after a list's "and"
   *  that carries one ("with Lena, Omar and Paulo"). */
  private byPersonPreposition(prep: Preposition | undefined, before: string): boolean {
    const en = this.deps.grammar.en;
    return !!prep && en.unknownNamePrepositions.has(prep.word) && (before === prep.word || en.conjunctions.has(before));
  }

  /** "созвон с Tom Harris", "задача для John": in a Russian sentence a capitalised Latin word that
   *  is a known English given name, right after a person preposition (persons-ru.yaml
   *  latinUnknownAfter), is somebody not in the directory — with a capitalised Latin word after it
   *  as the surname. Russian morphology cannot read Latin names, so the given name is the evidence. */
  private unknownLatinInRu(
    src: string,
    toks: Token[],
    i: number,
    lang: Lang,
    prev: Found | undefined,
    hitAt: (k: number) => TokenHits | null,
  ): Found | null {
    const en = this.deps.grammar.en;
    const t = toks[i]!;
    if (!this.latinNameLike(t)) return null;
    const b = toks[i - 1];
    if (!b?.word || !this.deps.grammar.ru.latinUnknownAfter.has(b.norm) || !adjacent(src, b, t)) return null;
    let last = i;
    const nx = toks[i + 1];
    if (nx && this.latinNameLike(nx) && adjacent(src, t, nx) && !hitAt(i + 1)) last = i + 1;
    // (Any capitalised Latin name, known or not, when a colon closes it: "сообщение Zhang Wei: …".)
    const colon = toks[last + 1];
    // (…or two capitalised ones, the second no common English word nor a company's: "с Hope Williams".)
    const fullName = last === i + 1 && t.cap && nx!.cap && !en.englishWords.hasCommon(nx!.norm) && !en.companyWords.has(nx!.norm) && !en.knownCompanies.has(t.norm);
    if (!en.givenNames.has(t.norm) && !fullName && !(t.cap && colon?.text === ':' && colon.index === toks[last]!.end)) return null;
    const prep = this.preposition(src, toks, i, lang, prev);
    return this.mention(src, toks, i, last, { unresolved: toks.slice(i, last + 1).map((x) => x.text).join(' ') }, 'unknown', 0, prep);
  }

  private unknownAt(
    src: string,
    toks: Token[],
    i: number,
    lang: Lang,
    prev: Found | undefined,
    order: readonly GramCase[],
    hitAt: (k: number) => TokenHits | null,
    idx: DirectoryIndex,
  ): Found | null {
    const morph = this.deps.morph;
    const g = this.deps.grammar.ru;
    const t = toks[i]!;
    if (!morph || t.script !== 'cyr' || t.norm.length < 2 || this.isFunctionWord(t, lang) || g.notNames.has(t.norm)) return null;
    // ("проверить, ушли ли вагоны": a word of two letters in lower case is too weak to be a stranger, as to be a user.)
    if (t.norm.length <= 2 && !(t.cap && !t.initial)) return null;
    // "с ВкусВиллом", "в ТехноДоме": a capital inside a Cyrillic word makes it a brand, no person.
    if (/^[А-ЯЁ][а-яё]+[А-ЯЁ]/.test(t.text)) return null;
    if (this.afterThingPreposition(src, toks, i)) return null;
    // ("рецептуру зефира": in lower case, right after a common noun, a word that is a common noun's
    // genitive too is what that noun is of — no stranger Зефира.)
    const b = toks[i - 1];
    if (!t.cap && b?.word && b.script === 'cyr' && adjacent(src, b, t)) {
      // (An indeclinable noun says no case: "сообщение саше" is to Саша, no sachet's.)
      const ofNoun = morph.analyze(t.norm).some((p) => p.dictionary && p.pos === 'NOUN' && p.case === 'gent' && !isNameParse(p) && !p.surname && !isProperNoun(p) && normalizeWord(p.nominative) !== t.norm);
      const before = ofNoun ? morph.analyze(b.norm).filter((p) => p.dictionary) : [];
      if (before.length && before.every((p) => p.pos === 'NOUN' && !isNameParse(p) && !p.surname && !isProperNoun(p))) return null;
    }
    const prep = this.preposition(src, toks, i, lang, prev);
    const prepMask = prep?.mask ?? 0;
    const capitalized = (x: Token) => x.cap && !x.initial && !x.allCaps;
    if (!capitalized(t) && this.adjectiveOfThingBefore(src, toks, i)) return null;
    const names: string[] = [];
    let mask = ALL_CASES;
    let last = i - 1;
    let firstSex: 'masc' | 'femn' | undefined;
    for (let k = i; k < toks.length && k < i + 3; k++) {
      const tk = toks[k]!;
      // (A word read only weakly as a user's — "зуевым" as Тамара Зуева's surname said as a man's —
      // after a stranger's given name is that stranger's surname: "с владиславом зуевым".)
      const known = k > i ? hitAt(k) : null;
      // ("на Диану Ким" with only Валентина Ким here: a stranger's given name before a colleague's
      // surname, as said, in the same case, is a stranger of that surname — like "Sunil Perera".)
      const surnameOf = k === i + 1 && names.length === 1 && known && !known.fuzzy && adjacent(src, toks[k - 1]!, tk) ? known.entries.find((e) => e.field === FIELD_LAST && !e.dim && (e.mask & mask) !== 0) : undefined;
      if (surnameOf && known!.entries.every((e) => e.field === FIELD_LAST) && (!firstSex || idx.sex[surnameOf.user] === firstSex)) {
        mask &= surnameOf.mask;
        names.push(idx.users[surnameOf.user]!.lastName ?? capitalize(tk.norm));
        last = k;
        break;
      }
      if (!tk.word || tk.script !== 'cyr' || (k > i && (!adjacent(src, toks[k - 1]!, tk) || (known && !known.entries.every((e) => e.dim)))) || this.isFunctionWord(tk, lang)) break;
      if (g.notNames.has(tk.norm) || g.selfPronouns.has(tk.norm)) break;
      // After a name, a word no dictionary knows that reads as a surname in the same case is its
      // surname ("Васе Пупкину"): unknown surnames are the rule, not the exception.
      const all = k > i ? morph.analyze(tk.norm) : [];
      const guessedSurname = k > i && tk.norm.length >= 4 && !all.some((p) => p.dictionary) && all.some((p) => p.surname && !p.plural && (mask & caseBit(p.case ?? 'nomn')) !== 0);
      // "на Игната Сомова": a capitalised man's -ов/-ин surname in the given name's case, though the
      // dictionary knows the word as something else ("сомова", an adjective), is his surname.
      const shaped = k > i && capitalized(tk) && names.length === 1 ? MASC_SURNAME_CASES.find(([re, c]) => re.test(tk.norm) && (mask & caseBit(c)) !== 0) : undefined;
      if (shaped && !all.some((p) => p.dictionary && (p.pos === 'NOUN' || p.pos === 'VERB' || p.pos === 'INFN'))) {
        mask &= caseBit(shaped[1]);
        names.push(capitalize(tk.norm.replace(shaped[0], '$1')));
        last = k;
        continue;
      }
      if (
        !guessedSurname &&
        !this.likelyName(tk, capitalized(tk), prepMask || caseBit('datv'), !prep) &&
        !(k === i && (this.addresseeAfterImperative(src, toks, i, prep) || this.metWith(src, toks, i, prep, prev) || this.assignedBeforeInfinitive(src, toks, i, prep)))
      ) {
        break;
      }
      const parses = guessedSurname
        ? all.filter((p) => p.surname && !p.plural && (mask & caseBit(p.case ?? 'nomn')) !== 0)
        : morph.analyze(tk.norm).filter((p) => p.dictionary && isNameParse(p) && (mask & caseBit(p.case ?? 'nomn')) !== 0);
      const best = bestNameParse(parses, prepMask, order);
      if (!best) break;
      let m = 0;
      for (const p of parses) if (p.case && (!prepMask || prepMask & caseBit(p.case))) m |= caseBit(p.case);
      mask &= m || ALL_CASES;
      if (!names.length && (best.gender === 'masc' || best.gender === 'femn')) firstSex = best.gender;
      names.push(capitalize(best.nominative));
      last = k;
    }
    // "напиши толику что …": a short form of a name (diminutives.yaml) addressed after an imperative,
    // in the dative, though the dictionary reads it as a word (толика) and knows no such name.
    if (names.length === 0 && !prep && this.addressedBeforeClause(src, toks, i)) {
      const short = this.shortNameForm(t.norm);
      if (short && short.mask & caseBit('datv')) {
        names.push(short.nominative);
        mask = caseBit('datv');
        last = i;
      }
    }
    if (names.length === 0) {
      // A capitalised word nobody's dictionary knows right after a person preposition, in typed
      // text: "на Ахмедзянова". Words az knows (Казань, Ромашка) are not taken.
      // (…or right after an imperative, before "что" or a colon: "Напиши Кочубею что …", in the dative.)
      // (In lower case, from a recogniser, only a word read as a surname or name in the dative.)
      const parses = morph.analyze(t.norm);
      const spokenName = !capitalized(t) && parses.some((p) => !p.dictionary && (p.surname || p.name) && p.case === 'datv');
      const addressed = !prep && (capitalized(t) || spokenName) && this.addressedBeforeClause(src, toks, i);
      if ((!addressed && (!prep || prepMask === 0 || !capitalized(t))) || t.norm.length < 3) return null;
      // (Addressed, an animate noun in the dative is somebody too: "Кочубею".)
      const animate = (p: MorphParse) => p.pos === 'NOUN' && p.case === 'datv' && /\banim\b/.test(p.tag);
      if (parses.some((p) => p.dictionary && !(addressed && animate(p)))) return null;
      const want = addressed ? caseBit('datv') : prepMask;
      const guess = bestNameParse(parses.filter((p) => isNameParse(p) || (addressed && animate(p))), want, order);
      if (addressed && (!guess || guess.case !== 'datv')) return null;
      // After a genitive preposition a word that reads as no name is a company ("для
      // Газпромнефти"); other cases keep it, the guesser misses some ("с Кравцом").
      if (!guess && prepMask === caseBit('gent')) return null;
      // ("поставка на Коледино", "склад в Электроуглях": a place's name shaped as Russian villages'
      // are — -ово, -ево, -ино, -ыно — reads as no name: a place.)
      if (!guess?.dictionary && /(?:ов|ев|ин|ын)о$/.test(t.norm)) return null;
      // (…nor is an adjective of the neuter, no surname's ending: "на Лугинецкое месторождение".)
      if (!guess?.dictionary && /[ое]е$/.test(t.norm)) return null;
      names.push(guess ? capitalize(guess.nominative) : t.text);
      mask = guess?.case ? caseBit(guess.case) : ALL_CASES;
      last = i;
    }
    const slot: PersonSlot = { unresolved: names.join(' ') };
    return this.mention(src, toks, i, last, slot, 'unknown', mask, prep);
  }
}

/** Is a Latin word a user's surname (a Latin spelling of it) within the allowed edits, first letter kept? */
function nearLatinSurname(idx: DirectoryIndex, user: number, word: string): boolean {
  const max = allowedEdits(word);
  return max > 0 && latinNameForms(idx, user, FIELD_LAST).some((f) => f[0] === word[0] && Math.abs(f.length - word.length) <= max && levenshtein(f, word) <= max);
}

/** The entries of the names one or two letters off a Latin word, first letter kept (memoised lookup). */
function nearEntries(idx: DirectoryIndex, word: string): FormEntry[] | undefined {
  if (word.length < FUZZY_MIN_LENGTH) return undefined;
  const found = nearestForms(idx, word);
  if (!found) return undefined;
  const entries = found.forms.filter((f) => f[0] === word[0]).flatMap((f) => idx.forms.get(f) ?? []);
  return entries.length ? entries : undefined;
}

/** The entries of a Latin word's nearest directory forms, the Latin spellings of Cyrillic names
 *  included, first letter kept (memoised look-ups); exact forms too. */
function nearLatinEntries(idx: DirectoryIndex, word: string): FormEntry[] {
  const out: FormEntry[] = [...(idx.forms.get(word) ?? [])];
  for (const near of [nearestForms(idx, word), nearestSpeltForms(idx, word)]) {
    if (near) for (const f of near.forms) if (f[0] === word[0]) out.push(...idx.forms.get(f)!);
  }
  return out;
}

/** The users' surname forms within the allowed edits of a word the dictionary reads only as a
 *  surname, first letter kept, in a case of those readings; null when none. */
function misheardSurname(known: MorphParse[], word: string, idx: DirectoryIndex): TokenHits | null {
  const found = nearestForms(idx, word);
  if (!found) return null;
  let cases = 0;
  for (const p of known) if (!p.plural) cases |= caseBit(p.case ?? 'nomn');
  const entries: FormEntry[] = [];
  for (const f of found.forms) {
    // (A letter, not two: "сорокину" is Сорокин's, never Сорока's "сороку" with "ин" put in.)
    if (f[0] !== word[0] || (!found.sound && levenshtein(f, word) > 1)) continue;
    for (const e of idx.forms.get(f)!) if (e.field === FIELD_LAST && !e.dim && (e.mask & cases) !== 0) entries.push({ ...e, mask: e.mask & cases });
  }
  return entries.length ? { entries, fuzzy: true } : null;
}

/** Is a Latin word one or two letters off some user's surname (memoised lookup)? */
function nearSurname(idx: DirectoryIndex, word: string): boolean {
  if (word.length < FUZZY_MIN_LENGTH) return false;
  const found = nearestForms(idx, word);
  return !!found && found.forms.some((f) => f[0] === word[0] && idx.forms.get(f)!.some((e) => e.field === FIELD_LAST));
}

function sameSpelling(a: string, b: string): boolean {
  return latinSpellingKey(a) === latinSpellingKey(b);
}

/** A hyphen and a digit right after the word (Сокол-2, Alpha-7). */
function numberedAfter(src: string, t: Token): boolean {
  const c = src.charCodeAt(t.end);
  if (c !== 45 && c !== 8209 && c !== 8211) return false;
  const d = src.charCodeAt(t.end + 1);
  return d >= 48 && d <= 57;
}

/** A one-letter Cyrillic word with a full stop right after it: an initial ("О." of "О. И. Соколов"). */
function isInitialAt(src: string, toks: Token[], k: number): boolean {
  const t = toks[k];
  const dot = toks[k + 1];
  return !!t && !!dot && t.word && t.script === 'cyr' && t.norm.length === 1 && !dot.word && dot.text === '.' && dot.index === t.end;
}

/** A man's -ов/-ев/-ин surname in an oblique case: its ending, which case it is, the nominative left by $1. */
const MASC_SURNAME_CASES: readonly [RegExp, GramCase][] = [
  [/^([а-яё]{2,}(?:ов|ев|ёв|ин|ын))а$/, 'accs'],
  [/^([а-яё]{2,}(?:ов|ев|ёв|ин|ын))а$/, 'gent'],
  [/^([а-яё]{2,}(?:ов|ев|ёв|ин|ын))у$/, 'datv'],
  [/^([а-яё]{2,}(?:ов|ев|ёв|ин|ын))ым$/, 'ablt'],
  [/^([а-яё]{2,}(?:ов|ев|ёв|ин|ын))е$/, 'loct'],
];

/** A capital Latin letter with a full stop right after it ("P." of "P. Kinsella"). */
function isLatinInitialAt(src: string, toks: Token[], k: number): boolean {
  const t = toks[k];
  const dot = toks[k + 1];
  return !!t && !!dot && t.word && t.script === 'lat' && t.norm.length === 1 && t.cap && !dot.word && dot.text === '.' && dot.index === t.end;
}

/** Place, organisation and other proper-noun readings (az's Geox, Orgn, Trad). */
function isProperNoun(p: MorphParse): boolean {
  return /\b(?:Geox|Orgn|Trad)\b/.test(p.tag);
}

/**
 * Speech recognisers write a hyphenated surname as two words ("петрову водкину"): join two words
 * with a hyphen when the directory knows the joined form, keeping every character position.
 */
/** Is a day's number ("1", "5th") said right before or after the word, one space between? */
function besideDayNumber(src: string, t: Token): boolean {
  return /(?:^|[^\p{L}\d])\d{1,2}(?:st|nd|rd|th)?\s$/iu.test(src.slice(Math.max(0, t.index - 6), t.index)) || /^\s\d{1,2}(?:st|nd|rd|th)?(?![\p{L}\d:.])(?!\s*(?:am|pm|a\.m|p\.m|o'clock)\b)/iu.test(src.slice(t.end, t.end + 14));
}

function joinSplitSurnames(text: string, idx: DirectoryIndex): string {
  let hyphenated = HYPHENATED.get(idx);
  if (hyphenated === undefined) {
    // Whether any form has a hyphen or an apostrophe, and the two-part forms by their first part ("hart" → "hart-davies").
    hyphenated = { any: false, heads: new Map() };
    for (const k of idx.forms.keys()) {
      if (!k.includes('-') && !k.includes("'")) continue;
      hyphenated.any = true;
      if (!k.includes('-')) continue;
      const parts = k.split('-');
      if (parts.length !== 2 || !parts[0] || !parts[1]) continue;
      const list = hyphenated.heads.get(parts[0]);
      if (list) list.push(k);
      else hyphenated.heads.set(parts[0], [k]);
    }
    HYPHENATED.set(idx, hyphenated);
  }
  if (!hyphenated.any || !text.includes(' ')) return text;
  const toks = tokenize(text);
  let out: string[] | null = null;
  for (let k = 0; k + 1 < toks.length; k++) {
    const a = toks[k]!;
    const b = toks[k + 1]!;
    if (!a.word || !b.word || b.index !== a.end + 1 || text[a.end] !== ' ') continue;
    // (The last word may carry the possessive: "Jose Luis's tasks".)
    const bare = (w: string) => (w.endsWith("'s") ? w.slice(0, -2) : w);
    if (idx.forms.has(`${a.norm}-${b.norm}`) || idx.forms.has(`${a.norm}-${bare(b.norm)}`)) (out ??= [...text])[a.end] = '-';
    // "brendan o sullivan" for O'Sullivan: the apostrophe heard as a space.
    else if (a.norm.length <= 2 && idx.forms.has(`${a.norm}'${b.norm}`)) (out ??= [...text])[a.end] = "'";
    // "hart davis" for Hart-Davies: the second part a letter off, after the first as written.
    else if (b.norm.length >= FUZZY_MIN_LENGTH && hyphenated.heads.get(a.norm)?.some((f) => levenshtein(f.slice(a.norm.length + 1), b.norm) === 1)) (out ??= [...text])[a.end] = '-';
    // Three words: "van der berg", "de la cruz".
    const c = toks[k + 2];
    if (c?.word && c.index === b.end + 1 && text[b.end] === ' ' && idx.forms.has(`${a.norm}-${b.norm}-${bare(c.norm)}`)) {
      out ??= [...text];
      out[a.end] = out[b.end] = '-';
    }
  }
  return out ? out.join('') : text;
}

/** A Latin word that is a directory name only with its possessive "'s" or "s" taken off. */
function possessiveForm(t: Token, idx: DirectoryIndex): boolean {
  if (t.script !== 'lat' || !t.norm.endsWith('s') || idx.forms.has(t.norm)) return false;
  return idx.forms.has(t.norm.endsWith("'s") ? t.norm.slice(0, -2) : t.norm.slice(0, -1));
}

const EN_ORDER: readonly GramCase[] = ['nomn', ...NO_PREPOSITION_ORDER.filter((c) => c !== 'nomn')];

const HYPHENATED = new WeakMap<DirectoryIndex, { any: boolean; heads: Map<string, string[]> }>();

/**
 * The dictionary reads the word only as names of one sex, every user near it is of the other sex,
 * and each near form ends as the word does (the letter misheard is in the stem, the ending is
 * that sex's declension): "надире" near Нодира's "нодире", "рашите" near Рашида's "рашиде".
 */
function otherSexForms(parses: MorphParse[], entries: FormEntry[], near: string[], word: string, idx: DirectoryIndex): boolean {
  const sexes = new Set(parses.map((p) => p.gender));
  if (sexes.size !== 1) return false;
  const said = sexes.has('masc') ? 'M' : sexes.has('femn') ? 'F' : null;
  if (!said) return false;
  if (!entries.every((e) => e.field === FIELD_FIRST && !e.dim && idx.users[e.user]!.gender !== undefined && idx.users[e.user]!.gender !== said)) return false;
  return near.every((f) => f.length === word.length && f.slice(-1) === word.slice(-1));
}

function isNameParse(p: MorphParse): boolean {
  return (p.name || p.surname || p.patronymic) && !p.plural;
}

/** The reading whose case the preposition (or the usual order) prefers. */
function bestNameParse(parses: MorphParse[], prepMask: number, order: readonly GramCase[]): MorphParse | undefined {
  let best: MorphParse | undefined;
  let bestKey = Infinity;
  for (const p of parses) {
    const c = p.case ?? 'nomn';
    const key = prepMask !== 0 && (prepMask & caseBit(c)) !== 0 ? -1 : caseRank(caseBit(c), order);
    if (key < bestKey) {
      bestKey = key;
      best = p;
    }
  }
  return best;
}

function order(preferred: GramCase | undefined): readonly GramCase[] {
  return preferred ? [preferred, ...NO_PREPOSITION_ORDER.filter((c) => c !== preferred)] : NO_PREPOSITION_ORDER;
}

/** Users named by every token of a multi-word span, in one of the usual field orders, in one case. */
function multiCandidates(hs: TokenHits[]): Candidate[] {
  const users = new Set(hs[0]!.entries.map((e) => e.user));
  for (let k = 1; k < hs.length; k++) {
    const here = new Set(hs[k]!.entries.map((e) => e.user));
    for (const u of users) if (!here.has(u)) users.delete(u);
  }
  const out: Candidate[] = [];
  // ("Sherif Omar" with an Omar Sherif here too: the given name said first is the usual order.)
  const reversed = new Set<number>();
  for (const u of users) {
    let best: Candidate | null = null;
    let bestReversed = false;
    for (const fo of FIELD_ORDERS) {
      if (fo.length !== hs.length) continue;
      let mask = ALL_CASES;
      let tier = 0;
      for (let k = 0; k < hs.length && mask; k++) {
        let m = 0;
        let dimOnly = true;
        for (const e of hs[k]!.entries) {
          if (e.user === u && e.field === fo[k]) {
            m |= e.mask;
            if (!e.dim) dimOnly = false;
          }
        }
        mask &= m;
        tier = Math.max(tier, hs[k]!.fuzzy ? 2 : dimOnly ? 1 : 0);
      }
      const rev = fo[0] === FIELD_LAST;
      if (mask !== 0 && (!best || tier < best.tier || (tier === best.tier && bestReversed && !rev))) {
        best = { user: u, mask, tier };
        bestReversed = rev;
      }
    }
    if (best) {
      out.push(best);
      if (bestReversed) reversed.add(u);
    }
  }
  const usual = out.filter((c) => !reversed.has(c.user));
  return usual.length && usual.length < out.length && usual.every((c) => out.every((o) => c.tier <= o.tier)) ? usual : out;
}

/** Is `word` one part of the user's double surname (Pillay of Pillay-Naidoo), in any case form? */
function partOfDoubleSurname(idx: DirectoryIndex, user: number, word: string): boolean {
  const last = idx.users[user]!.lastName;
  if (!last || !last.includes('-')) return false;
  // (Folded as the words said are: "zielinska" of Zielińska-Grabowska.)
  return last
    .split('-')
    .map(normalizeWord)
    .some((p) => p.length >= 4 && (word === p || (word.startsWith(p.slice(0, -2)) && word.length <= p.length + 2)));
}
