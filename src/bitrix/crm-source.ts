/**
 * The scoring module's `CrmSource` over a portal: bulk export for training (batch, ID-ordered
 * paging through `exportAll`), single reads for a score. With a progress listener, one counting
 * list call first asks the portal for the total, so a progress bar can say "1,200 of 5,000".
 */
import type { CrmSource, ExportProgress } from '../scoring/portal-scorer';
import type { BitrixCaller, PortalClients } from './client';
import { exportAll, listPage, type CrmEntity } from './crm';

const LEAD_FIELDS = ['ID', 'TITLE', 'COMMENTS', 'SOURCE_ID', 'STATUS_ID', 'STATUS_SEMANTIC_ID', 'ASSIGNED_BY_ID', 'HAS_PHONE', 'HAS_EMAIL', 'HAS_IMOL', 'DATE_CREATE', 'DATE_CLOSED', 'DATE_MODIFY', 'UTM_SOURCE', 'UTM_MEDIUM', 'UTM_CAMPAIGN'];
const DEAL_FIELDS = [
  'ID', 'TITLE', 'COMMENTS', 'SOURCE_ID', 'STAGE_ID', 'STAGE_SEMANTIC_ID', 'CATEGORY_ID', 'TYPE_ID', 'ASSIGNED_BY_ID', 'IS_RETURN_CUSTOMER',
  'CONTACT_ID', 'COMPANY_ID', 'OPPORTUNITY', 'DATE_CREATE', 'CLOSEDATE', 'CLOSED', 'MOVED_TIME', 'DATE_MODIFY', 'UTM_SOURCE', 'UTM_MEDIUM', 'UTM_CAMPAIGN',
];
const ACTIVITY_FIELDS = ['ID', 'OWNER_ID', 'OWNER_TYPE_ID', 'TYPE_ID', 'PROVIDER_ID', 'DIRECTION', 'START_TIME', 'END_TIME', 'CREATED', 'SUBJECT', 'DESCRIPTION', 'DESCRIPTION_TYPE'];
const MAX_DESCRIPTION = 2000;
const OWNER_LEAD = 1;
const OWNER_DEAL = 2;
/** The fields exported per entity (the scoring features read these; bench/scoring/crm-features.ts too). */
export const FIELDS: Record<CrmEntity, string[]> = { lead: LEAD_FIELDS, deal: DEAL_FIELDS, activity: ACTIVITY_FIELDS };

/** Records whose title contains `query`, newest first, one page: what the client's user may see. */
export async function findByTitle(client: BitrixCaller, entity: 'lead' | 'deal', query: string): Promise<Record<string, unknown>[]> {
  return (await listPage(client, entity, { filter: { '%TITLE': query }, select: ['ID', 'TITLE'], order: { ID: 'DESC' }, start: -1 })).result;
}

export function portalCrmSource(clients: PortalClients): CrmSource {
  const all = async (memberId: string, entity: CrmEntity, filter: Record<string, unknown> = {}, onProgress?: ExportProgress) => {
    const client = await clients.get(memberId);
    let total: number | undefined;
    if (onProgress) {
      // One counted page (start=0 makes the portal count); the export itself then runs without COUNT.
      const page = await listPage(client, entity, { select: ['ID'], filter, order: { ID: 'ASC' }, start: 0 });
      total = page.total ?? (Array.isArray(page.result) ? page.result.length : undefined);
      onProgress(0, total);
    }
    const rows: Record<string, unknown>[] = [];
    for await (const page of exportAll(client, entity, { select: FIELDS[entity], filter })) {
      // E-mail bodies can be long HTML: the features read the first words only, so a page's bodies
      // are cut as they arrive rather than kept whole for the whole export.
      if (entity === 'activity') for (const r of page.rows) if (typeof r.DESCRIPTION === 'string' && r.DESCRIPTION.length > MAX_DESCRIPTION) r.DESCRIPTION = r.DESCRIPTION.slice(0, MAX_DESCRIPTION);
      rows.push(...page.rows);
      onProgress?.(page.done, total);
    }
    return rows;
  };
  const one = async (memberId: string, entity: 'lead' | 'deal', id: number) => {
    // A list with an ID filter answers no rows for a missing record (*.get answers 400).
    const client = await clients.get(memberId);
    const rows = (await listPage(client, entity, { filter: { ID: id }, select: FIELDS[entity] })).result;
    return rows[0] ?? null;
  };
  return {
    leads: (memberId, p) => all(memberId, 'lead', {}, p),
    activitiesOfLeads: (memberId, p) => all(memberId, 'activity', { OWNER_TYPE_ID: OWNER_LEAD }, p),
    lead: (memberId, id) => one(memberId, 'lead', id),
    activitiesOfLead: (memberId, id) => all(memberId, 'activity', { OWNER_TYPE_ID: OWNER_LEAD, OWNER_ID: id }),
    deals: (memberId, p) => all(memberId, 'deal', {}, p),
    activitiesOfDeals: (memberId, p) => all(memberId, 'activity', { OWNER_TYPE_ID: OWNER_DEAL }, p),
    deal: (memberId, id) => one(memberId, 'deal', id),
    activitiesOfDeal: (memberId, id) => all(memberId, 'activity', { OWNER_TYPE_ID: OWNER_DEAL, OWNER_ID: id }),
    async find(memberId, entity, query) {
      // One page of title matches (a substring filter), newest first: enough to tell one from several.
      return findByTitle(await clients.get(memberId), entity, query);
    },
  };
}
