/** Seeded draws for scoring: the same seed gives the same split, upsampling and model. */
import { seededRng, type Rng } from '../util/prng';

export { seededRng, type Rng };

/** Fisher–Yates shuffle in place. */
export function shuffle<T>(items: T[] | Int32Array, rng: Rng): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = items[i]!;
    items[i] = items[j]!;
    items[j] = t;
  }
}
