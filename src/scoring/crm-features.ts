/**
 * CRM records (leads or deals) and their activities → one row of named values per record
 * (scoring.md "Features"), in the table shape the standard pipeline trains on. Pure: rows in,
 * table out; "now" is passed in by the caller and only used for records still open.
 *
 * Reference time. Every activity feature is measured at the record's reference time: the moment
 * it closed for a closed record (leads: DATE_CLOSED; deals: CLOSEDATE, which Bitrix24 sets to the
 * closing day; then MOVED_TIME / DATE_MODIFY when those are missing), and "now" for an open one.
 * Activities that started after the reference time are left out of every count and of the text:
 * an open record being scored cannot have them yet, and for a closed record they are what happened
 * after the outcome was known (the thank-you e-mail after a won deal) — counting them would teach
 * the model a signal that never exists at scoring time (target leakage). The windows "last 7 days"
 * and "last 30 days" end at the reference time; "before" is what is older than 30 days.
 */
import type { ColumnInfo, Table } from './dataset';

export type CrmRow = Record<string, unknown>;
export type CrmEntity = 'lead' | 'deal';

const ACTIVITY_KINDS: Record<string, ColumnInfo['kind']> = {
  calls_in: 'numeric',
  calls_out: 'numeric',
  calls_out_long: 'numeric',
  // Calls of every direction by length (scoring.md: under 1, 1–3, 3–5, 5–10, over 10 minutes).
  calls_under_1m: 'numeric',
  calls_1_3m: 'numeric',
  calls_3_5m: 'numeric',
  calls_5_10m: 'numeric',
  calls_over_10m: 'numeric',
  call_minutes_median: 'numeric',
  emails_in: 'numeric',
  emails_out: 'numeric',
  meetings: 'numeric',
  openline_sessions: 'numeric',
  tasks: 'numeric',
  // Windows before the reference time (scoring.md: "over the last week, the last month and before").
  activities_7d: 'numeric',
  activities_30d: 'numeric',
  activities_before: 'numeric',
  calls_7d: 'numeric',
  calls_30d: 'numeric',
  emails_7d: 'numeric',
  emails_30d: 'numeric',
  meetings_30d: 'numeric',
  openline_30d: 'numeric',
  days_since_activity: 'numeric',
  // How fast each side answers (scoring.md: "the operator's and the client's answer time").
  operator_answer_hours: 'numeric',
  client_answer_hours: 'numeric',
  text: 'text',
  activity_text: 'text',
};

/** Where a record came from on the web (a portal that never fills them trains without them). */
const UTM_KINDS: Record<string, ColumnInfo['kind']> = { UTM_SOURCE: 'categorical', UTM_MEDIUM: 'categorical', UTM_CAMPAIGN: 'categorical' };

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
  ...UTM_KINDS,
  ...ACTIVITY_KINDS,
};

export const DEAL_FEATURE_KINDS: Record<string, ColumnInfo['kind']> = {
  SOURCE_ID: 'categorical',
  ASSIGNED_BY_ID: 'categorical',
  TYPE_ID: 'categorical',
  CATEGORY_ID: 'categorical',
  IS_RETURN_CUSTOMER: 'binary',
  HAS_CONTACT: 'binary',
  HAS_COMPANY: 'binary',
  OPPORTUNITY: 'numeric',
  created_month: 'categorical',
  created_weekday: 'categorical',
  created_daypart: 'categorical',
  ...UTM_KINDS,
  ...ACTIVITY_KINDS,
};

export const FEATURE_KINDS: Record<CrmEntity, Record<string, ColumnInfo['kind']>> = { lead: LEAD_FEATURE_KINDS, deal: DEAL_FEATURE_KINDS };
export const TARGET = 'outcome';
const columnsOf = (entity: CrmEntity) => ['ID', ...Object.keys(FEATURE_KINDS[entity]), TARGET];

const TYPE_MEETING = 1;
const TYPE_CALL = 2;
const TYPE_EMAIL = 4;
const TYPE_TASK = 6;
const DIR_IN = 1;
const DIR_OUT = 2;
const DAY = 86_400_000;
/** Activity text kept per record (characters), so a chatty record cannot blow up a row. */
const MAX_TEXT = 4000;
/** …and per activity, so one long e-mail does not crowd out the others. */
const MAX_ACTIVITY_TEXT = 1000;

/** One activity reduced to what the features need. */
interface Act {
  at: number;
  kind: 'call' | 'email' | 'meeting' | 'openline' | 'task' | 'other';
  dir: number;
  minutes: number;
  text: string;
}

export interface Counts {
  callsIn: number;
  callsOut: number;
  callsOutLong: number;
  /** Calls by length: < 1, 1–3, 3–5, 5–10, > 10 minutes. */
  callsByLength: [number, number, number, number, number];
  callMinutes: number[];
  emailsIn: number;
  emailsOut: number;
  meetings: number;
  openline: number;
  tasks: number;
  all7: number;
  all30: number;
  before: number;
  calls7: number;
  calls30: number;
  emails7: number;
  emails30: number;
  meetings30: number;
  openline30: number;
  /** Days from the newest counted activity to the reference time; NaN without activities. */
  sinceLast: number;
  /** Median hours from a client's incoming call/e-mail/chat to our next outgoing one; NaN when none. */
  operatorAnswerHours: number;
  /** Median hours from our outgoing call/e-mail to the client's next incoming one; NaN when none. */
  clientAnswerHours: number;
  text: string;
}

const empty = (): Counts => ({
  callsIn: 0, callsOut: 0, callsOutLong: 0, callsByLength: [0, 0, 0, 0, 0], callMinutes: [], emailsIn: 0, emailsOut: 0, meetings: 0, openline: 0, tasks: 0,
  all7: 0, all30: 0, before: 0, calls7: 0, calls30: 0, emails7: 0, emails30: 0, meetings30: 0, openline30: 0, sinceLast: NaN, operatorAnswerHours: NaN, clientAnswerHours: NaN, text: '',
});
const n = (v: unknown) => Number(v ?? NaN);
const time = (v: unknown) => (v === undefined || v === null || v === '' ? NaN : Date.parse(String(v)));

/** Markup and entities out of an e-mail body (DESCRIPTION_TYPE 3 is HTML). */
const plain = (s: unknown) =>
  String(s ?? '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function reduce(a: CrmRow): Act {
  const type = n(a.TYPE_ID);
  const provider = String(a.PROVIDER_ID ?? '').toUpperCase();
  const start = time(a.START_TIME);
  const at = Number.isNaN(start) ? time(a.CREATED) : start;
  const kind: Act['kind'] =
    provider === 'IMOPENLINES_SESSION' ? 'openline' : type === TYPE_CALL ? 'call' : type === TYPE_EMAIL ? 'email' : type === TYPE_MEETING ? 'meeting' : type === TYPE_TASK || provider === 'CRM_TASKS_TASK' ? 'task' : 'other';
  // Texts people wrote: e-mail subjects and bodies, open-line dialogues, comments and to-dos.
  // Call subjects ("Исходящий звонок") are generated by the portal and say nothing new.
  const text = kind === 'email' || kind === 'openline' || kind === 'other' ? `${plain(a.SUBJECT)} ${plain(a.DESCRIPTION)}`.trim().slice(0, MAX_ACTIVITY_TEXT) : '';
  return { at, kind, dir: n(a.DIRECTION), minutes: (time(a.END_TIME) - start) / 60_000, text };
}

/** Activities grouped by owner id. */
export function groupActivities(activities: Iterable<CrmRow>): Map<number, Act[]> {
  const out = new Map<number, Act[]>();
  for (const a of activities) {
    const owner = n(a.OWNER_ID);
    let list = out.get(owner);
    if (!list) out.set(owner, (list = []));
    list.push(reduce(a));
  }
  return out;
}

/** Counts of one record's activities as they stood at `ref` (epoch ms; NaN = count everything). */
export function countAt(acts: readonly Act[] = [], ref: number): Counts {
  const c = empty();
  const cut = Number.isNaN(ref) ? Infinity : ref;
  let last = -Infinity;
  const texts: string[] = [];
  let textLength = 0;
  for (const a of acts) {
    if (a.at > cut) continue; // after the reference time: unknowable when scoring (see the header)
    const age = Number.isNaN(ref) || Number.isNaN(a.at) ? NaN : ref - a.at;
    const in7 = age <= 7 * DAY;
    const in30 = age <= 30 * DAY;
    if (!Number.isNaN(a.at)) last = Math.max(last, a.at);
    if (!Number.isNaN(age)) {
      if (in7) c.all7++;
      if (in30) c.all30++;
      else c.before++;
    }
    switch (a.kind) {
      case 'openline':
        c.openline++;
        if (in30) c.openline30++;
        break;
      case 'call':
        if (Number.isFinite(a.minutes)) {
          c.callMinutes.push(a.minutes);
          c.callsByLength[a.minutes < 1 ? 0 : a.minutes < 3 ? 1 : a.minutes < 5 ? 2 : a.minutes <= 10 ? 3 : 4]++;
        }
        if (a.dir === DIR_IN) c.callsIn++;
        else if (a.dir === DIR_OUT) {
          c.callsOut++;
          if (a.minutes > 5) c.callsOutLong++;
        }
        if (in7) c.calls7++;
        if (in30) c.calls30++;
        break;
      case 'email':
        if (a.dir === DIR_IN) c.emailsIn++;
        else c.emailsOut++;
        if (in7) c.emails7++;
        if (in30) c.emails30++;
        break;
      case 'meeting':
        c.meetings++;
        if (in30) c.meetings30++;
        break;
      case 'task':
        c.tasks++;
        break;
      default:
        break;
    }
    if (a.text && textLength < MAX_TEXT) {
      texts.push(a.text);
      textLength += a.text.length + 1;
    }
  }
  if (last > -Infinity && !Number.isNaN(ref)) c.sinceLast = Math.max(0, Math.floor((ref - last) / DAY));
  const answers = answerTimes(acts, cut);
  c.operatorAnswerHours = answers.operator;
  c.clientAnswerHours = answers.client;
  c.text = texts.join(' ').slice(0, MAX_TEXT);
  return c;
}

const TALK = new Set<Act['kind']>(['call', 'email', 'openline']);
const medianOf = (xs: number[]) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * Answer times from the exchange of calls, e-mails and chats before `cut`: each incoming one
 * answered by our next outgoing one (the operator's time), each outgoing one answered by the
 * client's next incoming one (the client's), in hours, as medians. A message not answered before
 * the cut counts for nothing (we cannot know how long it would have taken).
 */
function answerTimes(acts: readonly Act[], cut: number): { operator: number; client: number } {
  const talk = acts.filter((a) => TALK.has(a.kind) && !Number.isNaN(a.at) && a.at <= cut && (a.dir === DIR_IN || a.dir === DIR_OUT)).sort((a, b) => a.at - b.at);
  const operator: number[] = [];
  const client: number[] = [];
  let waitingIn = NaN; // the earliest incoming not yet answered by us
  let waitingOut = NaN; // the earliest outgoing not yet answered by the client
  for (const a of talk) {
    if (a.dir === DIR_IN) {
      if (!Number.isNaN(waitingOut)) client.push((a.at - waitingOut) / 3_600_000);
      waitingOut = NaN;
      if (Number.isNaN(waitingIn)) waitingIn = a.at;
    } else {
      if (!Number.isNaN(waitingIn)) operator.push((a.at - waitingIn) / 3_600_000);
      waitingIn = NaN;
      if (Number.isNaN(waitingOut)) waitingOut = a.at;
    }
  }
  return { operator: medianOf(operator), client: medianOf(client) };
}

/** Activity counts per owner id, everything counted (no reference time). */
export function countActivities(activities: Iterable<CrmRow>): Map<number, Counts> {
  const out = new Map<number, Counts>();
  for (const [owner, acts] of groupActivities(activities)) out.set(owner, countAt(acts, NaN));
  return out;
}

const daypart = (h: number) => (h < 6 ? 'night' : h < 12 ? 'morning' : h < 18 ? 'day' : 'evening');
const median = (xs: number[]) => {
  if (!xs.length) return '';
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return String(s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2);
};

/** The semantic of a record's status or stage: S (success), F (failure), P (in progress). */
export function semanticOf(entity: CrmEntity, row: CrmRow): string {
  return String((entity === 'deal' ? row.STAGE_SEMANTIC_ID : row.STATUS_SEMANTIC_ID) ?? '').toUpperCase();
}

/** Success = converted / won (S), failure = F; open records get an empty outcome (scored, never trained on). */
export function outcomeOf(row: CrmRow, entity: CrmEntity = 'lead'): string {
  const s = semanticOf(entity, row);
  return s === 'S' ? 'success' : s === 'F' ? 'failure' : '';
}

export const isClosed = (entity: CrmEntity, row: CrmRow) => outcomeOf(row, entity) !== '';

/**
 * When a record's activities are measured (see the header): its closing time when closed, `now`
 * when open. A date without a time (deal CLOSEDATE) means the end of that day. NaN when a closed
 * record carries no usable date at all (then every activity is counted and the windows are empty).
 */
export function referenceTime(entity: CrmEntity, row: CrmRow, now: number): number {
  if (!isClosed(entity, row)) return now;
  const fields = entity === 'deal' ? ['CLOSEDATE', 'MOVED_TIME', 'DATE_MODIFY'] : ['DATE_CLOSED', 'MOVED_TIME', 'DATE_MODIFY'];
  for (const f of fields) {
    const v = row[f];
    if (v === undefined || v === null || v === '') continue;
    const s = String(v);
    const t = /^\d{4}-\d{2}-\d{2}$/.test(s) ? Date.parse(`${s}T23:59:59Z`) : Date.parse(s);
    if (!Number.isNaN(t)) return t;
  }
  return NaN;
}

const yes = (v: unknown) => (v !== undefined && v !== null && v !== '' && v !== '0' && v !== 0 ? 'Y' : 'N');

export function recordRow(entity: CrmEntity, rec: CrmRow, c: Counts = empty()): string[] {
  const created = new Date(String(rec.DATE_CREATE ?? ''));
  const ok = !Number.isNaN(created.getTime());
  const num = (x: number) => String(x);
  const v: Record<string, string> = {
    ID: String(rec.ID ?? ''),
    SOURCE_ID: String(rec.SOURCE_ID ?? ''),
    ASSIGNED_BY_ID: String(rec.ASSIGNED_BY_ID ?? ''),
    HAS_PHONE: String(rec.HAS_PHONE ?? 'N'),
    HAS_EMAIL: String(rec.HAS_EMAIL ?? 'N'),
    HAS_IMOL: String(rec.HAS_IMOL ?? 'N'),
    TYPE_ID: String(rec.TYPE_ID ?? ''),
    CATEGORY_ID: String(rec.CATEGORY_ID ?? ''),
    IS_RETURN_CUSTOMER: String(rec.IS_RETURN_CUSTOMER ?? 'N'),
    HAS_CONTACT: yes(rec.CONTACT_ID),
    HAS_COMPANY: yes(rec.COMPANY_ID),
    OPPORTUNITY: rec.OPPORTUNITY === undefined || rec.OPPORTUNITY === null ? '' : String(Number(rec.OPPORTUNITY)),
    created_month: ok ? String(created.getUTCMonth() + 1) : '',
    created_weekday: ok ? String(created.getUTCDay()) : '',
    created_daypart: ok ? daypart(created.getUTCHours()) : '',
    calls_in: num(c.callsIn),
    calls_out: num(c.callsOut),
    calls_out_long: num(c.callsOutLong),
    calls_under_1m: num(c.callsByLength[0]),
    calls_1_3m: num(c.callsByLength[1]),
    calls_3_5m: num(c.callsByLength[2]),
    calls_5_10m: num(c.callsByLength[3]),
    calls_over_10m: num(c.callsByLength[4]),
    UTM_SOURCE: String(rec.UTM_SOURCE ?? ''),
    UTM_MEDIUM: String(rec.UTM_MEDIUM ?? ''),
    UTM_CAMPAIGN: String(rec.UTM_CAMPAIGN ?? ''),
    call_minutes_median: median(c.callMinutes),
    emails_in: num(c.emailsIn),
    emails_out: num(c.emailsOut),
    meetings: num(c.meetings),
    openline_sessions: num(c.openline),
    tasks: num(c.tasks),
    activities_7d: num(c.all7),
    activities_30d: num(c.all30),
    activities_before: num(c.before),
    calls_7d: num(c.calls7),
    calls_30d: num(c.calls30),
    emails_7d: num(c.emails7),
    emails_30d: num(c.emails30),
    meetings_30d: num(c.meetings30),
    openline_30d: num(c.openline30),
    days_since_activity: Number.isNaN(c.sinceLast) ? '' : num(c.sinceLast),
    operator_answer_hours: Number.isNaN(c.operatorAnswerHours) ? '' : String(Math.round(c.operatorAnswerHours * 100) / 100),
    client_answer_hours: Number.isNaN(c.clientAnswerHours) ? '' : String(Math.round(c.clientAnswerHours * 100) / 100),
    text: `${String(rec.TITLE ?? '')} ${plain(rec.COMMENTS)}`.trim(),
    activity_text: c.text,
    [TARGET]: outcomeOf(rec, entity),
  };
  return columnsOf(entity).map((k) => v[k] ?? '');
}

/**
 * The feature table of `records` with their `activities` (any order, matched by OWNER_ID; the
 * caller passes only this entity's activities). `now` is the reference time of open records.
 */
export function crmTable(entity: CrmEntity, records: Iterable<CrmRow>, activities: Iterable<CrmRow>, now: number): Table {
  const byOwner = groupActivities(activities);
  const rows: string[][] = [];
  for (const r of records) rows.push(recordRow(entity, r, countAt(byOwner.get(n(r.ID)), referenceTime(entity, r, now))));
  return { header: columnsOf(entity), rows } as Table;
}

/** Leads only, as before deals existed: `now` defaults to the system clock for open leads. */
export function leadTable(leads: Iterable<CrmRow>, activities: Iterable<CrmRow>, now: number = Date.now()): Table {
  return crmTable('lead', leads, activities, now);
}

export function leadRow(lead: CrmRow, c?: Counts): string[] {
  return recordRow('lead', lead, c);
}
