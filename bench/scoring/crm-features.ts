/**
 * Lead and deal models on the sandbox's synthetic CRM, with the features of src/scoring/crm-features.ts
 * and without some of them: what the activity windows and the activity text add, and what counting
 * activities after a record's close (leakage) would seem to add. Rows are read from the sandbox's
 * tables directly (the same values its REST API serves), so the figures need no server.
 *
 *   npx tsx bench/scoring/crm-features.ts [LEADS=20000] [SEED=1]
 */
import { generateCrm, leadTable, dealTable, activityTable } from '../../src/sandbox/crm';
import { crmTable, FEATURE_KINDS, TARGET, type CrmEntity, type CrmRow } from '../../src/scoring/crm-features';
import { trainTable } from '../../src/scoring/pipeline';
import { FIELDS } from '../../src/bitrix/crm-source';
import { isMissing } from '../../src/scoring/dataset';

const leads = Number(process.argv[2] ?? 20000);
const seed = Number(process.argv[3] ?? 1);
const end = Date.parse('2026-11-28T12:00:00Z');
const crm = generateCrm({ seed, leads, endMs: end, managerIds: Array.from({ length: 24 }, (_, i) => i + 2) });

type SandboxTable = { count(): number; get(i: number, f: string): unknown };
const rows = (t: SandboxTable, fields: string[]): CrmRow[] => Array.from({ length: t.count() }, (_, i) => Object.fromEntries(fields.map((f) => [f, t.get(i, f)])));
// The fields src/bitrix/crm-source.ts selects.
const { lead: LEAD, deal: DEAL, activity: ACT } = FIELDS;
const acts = rows(activityTable(crm) as SandboxTable, ACT);
const WINDOWS = ['activities_7d', 'activities_30d', 'activities_before', 'calls_7d', 'calls_30d', 'emails_7d', 'emails_30d', 'meetings_30d', 'openline_30d', 'days_since_activity'];

function run(entity: CrmEntity, records: CrmRow[], drop: string[]) {
  const table = crmTable(entity, records, acts.filter((a) => Number(a.OWNER_TYPE_ID) === (entity === 'lead' ? 1 : 2)), end);
  const t = table.header.indexOf(TARGET);
  const closed = table.rows.filter((r) => !isMissing(r[t]));
  const empty = table.header.filter((h, i) => h !== TARGET && new Set(closed.map((r) => r[i]).filter((v) => !isMissing(v))).size <= 1);
  const t0 = performance.now();
  const { model } = trainTable(table, { target: TARGET, positive: 'success', drop: [...new Set(['ID', ...empty, ...drop])], kinds: FEATURE_KINDS[entity] });
  const m = model.meta.metrics;
  return { auc: m.auc, precision: m.precision, recall: m.recall, closed: closed.length, ms: performance.now() - t0 };
}

console.log(`sandbox CRM: ${leads} leads, seed ${seed}; ${crm.deals.n} deals; ${crm.activities.n} activities`);
console.log('entity  variant                                   closed    AUC     precision  recall  train+eval ms');
for (const entity of ['lead', 'deal'] as const) {
  const records = rows((entity === 'lead' ? leadTable(crm) : dealTable(crm)) as SandboxTable, entity === 'lead' ? LEAD : DEAL);
  // Without closing dates every activity counts, also those after the close (and the windows are empty).
  const leaky = records.map((r) => ({ ...r, DATE_CLOSED: '', CLOSEDATE: '', MOVED_TIME: '', DATE_MODIFY: '' }));
  const variants: [string, CrmRow[], string[]][] = [
    ['all features (as trained per portal)', records, []],
    ['without the 7/30-day windows', records, WINDOWS],
    ['without the activity text', records, ['activity_text']],
    ['without windows and activity text', records, [...WINDOWS, 'activity_text']],
    ['LEAKY: activities after the close count', leaky, []],
  ];
  for (const [name, recs, drop] of variants) {
    const r = run(entity, recs, drop);
    console.log(`${entity.padEnd(7)} ${name.padEnd(41)} ${String(r.closed).padStart(6)}  ${r.auc.toFixed(4)}  ${r.precision.toFixed(3).padStart(9)}  ${r.recall.toFixed(3).padStart(6)}  ${r.ms.toFixed(0).padStart(8)}`);
  }
}
