/** A small seeded PRNG (mulberry32): the same seed gives the same portal on every machine. */
export type Rng = () => number;

export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
