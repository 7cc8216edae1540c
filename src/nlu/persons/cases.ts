/** Grammatical cases as a 6-bit mask, so that "which cases can this form be" is one AND. */
import type { GramCase } from '../types';

export const CASES: readonly GramCase[] = ['nomn', 'gent', 'datv', 'accs', 'ablt', 'loct'];
export const ALL_CASES = 0b111111;

export function caseBit(c: GramCase): number {
  return 1 << CASES.indexOf(c);
}

export function caseMask(cs: readonly GramCase[]): number {
  let m = 0;
  for (const c of cs) {
    const i = CASES.indexOf(c);
    if (i < 0) throw new Error(`unknown grammatical case "${c}"`);
    m |= 1 << i;
  }
  return m;
}

/** The cases of a mask in the canonical order; empty for "any case" (indeclinable forms). */
export function caseList(mask: number): GramCase[] {
  if (mask === ALL_CASES || mask === 0) return [];
  return CASES.filter((_, i) => (mask & (1 << i)) !== 0);
}

/** With no preposition a person after a command verb is most likely its addressee (dative),
 *  then its object (accusative), then named in the nominative ("ответственный Иванов"). */
export const NO_PREPOSITION_ORDER: readonly GramCase[] = ['datv', 'accs', 'nomn', 'gent', 'ablt', 'loct'];

/** Rank of a mask under an order of preference: index of the first case it can be. */
export function caseRank(mask: number, order: readonly GramCase[]): number {
  for (let i = 0; i < order.length; i++) if (mask & caseBit(order[i]!)) return i;
  return order.length;
}
