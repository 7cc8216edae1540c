/**
 * The pooled prior for small portals (issue 17, item 3): one model made from the models of the
 * portals of this installation that opt in (SCORING_POOLED). Only what a model already holds —
 * its bins, categories and weights — goes in; never a record.
 *
 * Each portal's model is a step function per column (one weight per bin or category). On a common
 * layout — the union of the portals' bin edges, the union of their categories — every portal's
 * step function is exact, so the prior's weight for a common bin is the row-weighted mean of the
 * portals' weights for the values in that bin. A small portal's model is then fitted on this layout
 * with its L2 penalty pulling toward these weights (`trainTable({ prior })`).
 */
import { binOf, type ColumnSpec, type Preprocessor } from './dataset';
import type { ScoringModel } from './model';

/** What `trainTable` needs of a prior: its layout, weights and which target value is success. */
export type PriorModel = Pick<ScoringModel, 'preprocessor' | 'weights' | 'positive'> & { intercept: number; meta?: { rows: number; portals?: number } };

/** Common numeric edges above this many are thinned (evenly by rank): a bin per edge would overfit few rows. */
const MAX_EDGES = 30;

interface Member {
  model: Pick<ScoringModel, 'preprocessor' | 'weights' | 'intercept' | 'positive'>;
  rows: number;
}

/** A value inside common bin `b` of `edges` (for b = 0 below the first edge, for the last above the last). */
function inside(edges: number[], b: number): number {
  if (edges.length === 0) return 0;
  if (b === 0) return edges[0]! - Math.max(1, Math.abs(edges[0]!));
  if (b >= edges.length) return edges[edges.length - 1]! + Math.max(1, Math.abs(edges[edges.length - 1]!));
  return (edges[b - 1]! + edges[b]!) / 2;
}

function thin(sorted: number[]): number[] {
  if (sorted.length <= MAX_EDGES) return sorted;
  const out: number[] = [];
  for (let k = 0; k < MAX_EDGES; k++) out.push(sorted[Math.round((k * (sorted.length - 1)) / (MAX_EDGES - 1))]!);
  return [...new Set(out)];
}

/**
 * The pooled prior of `members` (each a model and its training rows). Throws when there is none.
 * Columns a member does not have (a field its portal never fills) are averaged over those that do.
 */
export function poolModels(members: Member[]): PriorModel {
  if (members.length === 0) throw new RangeError('no models to pool');
  const positive = members[0]!.model.positive;
  const specsByColumn = new Map<string, { spec: ColumnSpec; m: Member }[]>();
  for (const m of members) {
    if (m.model.positive !== positive) continue;
    for (const s of m.model.preprocessor.columns) {
      if (s.kind === 'standard') continue;
      specsByColumn.set(s.column, [...(specsByColumn.get(s.column) ?? []), { spec: s, m }]);
    }
  }
  const columns: ColumnSpec[] = [];
  const weights: number[] = [];
  let offset = 0;
  for (const [column, all] of specsByColumn) {
    // One kind per column: the kind most members gave it.
    const kinds = new Map<string, number>();
    for (const { spec } of all) kinds.set(spec.kind, (kinds.get(spec.kind) ?? 0) + 1);
    const kind = [...kinds.entries()].sort((a, b) => b[1] - a[1])[0]![0] as ColumnSpec['kind'];
    let list = all.filter((x) => x.spec.kind === kind);
    let spec: ColumnSpec;
    let weightOf: (s: ColumnSpec, w: number[], k: number) => number;
    let width: number;
    if (kind === 'numeric') {
      const edges = thin([...new Set(list.flatMap(({ spec: s }) => (s as Extract<ColumnSpec, { kind: 'numeric' }>).edges))].sort((a, b) => a - b));
      const integer = list.every(({ spec: s }) => (s as Extract<ColumnSpec, { kind: 'numeric' }>).integer === true);
      spec = { kind: 'numeric', column, edges, offset, ...(integer ? { integer: true } : {}) };
      width = edges.length + 2;
      weightOf = (s, w, k) => {
        const n = s as Extract<ColumnSpec, { kind: 'numeric' }>;
        if (k === edges.length + 1) return w[n.offset + n.edges.length + 1]!;
        return w[n.offset + binOf(n.edges, inside(edges, k))]!;
      };
    } else if (kind === 'categorical') {
      const values = [...new Set(list.flatMap(({ spec: s }) => (s as Extract<ColumnSpec, { kind: 'categorical' }>).values))].sort();
      spec = { kind: 'categorical', column, values, offset };
      width = values.length + 1;
      weightOf = (s, w, k) => {
        const c = s as Extract<ColumnSpec, { kind: 'categorical' }>;
        const i = k < values.length ? c.values.indexOf(values[k]!) : -1;
        return w[c.offset + (i >= 0 ? i : c.values.length)]!;
      };
    } else if (kind === 'binary') {
      const first = list[0]!.spec as Extract<ColumnSpec, { kind: 'binary' }>;
      list = list.filter(({ spec: s }) => (s as Extract<ColumnSpec, { kind: 'binary' }>).positive === first.positive);
      spec = { kind: 'binary', column, positive: first.positive, negative: first.negative, offset };
      width = 1;
      weightOf = (s, w) => w[s.offset]!;
    } else {
      const buckets = (list[0]!.spec as Extract<ColumnSpec, { kind: 'text' }>).buckets;
      list = list.filter(({ spec: s }) => (s as Extract<ColumnSpec, { kind: 'text' }>).buckets === buckets);
      spec = { kind: 'text', column, buckets, offset };
      width = buckets;
      weightOf = (s, w, k) => w[s.offset + k]!;
    }
    const total = list.reduce((t, x) => t + x.m.rows, 0) || 1;
    for (let k = 0; k < width; k++) {
      let v = 0;
      for (const { spec: s, m } of list) v += (m.rows / total) * weightOf(s, m.model.weights, k);
      weights.push(v);
    }
    columns.push(spec);
    offset += width;
  }
  const rows = members.reduce((t, m) => t + m.rows, 0);
  const intercept = members.reduce((t, m) => t + (m.rows / (rows || 1)) * m.model.intercept, 0);
  const preprocessor: Preprocessor = { columns, width: offset, hasValues: false };
  return { preprocessor, weights, intercept, positive, meta: { rows, portals: members.length } };
}

/**
 * The member ids whose models pool, from SCORING_POOLED: unset or empty — none (pooling is opt-in);
 * "all" — every installed portal; otherwise a comma-separated list of member ids or domains.
 */
export function pooledMembers(setting: string | undefined, installs: { memberId: string; domain: string }[]): string[] {
  const s = setting?.trim();
  if (!s) return [];
  if (s.toLowerCase() === 'all') return installs.map((i) => i.memberId);
  const wanted = new Set(s.split(',').map((x) => x.trim().toLowerCase()).filter(Boolean));
  return installs.filter((i) => wanted.has(i.memberId.toLowerCase()) || wanted.has(i.domain.toLowerCase())).map((i) => i.memberId);
}
