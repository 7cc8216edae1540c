/**
 * Field names of the universal CRM methods (`crm.item.*`, camelCase) against the per-type
 * methods (`crm.lead.*` / `crm.deal.*`, UPPER_CASE) — api-reference/crm/universal/object-fields.md:
 * "`stageId` у них называется `STATUS_ID` или `STAGE_ID`". The regular rule is UPPER_SNAKE →
 * camelCase (`ASSIGNED_BY_ID` → `assignedById`); the documented exceptions are listed here.
 * Scoring reads UPPER_CASE rows, so `crm.item.list` rows are mapped back with `fromItem`.
 */
export type ItemEntity = 'lead' | 'deal';

/** entityTypeId of the system types (object-fields.md "Поля по типам объектов"). */
export const ENTITY_TYPE_ID: Record<ItemEntity, number> = { lead: 1, deal: 2 };

const RENAMES: Record<ItemEntity, Record<string, string>> = {
  lead: {
    STATUS_ID: 'stageId', STATUS_SEMANTIC_ID: 'stageSemanticId', STATUS_DESCRIPTION: 'stageDescription',
    DATE_CREATE: 'createdTime', DATE_MODIFY: 'updatedTime', CREATED_BY_ID: 'createdBy', MODIFY_BY_ID: 'updatedBy',
  },
  deal: {
    DATE_CREATE: 'createdTime', DATE_MODIFY: 'updatedTime', CREATED_BY_ID: 'createdBy', MODIFY_BY_ID: 'updatedBy',
    CLOSEDATE: 'closedate', BEGINDATE: 'begindate',
  },
};

const camel = (s: string) => s.toLowerCase().replace(/_([a-z0-9])/g, (_, ch: string) => ch.toUpperCase());

/** `STATUS_ID` → `stageId` (lead), `ASSIGNED_BY_ID` → `assignedById`; filter prefixes (`>ID`) kept. */
export function toItemField(entity: ItemEntity, upper: string): string {
  const m = /^(!=|>=|<=|!@|!%|=%|%=|!|>|<|=|@|%)?(.*)$/.exec(upper)!;
  const name = m[2]!;
  return `${m[1] ?? ''}${RENAMES[entity][name] ?? camel(name)}`;
}

/** `stageId` → `STATUS_ID` (lead), `assignedById` → `ASSIGNED_BY_ID`. */
export function fromItemField(entity: ItemEntity, item: string): string {
  const m = /^(!=|>=|<=|!@|!%|=%|%=|!|>|<|=|@|%)?(.*)$/.exec(item)!;
  const name = m[2]!;
  const renamed = Object.entries(RENAMES[entity]).find(([, v]) => v === name)?.[0];
  return `${m[1] ?? ''}${renamed ?? name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()}`;
}

/** A `crm.item.list` row → the UPPER_CASE row the per-type methods would give. */
export function fromItem(entity: ItemEntity, row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [fromItemField(entity, k), v]));
}

/** UPPER_CASE keys of an object (select list, filter, order) → crm.item names. */
export function itemKeys<T>(entity: ItemEntity, o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [toItemField(entity, k), v]));
}
