/**
 * Train/test split and class balancing. The split is stratified (each class is shuffled
 * with the seed and cut 75/25 on its own), so small portals keep the success rate in both
 * parts; the same seed gives the same split.
 */
import { DataError } from './errors';
import { seededRng, shuffle } from './random';

export interface Split {
  train: Int32Array;
  test: Int32Array;
}

export function stratifiedSplit(labels: ArrayLike<number>, testFraction = 0.25, seed = 42): Split {
  const rng = seededRng(seed);
  const train: number[] = [];
  const test: number[] = [];
  for (const cls of [0, 1]) {
    const members: number[] = [];
    for (let i = 0; i < labels.length; i++) if ((labels[i] ? 1 : 0) === cls) members.push(i);
    shuffle(members, rng);
    const nTest = Math.round(members.length * testFraction);
    test.push(...members.slice(0, nTest));
    train.push(...members.slice(nTest));
  }
  return { train: Int32Array.from(train).sort(), test: Int32Array.from(test).sort() };
}

/** Split by a column whose values are `train` / `test` (case-insensitive). */
export function splitByColumn(values: readonly string[], column: string): Split {
  const train: number[] = [];
  const test: number[] = [];
  values.forEach((v, i) => {
    const t = v.trim().toLowerCase();
    if (t === 'train') train.push(i);
    else if (t === 'test') test.push(i);
    else throw new DataError(`row ${i + 1}: split column "${column}" must be "train" or "test", got "${v}"`);
  });
  return { train: Int32Array.from(train), test: Int32Array.from(test) };
}

export type Balance = 'upsample' | 'weights' | 'none';

/**
 * Per-row weights over the training rows that balance the classes:
 * - 'upsample': draw minority rows at random (seeded, with replacement) until both classes
 *   have as many rows; a row drawn k times gets weight 1 + k (the same objective as copying it);
 * - 'weights': each class weighted n / (2 · n_class), as scikit-learn's class_weight='balanced';
 * - 'none': all 1.
 */
export function balanceWeights(labels: ArrayLike<number>, mode: Balance, seed = 42): Float64Array {
  const w = new Float64Array(labels.length).fill(1);
  let pos = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i]) pos++;
  const neg = labels.length - pos;
  if (mode === 'none' || pos === 0 || neg === 0) return w;
  if (mode === 'weights') {
    for (let i = 0; i < labels.length; i++) w[i] = labels.length / (2 * (labels[i] ? pos : neg));
    return w;
  }
  const minority = pos < neg ? 1 : 0;
  const members: number[] = [];
  for (let i = 0; i < labels.length; i++) if ((labels[i] ? 1 : 0) === minority) members.push(i);
  const rng = seededRng(seed ^ 0x5bd1e995);
  for (let k = Math.abs(pos - neg); k > 0; k--) {
    const i = members[Math.floor(rng() * members.length)]!;
    w[i] = w[i]! + 1;
  }
  return w;
}
