/** `crm.lead.*`, `crm.deal.*`, `crm.contact.*`, `crm.activity.*`, `crm.status.*` over the synthetic CRM. */
import { RestError } from '../errors';
import { vocab } from '../crm';
import { asList, asRecord } from '../php-query';
import { materialize, resolveSelect, rowsTable, runList, type Table } from '../query';
import { Listed, int, param, type CallContext, type MethodDef } from './types';
import { fromItemField, toItemField, type ItemEntity } from '../../bitrix/crm-item-fields';

/**
 * `crm.item.list` (api-reference/crm/universal/crm-item-list.md) for leads (entityTypeId 1) and
 * deals (2): camelCase select/filter/order in, `{items: [...]}` out with camelCase keys, pages of
 * 50, `start=-1` without a count. Other types answer like a portal without them.
 */
function itemList(c: CallContext): Listed {
  const typeId = int(param(c, 'entityTypeId'));
  const entity: ItemEntity | undefined = typeId === 1 ? 'lead' : typeId === 2 ? 'deal' : undefined;
  if (!entity) throw new RestError('NOT_FOUND', 'Smart process not found', 400);
  const up = (o: unknown) => Object.fromEntries(Object.entries(asRecord(o)).map(([k, v]) => [fromItemField(entity, k), v]));
  const select = asList(param(c, 'select')).map((f) => (f === '*' ? '*' : fromItemField(entity, String(f))));
  const t = c.portal.tables[entity];
  // The same CRM rights as crm.lead.list: a non-administrator lists only their own records.
  const res = runList(t, { filter: up(param(c, 'filter')), order: up(param(c, 'order')), select, start: param(c, 'start'), visible: visibleRows(c, t) });
  const items = (res.result as Record<string, unknown>[]).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [toItemField(entity, k), k === 'ID' ? Number(v) : v])));
  return new Listed({ items }, res.next, res.total, res.scanned);
}

const notFound = () => new RestError('', 'Not found', 400);
const badId = () => new RestError('', 'ID is not defined or invalid.', 400);
/** crm.lead.get's documented refusal of a record the user may not read (`"error": ""`, "Access denied"). */
const accessDenied = () => new RestError('', 'Access denied', 400);

/**
 * CRM rights as the "own records" role gives them: an administrator (user 1) reads everything;
 * anyone else only records they are responsible for (`ASSIGNED_BY_ID`), and the activities of
 * those records (or activities they are responsible for). Undefined = no restriction.
 */
type Visible = ((i: number) => boolean) | undefined;
const assignedTo = (t: Table, userId: number) => (i: number) => Number(t.num?.(i, 'ASSIGNED_BY_ID') ?? t.get(i, 'ASSIGNED_BY_ID')) === userId;
function visibleRows(c: CallContext, t: Table): Visible {
  if (c.portal.user(c.userId)?.admin) return undefined;
  if (t === c.portal.tables.activity) {
    const { lead, deal } = c.portal.tables;
    const owns = (owner: Table, id: number) => {
      const k = owner.indexOf(id);
      return k >= 0 && assignedTo(owner, c.userId)(k);
    };
    return (i) => {
      if (Number(t.num?.(i, 'RESPONSIBLE_ID')) === c.userId) return true;
      const type = Number(t.num?.(i, 'OWNER_TYPE_ID'));
      const owner = Number(t.num?.(i, 'OWNER_ID'));
      return type === 1 ? owns(lead, owner) : type === 2 ? owns(deal, owner) : false;
    };
  }
  return assignedTo(t, c.userId);
}

function list(table: (c: CallContext) => Table) {
  return (c: CallContext) => {
    const t = table(c);
    const res = runList(t, {
      filter: param(c, 'filter'), order: param(c, 'order'), select: param(c, 'select'), start: param(c, 'start'), visible: visibleRows(c, t),
    });
    return new Listed(res.result, res.next, res.total, res.scanned);
  };
}

function get(table: (c: CallContext) => Table) {
  return (c: CallContext) => {
    const id = int(param(c, 'id'));
    if (id === undefined || id <= 0) throw badId();
    const t = table(c);
    const i = t.indexOf(id);
    if (i < 0) throw notFound();
    const visible = visibleRows(c, t);
    if (visible && !visible(i)) throw accessDenied();
    return materialize(t, i, [...resolveSelect(t, []), ...(t.extraFields ?? [])]);
  };
}

type FieldType = 'integer' | 'string' | 'char' | 'double' | 'datetime' | 'date' | 'crm_status' | 'user' | 'crm_currency' | 'crm_multifield' | 'crm_contact' | 'crm_company' | 'crm_lead' | 'crm_category';
function fieldType(name: string): { type: FieldType; statusType?: string } {
  if (name === 'ID' || name.endsWith('_COUNT')) return { type: 'integer' };
  if (name.endsWith('_BY_ID') || name === 'LAST_ACTIVITY_BY' || name === 'CREATED_BY_ID') return { type: 'user' };
  if (name === 'SOURCE_ID') return { type: 'crm_status', statusType: 'SOURCE' };
  if (name === 'STATUS_ID') return { type: 'crm_status', statusType: 'STATUS' };
  if (name === 'STAGE_ID') return { type: 'crm_status', statusType: 'DEAL_STAGE' };
  if (name === 'CURRENCY_ID') return { type: 'crm_currency' };
  if (name === 'CONTACT_ID') return { type: 'crm_contact' };
  if (name === 'COMPANY_ID') return { type: 'crm_company' };
  if (name === 'LEAD_ID') return { type: 'crm_lead' };
  if (name === 'CATEGORY_ID') return { type: 'crm_category' };
  if (['PHONE', 'EMAIL', 'WEB', 'IM'].includes(name)) return { type: 'crm_multifield' };
  if (/^(HAS_|IS_|OPENED|CLOSED)/.test(name)) return { type: 'char' };
  if (name === 'OPPORTUNITY' || name === 'TAX_VALUE') return { type: 'double' };
  if (name === 'BIRTHDATE' || name === 'BEGINDATE' || name === 'CLOSEDATE') return { type: 'date' };
  if (/DATE|TIME/.test(name)) return { type: 'datetime' };
  return { type: 'string' };
}

function fields(table: (c: CallContext) => Table) {
  return (c: CallContext) => {
    const t = table(c);
    const out: Record<string, unknown> = {};
    for (const f of [...t.fields, ...(t.extraFields ?? [])]) {
      const ft = fieldType(f);
      const readOnly = ['ID', 'DATE_CREATE', 'DATE_MODIFY', 'CREATED_BY_ID', 'MODIFY_BY_ID', 'STATUS_SEMANTIC_ID', 'STAGE_SEMANTIC_ID', 'HAS_PHONE', 'HAS_EMAIL', 'HAS_IMOL', 'LAST_ACTIVITY_TIME', 'LAST_ACTIVITY_BY', 'MOVED_TIME', 'MOVED_BY_ID'].includes(f);
      out[f] = {
        type: ft.type, isRequired: f === 'TITLE', isReadOnly: readOnly, isImmutable: false,
        isMultiple: ft.type === 'crm_multifield', isDynamic: false, title: f,
        ...(ft.statusType ? { statusType: ft.statusType } : {}),
      };
    }
    return out;
  };
}

const STATUS_FIELDS = ['ID', 'ENTITY_ID', 'STATUS_ID', 'NAME', 'NAME_INIT', 'SORT', 'SYSTEM', 'CATEGORY_ID', 'COLOR', 'SEMANTICS', 'EXTRA'];

function statusRows(): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  let id = 1;
  const add = (entity: string, items: { id: string; name: string; semantics?: string; color?: string }[], system: (s: string) => boolean, category: string | null) =>
    items.forEach((s, k) => {
      const sem = s.semantics === 'S' || s.semantics === 'F' ? s.semantics : null;
      rows.push({
        ID: String(id++), ENTITY_ID: entity, STATUS_ID: s.id, NAME: s.name, NAME_INIT: system(s.id) ? s.name : '', SORT: String((k + 1) * 10),
        SYSTEM: system(s.id) ? 'Y' : 'N', CATEGORY_ID: category, COLOR: s.color ?? null, SEMANTICS: sem,
        ...(s.semantics ? { EXTRA: { SEMANTICS: sem === 'S' ? 'success' : sem === 'F' ? 'failure' : 'process', COLOR: s.color } } : {}),
      });
    });
  add('STATUS', vocab.leadStatuses, (s) => ['NEW', 'CONVERTED', 'JUNK'].includes(s), null);
  add('SOURCE', vocab.sources, () => false, null);
  add('DEAL_STAGE', vocab.dealStages, (s) => ['NEW', 'WON', 'LOSE'].includes(s), '0');
  return rows;
}

export const crmMethods: Record<string, MethodDef> = {
  'crm.lead.list': { scope: 'crm', handler: list((c) => c.portal.tables.lead) },
  'crm.item.list': { scope: 'crm', handler: itemList },
  'crm.lead.get': { scope: 'crm', handler: get((c) => c.portal.tables.lead) },
  'crm.lead.fields': { scope: 'crm', handler: fields((c) => c.portal.tables.lead) },
  'crm.deal.list': { scope: 'crm', handler: list((c) => c.portal.tables.deal) },
  'crm.deal.get': { scope: 'crm', handler: get((c) => c.portal.tables.deal) },
  'crm.deal.fields': { scope: 'crm', handler: fields((c) => c.portal.tables.deal) },
  'crm.contact.list': { scope: 'crm', handler: list((c) => c.portal.tables.contact) },
  'crm.contact.get': { scope: 'crm', handler: get((c) => c.portal.tables.contact) },
  'crm.activity.list': {
    scope: 'crm',
    handler: (c) => {
      // Default order of crm.activity.list is START_TIME ascending per docs; ID order when asked.
      const order = Object.keys(asRecord(param(c, 'order'))).length ? param(c, 'order') : { ID: 'ASC' };
      const t = c.portal.tables.activity;
      const res = runList(t, { filter: param(c, 'filter'), order, select: param(c, 'select'), start: param(c, 'start'), visible: visibleRows(c, t) });
      return new Listed(res.result, res.next, res.total, res.scanned);
    },
  },
  'crm.activity.get': { scope: 'crm', handler: get((c) => c.portal.tables.activity) },
  'crm.activity.fields': { scope: 'crm', handler: fields((c) => c.portal.tables.activity) },
  'crm.status.list': {
    scope: 'crm',
    handler: (c) => {
      const rows = statusRows();
      const res = runList(rowsTable(() => rows, STATUS_FIELDS), { filter: param(c, 'filter'), order: param(c, 'order') ?? { SORT: 'ASC' } });
      return res.result; // crm.status.list is not paged
    },
  },
  'crm.status.entity.types': {
    scope: 'crm',
    handler: () => [
      { ID: 'STATUS', NAME: 'Статусы', SEMANTIC_INFO: { START_FIELD: 'NEW', FINAL_SUCCESS_FIELD: 'CONVERTED', FINAL_UNSUCCESS_FIELD: 'JUNK', FINAL_SORT: 0 }, ENTITY_TYPE_ID: 1 },
      { ID: 'SOURCE', NAME: 'Источники' },
      { ID: 'DEAL_STAGE', NAME: 'Стадии сделки', SEMANTIC_INFO: { START_FIELD: 'NEW', FINAL_SUCCESS_FIELD: 'WON', FINAL_UNSUCCESS_FIELD: 'LOSE', FINAL_SORT: 0 }, ENTITY_TYPE_ID: 2 },
    ],
  },
};
