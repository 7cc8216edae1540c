/**
 * CRM reads for scoring. Single pages (`crm.lead.list`, `crm.deal.list`, `crm.activity.list`,
 * `crm.status.list`) and a bulk export as an async iterator of pages.
 *
 * Export: Bitrix's fast path (protocols.md §4.6) — `order[ID]=ASC`, `filter[>ID]=<last id>`,
 * `start=-1` (no COUNT), 50 rows a page — packed 50 commands to a `batch`, each command's lower
 * bound referring to the previous command's 50th row: `filter[>ID]=$result[p0][49][ID]`. A command
 * after a short page (fewer than 50 rows) refers to a row that does not exist; whatever the portal
 * does with it, we stop reading the batch at the first short page, and we also stop at any page
 * whose ids do not strictly follow the previous one (an unresolved reference). The next batch then
 * starts from the last id we trust, so the result is right even on a portal that resolves no
 * references at all (one page per batch then).
 */
import type { BitrixCaller, Params, Page } from './client';
import { ENTITY_TYPE_ID, fromItem, itemKeys, toItemField } from './crm-item-fields';
import { BitrixApiError } from './errors';

export type CrmEntity = 'lead' | 'deal' | 'activity';
export type Row = Record<string, unknown>;

const PAGE = 50;

export interface ListQuery {
  select?: string[];
  filter?: Record<string, unknown>;
  order?: Record<string, unknown>;
}

/**
 * One list call in UPPER_CASE terms. Leads and deals go through `crm.item.list` with their
 * `entityTypeId` (crm.lead.list / crm.deal.list are deprecated in favour of crm.item.*;
 * crm-item-list.md): names are mapped to camelCase on the way out and back on the way in, so
 * callers keep reading `STATUS_ID`, `DATE_CREATE`… Activities stay on `crm.activity.list`.
 */
export function listCall(entity: CrmEntity, q: ListQuery & { start?: number | string }): [string, Params] {
  if (entity === 'activity') return ['crm.activity.list', { ...q }];
  const params: Params = { entityTypeId: ENTITY_TYPE_ID[entity] };
  if (q.select) params.select = q.select.map((f) => (f === '*' ? '*' : toItemField(entity, f)));
  if (q.filter) params.filter = itemKeys(entity, q.filter);
  if (q.order) params.order = itemKeys(entity, q.order);
  if (q.start !== undefined) params.start = q.start;
  return ['crm.item.list', params];
}

/** The UPPER_CASE rows of a list answer (`result` of crm.activity.list, `result.items` of crm.item.list). */
export function rowsOf(entity: CrmEntity, result: unknown): Row[] {
  if (entity === 'activity') return Array.isArray(result) ? (result as Row[]) : [];
  const items = (result as { items?: unknown } | null)?.items;
  return Array.isArray(items) ? (items as Row[]).map((r) => fromItem(entity, r)) : [];
}

/** One page of rows with the portal's paging (`next`, `total`). */
export async function listPage(c: BitrixCaller, entity: CrmEntity, q: ListQuery & { start?: number | string }): Promise<Page<Row[]>> {
  const [method, params] = listCall(entity, q);
  const page = await c.callPage<unknown>(method, params);
  return { ...page, result: rowsOf(entity, page.result) };
}

export function listLeads(c: BitrixCaller, q: ListQuery = {}, start = 0) {
  return listPage(c, 'lead', { ...q, start });
}
export function listDeals(c: BitrixCaller, q: ListQuery = {}, start = 0) {
  return listPage(c, 'deal', { ...q, start });
}
export function listActivities(c: BitrixCaller, q: ListQuery = {}, start = 0) {
  return c.callPage<Row[]>('crm.activity.list', { ...q, start });
}
/**
 * The ids of the first `limit` records still in progress (semantic "P": neither won nor lost), oldest
 * first — the demo's records to click through.
 */
export async function openRecordIds(c: BitrixCaller, entity: 'lead' | 'deal', limit: number): Promise<number[]> {
  const field = entity === 'lead' ? 'STATUS_SEMANTIC_ID' : 'STAGE_SEMANTIC_ID';
  const rows = (await listPage(c, entity, { filter: { [field]: 'P' }, select: ['ID'], order: { ID: 'ASC' } })).result;
  return rows.slice(0, limit).map((r) => Number(r.ID));
}
/** Stages/sources: ENTITY_ID 'STATUS' (lead stages), 'SOURCE', 'DEAL_STAGE', 'DEAL_STAGE_<category>'. */
export function listStatuses(c: BitrixCaller, entityId: string) {
  return c.call<Row[]>('crm.status.list', { order: { SORT: 'ASC' }, filter: { ENTITY_ID: entityId } });
}

export interface ExportPage {
  rows: Row[];
  /** Rows yielded so far, this page included. */
  done: number;
  /** Batches sent so far. */
  batches: number;
  lastId: number;
}

export interface ExportOptions extends ListQuery {
  /** Commands per batch (≤ 50). Default 50. */
  commands?: number;
  /** Start after this id. Default 0. */
  afterId?: number;
}

/** Every row of `entity` in id order, one page (≤ 50 rows) at a time. */
export async function* exportAll(c: BitrixCaller, entity: CrmEntity, opts: ExportOptions = {}): AsyncGenerator<ExportPage> {
  const n = Math.min(50, Math.max(1, opts.commands ?? 50));
  // The previous page's 50th row: crm.item.list nests rows under `items` and names the id `id`.
  const ref = (i: number) => (entity === 'activity' ? `$result[p${i}][${PAGE - 1}][ID]` : `$result[p${i}][items][${PAGE - 1}][id]`);
  const method = listCall(entity, {})[0];
  const select = opts.select ? (opts.select.includes('ID') ? opts.select : ['ID', ...opts.select]) : ['*'];
  let lastId = opts.afterId ?? 0;
  let done = 0;
  let batches = 0;
  for (;;) {
    const cmds: Record<string, [string, Params]> = {};
    for (let i = 0; i < n; i++) {
      const after = i === 0 ? lastId : ref(i - 1);
      cmds[`p${i}`] = listCall(entity, { select, order: { ID: 'ASC' }, filter: { ...opts.filter, '>ID': after }, start: -1 });
    }
    const out = await c.batch(cmds);
    batches++;
    let finished = false;
    for (let i = 0; i < n; i++) {
      const item = out[`p${i}`];
      if (!item) break;
      if (item.error) {
        if (i === 0) throw item.error; // the first command has no reference: a real failure
        break;
      }
      const rows = rowsOf(entity, item.result);
      const ids = rows.map((r) => Number(r.ID));
      if (ids.some((id, k) => !Number.isFinite(id) || id <= (k === 0 ? lastId : ids[k - 1]!))) {
        if (i === 0) throw new BitrixApiError({ method, code: 'EXPORT_ORDER', status: 200, description: 'rows are not in ascending id order after the cursor' });
        break; // unresolved reference: restart from lastId in a new batch
      }
      if (rows.length) {
        lastId = ids[ids.length - 1]!;
        done += rows.length;
        yield { rows, done, batches, lastId };
      }
      if (rows.length < PAGE) {
        finished = true;
        break;
      }
    }
    if (finished) return;
  }
}
