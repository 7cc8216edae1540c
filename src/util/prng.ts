/**
 * The project's one seeded generator (mulberry32): fast, 32-bit state, the same sequence on every
 * machine. The sandbox's synthetic CRM, the scoring split and upsampling, and the benchmarks'
 * generated directories all draw from it, so a seed reproduces them exactly.
 */
export type Rng = () => number;

export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
