/** Draws for the synthetic portal: the same seed gives the same portal on every machine. */
import { seededRng, type Rng } from '../util/prng';

export type { Rng };
export const createRng = seededRng;

export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

/** Index drawn from unnormalised weights. */
export function weighted(rng: Rng, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  let r = rng() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i]!;
    if (r < 0) return i;
  }
  return weights.length - 1;
}

/** Poisson sample (Knuth) for small means. */
export function poisson(rng: Rng, mean: number): number {
  const l = Math.exp(-mean);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rng();
  } while (p > l && k < 60);
  return k - 1;
}

/** Hex string of `bytes` random bytes from the rng (deterministic ids, not secrets). */
export function hex(rng: Rng, bytes: number): string {
  let s = '';
  for (let i = 0; i < bytes; i++) s += Math.floor(rng() * 256).toString(16).padStart(2, '0');
  return s;
}
