/**
 * CRM records and their activities → one row of named values per record (scoring.md "Features"),
 * in the table shape the standard pipeline trains on. Pure: rows in, table out; the clock is the
 * record's own creation time, never "now".
 */
import type { ColumnInfo, Table } from './dataset';

export type CrmRow = Record<string, unknown>;

/** The feature columns and the kind each has (the pipeline is told, not left to guess). */
export const LEAD_FEATURE_KINDS: Record<string, ColumnInfo['kind']> = {
  SOURCE_ID: 'categorical',
  ASSIGNED_BY_ID: 'categorical',
  HAS_PHONE: 'binary',
  HAS_EMAIL: 'binary',
  HAS_IMOL: 'binary',
  created_month: 'categorical',
  created_weekday: 'categorical',
  created_daypart: 'categorical',
  calls_in: 'numeric',
  calls_out: 'numeric',
  calls_out_long: 'numeric',
  call_minutes_median: 'numeric',
  emails_in: 'numeric',
  emails_out: 'numeric',
  meetings: 'numeric',
  openline_sessions: 'numeric',
  tasks: 'numeric',
  text: 'text',
};
export const TARGET = 'outcome';
const COLUMNS = ['ID', ...Object.keys(LEAD_FEATURE_KINDS), TARGET];

const TYPE_MEETING = 1;
const TYPE_CALL = 2;
const TYPE_EMAIL = 4;
const TYPE_TASK = 6;
const DIR_IN = 1;
const DIR_OUT = 2;

interface Counts {
  callsIn: number;
  callsOut: number;
  callsOutLong: number;
  callMinutes: number[];
  emailsIn: number;
  emailsOut: number;
  meetings: number;
  openline: number;
  tasks: number;
}

const empty = (): Counts => ({ callsIn: 0, callsOut: 0, callsOutLong: 0, callMinutes: [], emailsIn: 0, emailsOut: 0, meetings: 0, openline: 0, tasks: 0 });
const n = (v: unknown) => Number(v ?? NaN);
const minutes = (a: CrmRow) => (Date.parse(String(a.END_TIME)) - Date.parse(String(a.START_TIME))) / 60_000;

/** Activity counts per owner id. */
export function countActivities(activities: Iterable<CrmRow>): Map<number, Counts> {
  const out = new Map<number, Counts>();
  for (const a of activities) {
    const owner = n(a.OWNER_ID);
    let c = out.get(owner);
    if (!c) out.set(owner, (c = empty()));
    const type = n(a.TYPE_ID);
    const dir = n(a.DIRECTION);
    if (String(a.PROVIDER_ID ?? '').toUpperCase() === 'IMOPENLINES_SESSION') c.openline++;
    else if (type === TYPE_CALL) {
      const m = minutes(a);
      if (Number.isFinite(m)) c.callMinutes.push(m);
      if (dir === DIR_IN) c.callsIn++;
      else if (dir === DIR_OUT) {
        c.callsOut++;
        if (m > 5) c.callsOutLong++;
      }
    } else if (type === TYPE_EMAIL) {
      if (dir === DIR_IN) c.emailsIn++;
      else c.emailsOut++;
    } else if (type === TYPE_MEETING) c.meetings++;
    else if (type === TYPE_TASK) c.tasks++;
  }
  return out;
}

const daypart = (h: number) => (h < 6 ? 'night' : h < 12 ? 'morning' : h < 18 ? 'day' : 'evening');
const median = (xs: number[]) => {
  if (!xs.length) return '';
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return String(s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2);
};

/** Success = converted (S), failure = F, open records get an empty outcome (scored, never trained on). */
export function outcomeOf(lead: CrmRow): string {
  const s = String(lead.STATUS_SEMANTIC_ID ?? '').toUpperCase();
  return s === 'S' ? 'success' : s === 'F' ? 'failure' : '';
}

export function leadRow(lead: CrmRow, c: Counts = empty()): string[] {
  const created = new Date(String(lead.DATE_CREATE ?? ''));
  const ok = !Number.isNaN(created.getTime());
  const v: Record<string, string> = {
    ID: String(lead.ID ?? ''),
    SOURCE_ID: String(lead.SOURCE_ID ?? ''),
    ASSIGNED_BY_ID: String(lead.ASSIGNED_BY_ID ?? ''),
    HAS_PHONE: String(lead.HAS_PHONE ?? 'N'),
    HAS_EMAIL: String(lead.HAS_EMAIL ?? 'N'),
    HAS_IMOL: String(lead.HAS_IMOL ?? 'N'),
    created_month: ok ? String(created.getUTCMonth() + 1) : '',
    created_weekday: ok ? String(created.getUTCDay()) : '',
    created_daypart: ok ? daypart(created.getUTCHours()) : '',
    calls_in: String(c.callsIn),
    calls_out: String(c.callsOut),
    calls_out_long: String(c.callsOutLong),
    call_minutes_median: median(c.callMinutes),
    emails_in: String(c.emailsIn),
    emails_out: String(c.emailsOut),
    meetings: String(c.meetings),
    openline_sessions: String(c.openline),
    tasks: String(c.tasks),
    text: `${String(lead.TITLE ?? '')} ${String(lead.COMMENTS ?? '')}`.trim(),
    [TARGET]: outcomeOf(lead),
  };
  return COLUMNS.map((k) => v[k] ?? '');
}

export function leadTable(leads: Iterable<CrmRow>, activities: Iterable<CrmRow>): Table {
  const counts = countActivities(activities);
  const rows: string[][] = [];
  for (const l of leads) rows.push(leadRow(l, counts.get(n(l.ID))));
  return { header: COLUMNS, rows } as Table;
}
