/** The scoring module's `CrmSource` over a portal: bulk export for training, single reads for a score. */
import type { CrmSource } from '../scoring/portal-scorer';
import type { PortalClients } from './client';
import { exportAll } from './crm';

const LEAD_FIELDS = ['ID', 'TITLE', 'COMMENTS', 'SOURCE_ID', 'STATUS_ID', 'STATUS_SEMANTIC_ID', 'ASSIGNED_BY_ID', 'HAS_PHONE', 'HAS_EMAIL', 'HAS_IMOL', 'DATE_CREATE'];
const ACTIVITY_FIELDS = ['ID', 'OWNER_ID', 'OWNER_TYPE_ID', 'TYPE_ID', 'PROVIDER_ID', 'DIRECTION', 'START_TIME', 'END_TIME'];
const OWNER_LEAD = 1;

export function portalCrmSource(clients: PortalClients): CrmSource {
  const all = async (memberId: string, entity: 'lead' | 'activity', filter: Record<string, unknown> = {}) => {
    const client = await clients.get(memberId);
    const rows: Record<string, unknown>[] = [];
    for await (const page of exportAll(client, entity, { select: entity === 'lead' ? LEAD_FIELDS : ACTIVITY_FIELDS, filter })) rows.push(...page.rows);
    return rows;
  };
  return {
    leads: (memberId) => all(memberId, 'lead'),
    activitiesOfLeads: (memberId) => all(memberId, 'activity', { OWNER_TYPE_ID: OWNER_LEAD }),
    async lead(memberId, id) {
      // crm.lead.list with an ID filter answers [] for a missing lead (crm.lead.get answers 400).
      const client = await clients.get(memberId);
      const rows = await client.call<Record<string, unknown>[]>('crm.lead.list', { filter: { ID: id }, select: LEAD_FIELDS });
      return rows?.[0] ?? null;
    },
    activitiesOfLead: (memberId, id) => all(memberId, 'activity', { OWNER_TYPE_ID: OWNER_LEAD, OWNER_ID: id }),
  };
}
