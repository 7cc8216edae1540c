/**
 * List queries the way Bitrix24 list methods answer them: `filter` with prefix operators,
 * `order`, `select`, and paging by 50 with `start` (`next`/`total`), or `start=-1` for the
 * fast ID-ordered export (no count). Works over any `Table`: the compact synthetic CRM columns
 * or plain rows created through the API.
 */
import { parsePortalDate } from './dates';
import { asList, asRecord } from './php-query';

export const PAGE_SIZE = 50;

/** Rows in ascending ID order, addressed by index. */
export interface Table {
  count(): number;
  idAt(i: number): number;
  indexOf(id: number): number;
  /** Field in its wire form (strings, 'Y'/'N', ISO dates); undefined = no such field. */
  get(i: number, field: string): unknown;
  /** Fast numeric form (dates as epoch ms) for filters and sorting, when the table has one. */
  num?(i: number, field: string): number | undefined;
  /** Optional index range a filter can be confined to (e.g. one owner's activities). */
  narrow?(filter: Record<string, unknown>): { lo: number; hi: number } | undefined;
  /** Fields returned for `select` empty or `*`. */
  fields: readonly string[];
  /** Fields returned only when named in `select` (multifields). */
  extraFields?: readonly string[];
}

export interface ListResult {
  result: unknown;
  next?: number;
  total?: number;
  /** Rows looked at, for the operating-time cost model. */
  scanned: number;
}

type Op = '=' | '!=' | '>' | '>=' | '<' | '<=' | '%' | '!%' | '@' | '!@';
interface Condition {
  field: string;
  op: Op;
  values: unknown[];
}

const PREFIXES: [string, Op][] = [
  ['!@', '!@'], ['!%', '!%'], ['!=', '!='], ['>=', '>='], ['<=', '<='], ['=%', '%'], ['%=', '%'],
  ['@', '@'], ['>', '>'], ['<', '<'], ['=', '='], ['!', '!='], ['%', '%'],
];

export function parseFilter(filter: unknown): Condition[] {
  const out: Condition[] = [];
  for (const [key, value] of Object.entries(asRecord(filter))) {
    let op: Op = '=';
    let field = key;
    for (const [p, o] of PREFIXES) {
      if (key.startsWith(p)) {
        op = o;
        field = key.slice(p.length);
        break;
      }
    }
    const values = Array.isArray(value) || (typeof value === 'object' && value !== null) ? asList(value) : [value];
    if ((op === '=' || op === '!=') && values.length > 1) op = op === '=' ? '@' : '!@';
    out.push({ field: field.toUpperCase(), op, values });
  }
  return out;
}

const DATE_FIELD = /DATE|TIME|DEADLINE|CREATED|LAST_UPDATED|BEGIN|CLOSE/;

function toNumber(field: string, v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v !== 'string' || v.trim() === '') return undefined;
  if (DATE_FIELD.test(field)) {
    const d = parsePortalDate(v);
    if (d !== undefined) return d;
  }
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

function scalar(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'Y' : 'N';
  return String(v);
}

/** Compiles conditions into a row predicate over the table. */
export function compile(table: Table, conditions: Condition[]): (i: number) => boolean {
  const tests = conditions.map((c) => {
    const numValues = c.values.map((v) => toNumber(c.field, v));
    const strValues = c.values.map((v) => scalar(v).toLowerCase());
    const read = (i: number): { n: number | undefined; s: string } => {
      const n = table.num?.(i, c.field);
      if (n !== undefined) return { n, s: String(table.get(i, c.field) ?? '') };
      const raw = table.get(i, c.field);
      const s = Array.isArray(raw) ? raw.map(scalar).join('\u0001') : scalar(raw);
      return { n: toNumber(c.field, raw), s };
    };
    const eq = (row: { n: number | undefined; s: string }, k: number) => {
      const nv = numValues[k];
      if (row.n !== undefined && nv !== undefined) return row.n === nv;
      const sv = strValues[k]!;
      const low = row.s.toLowerCase();
      return low === sv || low.split('\u0001').includes(sv);
    };
    const cmp = (row: { n: number | undefined; s: string }, k: number): number | undefined => {
      const nv = numValues[k];
      if (row.n !== undefined && nv !== undefined) return row.n - nv;
      if (row.s === '') return undefined;
      return row.s.localeCompare(scalar(c.values[k]));
    };
    switch (c.op) {
      case '=': return (i: number) => (c.values.length === 0 ? true : eq(read(i), 0));
      case '!=': return (i: number) => !eq(read(i), 0);
      case '@': return (i: number) => { const r = read(i); return c.values.some((_, k) => eq(r, k)); };
      case '!@': return (i: number) => { const r = read(i); return !c.values.some((_, k) => eq(r, k)); };
      case '%': return (i: number) => read(i).s.toLowerCase().includes(strValues[0] ?? '');
      case '!%': return (i: number) => !read(i).s.toLowerCase().includes(strValues[0] ?? '');
      case '>': return (i: number) => { const d = cmp(read(i), 0); return d !== undefined && d > 0; };
      case '>=': return (i: number) => { const d = cmp(read(i), 0); return d !== undefined && d >= 0; };
      case '<': return (i: number) => { const d = cmp(read(i), 0); return d !== undefined && d < 0; };
      case '<=': return (i: number) => { const d = cmp(read(i), 0); return d !== undefined && d <= 0; };
    }
  });
  return (i) => tests.every((t) => t(i));
}

/** Index range implied by ID bounds in the filter (tables are ID-ordered). */
function idRange(table: Table, conditions: Condition[]): { lo: number; hi: number } {
  let lo = 0;
  let hi = table.count();
  const lowerBound = (id: number) => {
    let a = 0, b = table.count();
    while (a < b) {
      const m = (a + b) >> 1;
      if (table.idAt(m) < id) a = m + 1;
      else b = m;
    }
    return a;
  };
  for (const c of conditions) {
    if (c.field !== 'ID' || c.values.length !== 1) continue;
    const v = Number(c.values[0]);
    if (!Number.isFinite(v)) continue;
    if (c.op === '>') lo = Math.max(lo, lowerBound(Math.floor(v) + 1));
    else if (c.op === '>=') lo = Math.max(lo, lowerBound(Math.ceil(v)));
    else if (c.op === '<') hi = Math.min(hi, lowerBound(Math.ceil(v)));
    else if (c.op === '<=') hi = Math.min(hi, lowerBound(Math.floor(v) + 1));
    else if (c.op === '=') {
      const at = lowerBound(v);
      lo = Math.max(lo, at);
      hi = Math.min(hi, table.count() > at && table.idAt(at) === v ? at + 1 : at);
    }
  }
  return { lo, hi: Math.max(lo, hi) };
}

export interface ListParams {
  filter?: unknown;
  order?: unknown;
  select?: unknown;
  start?: unknown;
  /** Rows the caller may see (CRM rights); others are skipped as if they did not exist. */
  visible?: (i: number) => boolean;
}

/** Resolves `select` into field names; `*`/empty means the table's default fields. */
export function resolveSelect(table: Table, select: unknown): string[] {
  const asked = asList(select).map((s) => String(s).toUpperCase());
  const base = asked.length === 0 || asked.includes('*') ? [...table.fields] : [];
  for (const f of asked) {
    if (f === '*' || f.endsWith('*')) continue;
    if (!base.includes(f)) base.push(f);
  }
  if (!base.includes('ID') && table.fields.includes('ID')) base.unshift('ID');
  return base;
}

export function materialize(table: Table, i: number, fields: string[]): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const f of fields) {
    const v = table.get(i, f);
    if (v !== undefined) row[f] = v;
  }
  return row;
}

export function runList(table: Table, params: ListParams, rowOut?: (i: number, fields: string[]) => unknown): ListResult {
  const conditions = parseFilter(params.filter);
  const matches = compile(table, conditions);
  const visible = params.visible;
  const predicate = visible ? (i: number) => visible(i) && matches(i) : matches;
  const fields = resolveSelect(table, params.select);
  const out = rowOut ?? ((i: number, f: string[]) => materialize(table, i, f));
  const startRaw = Number(params.start ?? 0);
  const fast = startRaw === -1;
  const start = Number.isFinite(startRaw) && startRaw > 0 ? Math.floor(startRaw) : 0;

  const order = Object.entries(asRecord(params.order)).map(([f, d]) => ({
    field: f.toUpperCase(), desc: String(d).toUpperCase() === 'DESC',
  }));
  const byIdOnly = order.length === 0 || (order.length === 1 && order[0]!.field === 'ID');
  const desc = order.length === 1 && order[0]!.field === 'ID' && order[0]!.desc;

  const { lo: idLo, hi: idHi } = idRange(table, conditions);
  const narrowed = table.narrow?.(asRecord(params.filter));
  const lo = Math.max(idLo, narrowed?.lo ?? 0);
  const hi = Math.min(idHi, narrowed?.hi ?? table.count());
  let scanned = 0;

  if (byIdOnly) {
    const rows: unknown[] = [];
    let matched = 0;
    const visit = (i: number): boolean => {
      scanned++;
      if (!predicate(i)) return true;
      if (matched >= start && rows.length < PAGE_SIZE) rows.push(out(i, fields));
      matched++;
      // With start=-1 nothing is counted: stop as soon as the page is full.
      return !(fast && rows.length >= PAGE_SIZE);
    };
    if (desc) {
      for (let i = hi - 1; i >= lo; i--) if (!visit(i)) break;
    } else {
      for (let i = lo; i < hi; i++) if (!visit(i)) break;
    }
    if (fast) return { result: rows, scanned };
    const next = start + PAGE_SIZE < matched ? start + PAGE_SIZE : undefined;
    return { result: rows, total: matched, ...(next !== undefined ? { next } : {}), scanned };
  }

  const idx: number[] = [];
  for (let i = lo; i < hi; i++) {
    scanned++;
    if (predicate(i)) idx.push(i);
  }
  const key = (i: number, f: string): number | string => {
    const n = table.num?.(i, f);
    if (n !== undefined) return n;
    const v = table.get(i, f);
    const asNum = toNumber(f, v);
    return asNum ?? scalar(v);
  };
  idx.sort((a, b) => {
    for (const o of order) {
      const ka = key(a, o.field);
      const kb = key(b, o.field);
      const d = typeof ka === 'number' && typeof kb === 'number' ? ka - kb : String(ka).localeCompare(String(kb));
      if (d !== 0) return o.desc ? -d : d;
    }
    return a - b;
  });
  const page = idx.slice(start, start + PAGE_SIZE).map((i) => out(i, fields));
  if (fast) return { result: page, scanned };
  const next = start + PAGE_SIZE < idx.length ? start + PAGE_SIZE : undefined;
  return { result: page, total: idx.length, ...(next !== undefined ? { next } : {}), scanned };
}

/** A table over plain rows (API-created entities); rows must carry a numeric `ID` field. */
export function rowsTable(rows: () => Record<string, unknown>[], fields: readonly string[], extra: readonly string[] = []): Table {
  const sorted = () => rows();
  return {
    count: () => sorted().length,
    idAt: (i) => Number(sorted()[i]!.ID),
    indexOf: (id) => sorted().findIndex((r) => Number(r.ID) === id),
    get: (i, f) => sorted()[i]![f],
    fields,
    extraFields: extra,
  };
}
