/**
 * The synthetic CRM: leads, deals, contacts and their activities, generated from a seed.
 *
 * Kept as compact typed arrays (one column per numeric feature) so 500,000 leads with millions
 * of activities fit in memory and generate in seconds; text fields (titles, names, comments) are
 * derived on read from a per-row hash of the seed, so they cost nothing to store.
 *
 * Outcomes are drawn from the features through a logistic model (source, long outgoing calls,
 * incoming e-mails, meetings, open-line sessions, phone present, the responsible manager), so a
 * scoring model trained on the export has something real to learn.
 */
import vocabulary from './crm-vocabulary.json';
import { createRng, poisson, weighted, type Rng } from './random';
import { isoPortal } from './dates';
import type { Table } from './query';

export const vocab = vocabulary;

/** Activity kinds (index into ACTIVITY_KINDS). */
export const ACTIVITY_KINDS = [
  { typeId: '2', providerId: 'VOXIMPLANT_CALL', providerTypeId: 'CALL', subject: 'Звонок' },
  { typeId: '4', providerId: 'CRM_EMAIL', providerTypeId: 'EMAIL', subject: 'Письмо' },
  { typeId: '1', providerId: 'CRM_MEETING', providerTypeId: 'MEETING', subject: 'Встреча' },
  { typeId: '3', providerId: 'CRM_TASKS_TASK', providerTypeId: 'TASK', subject: 'Задача' },
  { typeId: '6', providerId: 'CRM_TODO', providerTypeId: 'TODO', subject: 'Дело' },
  { typeId: '6', providerId: 'IMOPENLINES_SESSION', providerTypeId: 'IMOPENLINES_SESSION', subject: 'Диалог в открытой линии' },
] as const;
const K_CALL = 0, K_EMAIL = 1, K_MEETING = 2, K_TASK = 3, K_TODO = 4, K_OPENLINE = 5;

export const OWNER_LEAD = 1;
export const OWNER_DEAL = 2;

export interface CrmOptions {
  seed: number;
  leads: number;
  /** Epoch ms of the newest record; the CRM spans the two years before it. */
  endMs: number;
  /** Ids of users that can be responsible for records. */
  managerIds: number[];
}

/** Columns of one owner entity (leads or deals). */
interface OwnerColumns {
  n: number;
  created: Uint32Array; // unix seconds
  closed: Uint32Array; // unix seconds, 0 = open
  source: Uint8Array;
  status: Uint8Array; // index into leadStatuses / dealStages
  assigned: Uint16Array;
  flags: Uint8Array; // bit0 phone, bit1 email, bit2 imol, bit3 return customer
  opportunity: Uint32Array; // roubles
  contact: Uint32Array; // contact id, 0 = none
  aux: Uint32Array; // deal: lead id; lead: unused
  actStart: Uint32Array; // offsets into activity columns, length n+1
}

export interface Crm {
  seed: number;
  leads: OwnerColumns;
  deals: OwnerColumns;
  contacts: number;
  activities: {
    n: number;
    kind: Uint8Array;
    direction: Uint8Array;
    start: Uint32Array;
    duration: Uint32Array; // seconds
    ownerType: Uint8Array;
    owner: Uint32Array; // owner id
    responsible: Uint16Array;
    completed: Uint8Array;
  };
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const DAY = 86400;

/** Log-normal call length in seconds with the given median. */
function callLength(rng: Rng, median: number): number {
  const u = Math.max(1e-9, rng());
  const v = rng();
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return Math.max(5, Math.round(median * Math.exp(0.9 * z)));
}

class Growable {
  kind: Uint8Array; direction: Uint8Array; start: Uint32Array; duration: Uint32Array;
  ownerType: Uint8Array; owner: Uint32Array; responsible: Uint16Array; completed: Uint8Array;
  n = 0;
  constructor(private cap: number) {
    this.kind = new Uint8Array(cap); this.direction = new Uint8Array(cap); this.start = new Uint32Array(cap);
    this.duration = new Uint32Array(cap); this.ownerType = new Uint8Array(cap); this.owner = new Uint32Array(cap);
    this.responsible = new Uint16Array(cap); this.completed = new Uint8Array(cap);
  }
  push(kind: number, direction: number, start: number, duration: number, ownerType: number, owner: number, responsible: number, completed: number) {
    if (this.n === this.cap) this.grow();
    const i = this.n++;
    this.kind[i] = kind; this.direction[i] = direction; this.start[i] = start; this.duration[i] = duration;
    this.ownerType[i] = ownerType; this.owner[i] = owner; this.responsible[i] = responsible; this.completed[i] = completed;
  }
  private grow() {
    this.cap *= 2;
    const g = <T extends Uint8Array | Uint16Array | Uint32Array>(a: T, C: new (n: number) => T): T => {
      const b = new C(this.cap);
      b.set(a);
      return b;
    };
    this.kind = g(this.kind, Uint8Array); this.direction = g(this.direction, Uint8Array);
    this.start = g(this.start, Uint32Array); this.duration = g(this.duration, Uint32Array);
    this.ownerType = g(this.ownerType, Uint8Array); this.owner = g(this.owner, Uint32Array);
    this.responsible = g(this.responsible, Uint16Array); this.completed = g(this.completed, Uint8Array);
  }
}

function columns(n: number): OwnerColumns {
  return {
    n, created: new Uint32Array(n), closed: new Uint32Array(n), source: new Uint8Array(n), status: new Uint8Array(n),
    assigned: new Uint16Array(n), flags: new Uint8Array(n), opportunity: new Uint32Array(n), contact: new Uint32Array(n),
    aux: new Uint32Array(n), actStart: new Uint32Array(n + 1),
  };
}

/**
 * Generates activities for one record and returns its latent "engagement" score contribution.
 * The same habits drive both leads and deals: long outgoing calls and meetings help.
 */
function activitiesFor(rng: Rng, acts: Growable, ownerType: number, ownerId: number, created: number, horizon: number,
  sourceId: string, flags: number, manager: number): number {
  let score = 0;
  const span = Math.max(DAY, horizon - created);
  const at = () => created + Math.floor(rng() * Math.min(span, 60 * DAY));
  const callMean = sourceId === 'CALL' || sourceId === 'CALLBACK' ? 2.2 : 1.2;
  const outCalls = flags & 1 ? poisson(rng, callMean) : 0;
  const inCalls = flags & 1 ? poisson(rng, callMean * 0.5) : 0;
  for (let k = 0; k < outCalls; k++) {
    const len = rng() < 0.25 ? Math.round(rng() * 20) : callLength(rng, 150);
    acts.push(K_CALL, 2, at(), len, ownerType, ownerId, manager, 1);
    score += len >= 180 ? 0.55 : len >= 60 ? 0.15 : -0.1;
  }
  for (let k = 0; k < inCalls; k++) {
    const len = callLength(rng, 100);
    acts.push(K_CALL, 1, at(), len, ownerType, ownerId, manager, 1);
    score += len >= 180 ? 0.3 : 0.05;
  }
  const emailsOut = flags & 2 ? poisson(rng, 1.3) : 0;
  const emailsIn = flags & 2 ? poisson(rng, 0.7) : 0;
  for (let k = 0; k < emailsOut; k++) acts.push(K_EMAIL, 2, at(), 0, ownerType, ownerId, manager, 1);
  for (let k = 0; k < emailsIn; k++) {
    acts.push(K_EMAIL, 1, at(), 0, ownerType, ownerId, manager, 1);
    score += 0.35;
  }
  const meetings = poisson(rng, 0.35);
  for (let k = 0; k < meetings; k++) {
    acts.push(K_MEETING, 0, at(), 3600, ownerType, ownerId, manager, rng() < 0.8 ? 1 : 0);
    score += 0.8;
  }
  const tasks = poisson(rng, 0.5);
  for (let k = 0; k < tasks; k++) acts.push(K_TASK, 0, at(), 0, ownerType, ownerId, manager, rng() < 0.7 ? 1 : 0);
  const todos = poisson(rng, 0.4);
  for (let k = 0; k < todos; k++) acts.push(K_TODO, 0, at(), 0, ownerType, ownerId, manager, rng() < 0.6 ? 1 : 0);
  if (flags & 4) {
    const sessions = 1 + poisson(rng, 0.5);
    for (let k = 0; k < sessions; k++) {
      // duration of an open-line session = the operator's first answer time, seconds
      const answer = Math.round(callLength(rng, 240));
      acts.push(K_OPENLINE, 1, at(), answer, ownerType, ownerId, manager, 1);
      score += answer < 120 ? 0.4 : answer > 900 ? -0.4 : 0.1;
    }
  }
  if (outCalls + inCalls + emailsOut + emailsIn + meetings === 0) score -= 0.8;
  return score;
}

export function generateCrm(opts: CrmOptions): Crm {
  const rng = createRng(opts.seed ^ 0x5eed);
  const n = Math.max(0, Math.floor(opts.leads));
  const end = Math.floor(opts.endMs / 1000);
  const begin = end - 730 * DAY;
  const sources = vocab.sources;
  const sourceWeights = sources.map((s) => s.weight);
  const managers = opts.managerIds.length ? opts.managerIds : [1];
  // Each manager's skill shifts conversion a little: a per-user effect to learn.
  const skill = new Map(managers.map((m) => [m, (rng() - 0.5) * 1.2]));
  const leads = columns(n);
  const acts = new Growable(Math.max(1024, n * 7));
  const statusIdx = Object.fromEntries(vocab.leadStatuses.map((s, i) => [s.id, i]));
  let contacts = 0;

  for (let i = 0; i < n; i++) {
    const id = i + 1;
    const created = begin + Math.floor(((i + rng()) / Math.max(1, n)) * 730 * DAY);
    const src = weighted(rng, sourceWeights);
    const s = sources[src]!;
    const manager = managers[Math.floor(rng() * managers.length)]!;
    let flags = 0;
    if (rng() < s.phone) flags |= 1;
    if (rng() < s.email) flags |= 2;
    if ((s.id === 'WEB' || s.id === 'WEBFORM' || s.id === 'STORE') && rng() < 0.45) flags |= 4;
    if (s.id === 'PARTNER' || rng() < 0.05) flags |= 8;
    leads.created[i] = created;
    leads.source[i] = src;
    leads.assigned[i] = manager;
    leads.flags[i] = flags;
    leads.opportunity[i] = Math.round((5 + rng() * rng() * 495)) * 1000;
    leads.actStart[i] = acts.n;
    const engagement = activitiesFor(rng, acts, OWNER_LEAD, id, created, end, s.id, flags, manager);
    const logit = -1.1 + s.effect + engagement + (flags & 1 ? 0.3 : -0.3) + (flags & 8 ? 0.6 : 0) + skill.get(manager)! + (rng() - 0.5) * 0.8;
    const p = sigmoid(logit);
    const age = end - created;
    const isClosed = rng() < (age > 30 * DAY ? 0.92 : 0.25);
    if (isClosed) {
      const success = rng() < p;
      leads.status[i] = success ? statusIdx.CONVERTED! : statusIdx.JUNK!;
      leads.closed[i] = Math.min(end, created + Math.floor(DAY + rng() * 40 * DAY));
      if (success) leads.contact[i] = ++contacts;
    } else {
      leads.status[i] = Math.floor(rng() * 3); // NEW, IN_PROCESS, PROCESSED
    }
  }
  leads.actStart[n] = acts.n;

  // Deals: one per converted lead, up to a quarter of the lead count.
  const convertedIdx: number[] = [];
  for (let i = 0; i < n && convertedIdx.length < Math.ceil(n / 4); i++) if (leads.contact[i]) convertedIdx.push(i);
  const m = convertedIdx.length;
  const deals = columns(m);
  const stageIdx = Object.fromEntries(vocab.dealStages.map((s, i) => [s.id, i]));
  for (let j = 0; j < m; j++) {
    const li = convertedIdx[j]!;
    const created = leads.closed[li]! || leads.created[li]!;
    const manager = leads.assigned[li]!;
    const src = leads.source[li]!;
    deals.created[j] = created;
    deals.source[j] = src;
    deals.assigned[j] = manager;
    deals.flags[j] = leads.flags[li]!;
    deals.opportunity[j] = leads.opportunity[li]!;
    deals.contact[j] = leads.contact[li]!;
    deals.aux[j] = li + 1;
    deals.actStart[j] = acts.n;
    const engagement = activitiesFor(rng, acts, OWNER_DEAL, j + 1, created, end, sources[src]!.id, deals.flags[j]!, manager);
    const p = sigmoid(-0.4 + engagement * 0.8 + skill.get(manager)! + (rng() - 0.5));
    if (end - created > 20 * DAY && rng() < 0.85) {
      deals.status[j] = rng() < p ? stageIdx.WON! : rng() < 0.8 ? stageIdx.LOSE! : stageIdx.APOLOGY!;
      deals.closed[j] = Math.min(end, created + Math.floor(3 * DAY + rng() * 60 * DAY));
    } else deals.status[j] = Math.floor(rng() * 5);
  }
  deals.actStart[m] = acts.n;

  return {
    seed: opts.seed,
    leads,
    deals,
    contacts,
    activities: {
      n: acts.n, kind: acts.kind, direction: acts.direction, start: acts.start, duration: acts.duration,
      ownerType: acts.ownerType, owner: acts.owner, responsible: acts.responsible, completed: acts.completed,
    },
  };
}

// ---- derived text -------------------------------------------------------------------------

/** A small deterministic rng for one row's text, so text needs no storage. */
function rowRng(seed: number, salt: number, id: number): Rng {
  return createRng((Math.imul(seed ^ 0x9e3779b9, 31) + Math.imul(id, 0x85ebca6b) + salt) >>> 0);
}
const at = <T>(r: Rng, list: readonly T[]) => list[Math.floor(r() * list.length)]!;
const iso = (sec: number) => (sec ? isoPortal(sec * 1000) : '');
const yn = (b: boolean) => (b ? 'Y' : 'N');

function personName(seed: number, salt: number, id: number) {
  const r = rowRng(seed, salt, id);
  return { first: at(r, vocab.firstNames), last: at(r, vocab.lastNames), company: at(r, vocab.companies), r };
}

function phoneOf(id: number) {
  return `+7 9${String(10 + (id % 89)).padStart(2, '0')} ${String(100 + (id * 7) % 900)}-${String(10 + (id * 13) % 90)}-${String(10 + (id * 17) % 90)}`;
}

// ---- tables -----------------------------------------------------------------------------

const LEAD_FIELDS = [
  'ID', 'TITLE', 'HONORIFIC', 'NAME', 'SECOND_NAME', 'LAST_NAME', 'COMPANY_TITLE', 'COMPANY_ID', 'CONTACT_ID',
  'IS_RETURN_CUSTOMER', 'BIRTHDATE', 'SOURCE_ID', 'SOURCE_DESCRIPTION', 'STATUS_ID', 'STATUS_DESCRIPTION',
  'STATUS_SEMANTIC_ID', 'POST', 'CURRENCY_ID', 'OPPORTUNITY', 'IS_MANUAL_OPPORTUNITY', 'OPENED', 'COMMENTS',
  'HAS_PHONE', 'HAS_EMAIL', 'HAS_IMOL', 'ASSIGNED_BY_ID', 'CREATED_BY_ID', 'MODIFY_BY_ID', 'MOVED_BY_ID',
  'DATE_CREATE', 'DATE_MODIFY', 'DATE_CLOSED', 'MOVED_TIME', 'UTM_SOURCE', 'UTM_MEDIUM', 'UTM_CAMPAIGN',
  'UTM_CONTENT', 'UTM_TERM', 'LAST_ACTIVITY_TIME', 'LAST_ACTIVITY_BY',
] as const;
const MULTI_FIELDS = ['PHONE', 'EMAIL', 'IM'];

function lastActivity(crm: Crm, c: OwnerColumns, i: number): number {
  let best = 0;
  for (let k = c.actStart[i]!; k < c.actStart[i + 1]!; k++) best = Math.max(best, crm.activities.start[k]!);
  return best || c.created[i]!;
}

export function leadTable(crm: Crm): Table {
  const c = crm.leads;
  const seed = crm.seed;
  const get = (i: number, f: string): unknown => {
    const id = i + 1;
    const src = vocab.sources[c.source[i]!]!;
    const st = vocab.leadStatuses[c.status[i]!]!;
    const fl = c.flags[i]!;
    switch (f) {
      case 'ID': return String(id);
      case 'TITLE': {
        const r = rowRng(seed, 1, id);
        return `${(vocab.titlePrefixes as Record<string, string>)[src.id]}: ${at(r, vocab.products)}`;
      }
      case 'HONORIFIC': return null;
      case 'NAME': return personName(seed, 2, id).first;
      case 'SECOND_NAME': return null;
      case 'LAST_NAME': return personName(seed, 2, id).last;
      case 'COMPANY_TITLE': return personName(seed, 2, id).company;
      case 'COMPANY_ID': return null;
      case 'CONTACT_ID': return c.contact[i] ? String(c.contact[i]) : null;
      case 'IS_RETURN_CUSTOMER': return yn(!!(fl & 8));
      case 'BIRTHDATE': return '';
      case 'SOURCE_ID': return src.id;
      case 'SOURCE_DESCRIPTION': return null;
      case 'STATUS_ID': return st.id;
      case 'STATUS_DESCRIPTION': return null;
      case 'STATUS_SEMANTIC_ID': return st.semantics;
      case 'POST': return null;
      case 'CURRENCY_ID': return 'RUB';
      case 'OPPORTUNITY': return `${c.opportunity[i]}.00`;
      case 'IS_MANUAL_OPPORTUNITY': return 'N';
      case 'OPENED': return 'Y';
      case 'COMMENTS': {
        const r = rowRng(seed, 3, id);
        const list = st.semantics === 'S' ? (r() < 0.6 ? vocab.commentsPositive : vocab.commentsNeutral)
          : st.semantics === 'F' ? (r() < 0.6 ? vocab.commentsNegative : vocab.commentsNeutral) : vocab.commentsNeutral;
        const text = at(r, list);
        return text ? text : null;
      }
      case 'HAS_PHONE': return yn(!!(fl & 1));
      case 'HAS_EMAIL': return yn(!!(fl & 2));
      case 'HAS_IMOL': return yn(!!(fl & 4));
      case 'ASSIGNED_BY_ID': case 'MODIFY_BY_ID': case 'MOVED_BY_ID': case 'LAST_ACTIVITY_BY': return String(c.assigned[i]);
      case 'CREATED_BY_ID': return '1';
      case 'DATE_CREATE': return iso(c.created[i]!);
      case 'DATE_MODIFY': case 'MOVED_TIME': return iso(c.closed[i] || c.created[i]!);
      case 'DATE_CLOSED': return c.closed[i] ? iso(c.closed[i]!) : '';
      case 'UTM_SOURCE': return at(rowRng(seed, 4, id), vocab.utmSources) || null;
      case 'UTM_MEDIUM': return at(rowRng(seed, 5, id), vocab.utmMediums) || null;
      case 'UTM_CAMPAIGN': case 'UTM_CONTENT': case 'UTM_TERM': return null;
      case 'LAST_ACTIVITY_TIME': return iso(lastActivity(crm, c, i));
      case 'PHONE': return fl & 1 ? [{ ID: String(id * 3), VALUE_TYPE: 'WORK', VALUE: phoneOf(id), TYPE_ID: 'PHONE' }] : undefined;
      case 'EMAIL': return fl & 2 ? [{ ID: String(id * 3 + 1), VALUE_TYPE: 'WORK', VALUE: `client${id}@example.com`, TYPE_ID: 'EMAIL' }] : undefined;
      case 'IM': return fl & 4 ? [{ ID: String(id * 3 + 2), VALUE_TYPE: 'OPENLINE', VALUE: `imol|livechat|1|${1000 + id}|${id}`, TYPE_ID: 'IM' }] : undefined;
      default: return undefined;
    }
  };
  const num = (i: number, f: string): number | undefined => {
    switch (f) {
      case 'ID': return i + 1;
      case 'ASSIGNED_BY_ID': return c.assigned[i];
      case 'OPPORTUNITY': return c.opportunity[i];
      case 'DATE_CREATE': return c.created[i]! * 1000;
      case 'DATE_CLOSED': return c.closed[i] ? c.closed[i]! * 1000 : undefined;
      case 'DATE_MODIFY': case 'MOVED_TIME': return (c.closed[i] || c.created[i]!) * 1000;
      case 'CONTACT_ID': return c.contact[i] || undefined;
      default: return undefined;
    }
  };
  return {
    count: () => c.n, idAt: (i) => i + 1, indexOf: (id) => (Number.isInteger(id) && id >= 1 && id <= c.n ? id - 1 : -1),
    get, num, fields: LEAD_FIELDS, extraFields: MULTI_FIELDS,
  };
}

const DEAL_FIELDS = [
  'ID', 'TITLE', 'TYPE_ID', 'CATEGORY_ID', 'STAGE_ID', 'STAGE_SEMANTIC_ID', 'IS_NEW', 'IS_RECURRING', 'IS_RETURN_CUSTOMER',
  'PROBABILITY', 'CURRENCY_ID', 'OPPORTUNITY', 'IS_MANUAL_OPPORTUNITY', 'TAX_VALUE', 'COMPANY_ID', 'CONTACT_ID',
  'QUOTE_ID', 'BEGINDATE', 'CLOSEDATE', 'OPENED', 'CLOSED', 'COMMENTS', 'ASSIGNED_BY_ID', 'CREATED_BY_ID',
  'MODIFY_BY_ID', 'MOVED_BY_ID', 'DATE_CREATE', 'DATE_MODIFY', 'MOVED_TIME', 'SOURCE_ID', 'SOURCE_DESCRIPTION',
  'LEAD_ID', 'ADDITIONAL_INFO', 'UTM_SOURCE', 'UTM_MEDIUM', 'UTM_CAMPAIGN', 'UTM_CONTENT', 'UTM_TERM',
  'LAST_ACTIVITY_TIME', 'LAST_ACTIVITY_BY',
] as const;

export function dealTable(crm: Crm): Table {
  const c = crm.deals;
  const seed = crm.seed;
  const get = (i: number, f: string): unknown => {
    const id = i + 1;
    const st = vocab.dealStages[c.status[i]!]!;
    switch (f) {
      case 'ID': return String(id);
      case 'TITLE': return `Сделка: ${at(rowRng(seed, 11, id), vocab.products)} — ${personName(seed, 2, c.aux[i]!).company}`;
      case 'TYPE_ID': return 'SALE';
      case 'CATEGORY_ID': return '0';
      case 'STAGE_ID': return st.id;
      case 'STAGE_SEMANTIC_ID': return st.semantics;
      case 'IS_NEW': return yn(st.id === 'NEW');
      case 'IS_RECURRING': return 'N';
      case 'IS_RETURN_CUSTOMER': return yn(!!(c.flags[i]! & 8));
      case 'PROBABILITY': return null;
      case 'CURRENCY_ID': return 'RUB';
      case 'OPPORTUNITY': return `${c.opportunity[i]}.00`;
      case 'IS_MANUAL_OPPORTUNITY': return 'N';
      case 'TAX_VALUE': return '0.00';
      case 'COMPANY_ID': return '0';
      case 'CONTACT_ID': return c.contact[i] ? String(c.contact[i]) : null;
      case 'QUOTE_ID': return null;
      case 'BEGINDATE': return iso(c.created[i]!);
      case 'CLOSEDATE': return iso(c.closed[i] || c.created[i]! + 30 * DAY);
      case 'OPENED': return 'Y';
      case 'CLOSED': return yn(st.semantics !== 'P');
      case 'COMMENTS': return null;
      case 'ASSIGNED_BY_ID': case 'MODIFY_BY_ID': case 'MOVED_BY_ID': case 'LAST_ACTIVITY_BY': return String(c.assigned[i]);
      case 'CREATED_BY_ID': return '1';
      case 'DATE_CREATE': return iso(c.created[i]!);
      case 'DATE_MODIFY': case 'MOVED_TIME': return iso(c.closed[i] || c.created[i]!);
      case 'SOURCE_ID': return vocab.sources[c.source[i]!]!.id;
      case 'SOURCE_DESCRIPTION': return null;
      case 'LEAD_ID': return String(c.aux[i]);
      case 'ADDITIONAL_INFO': return null;
      case 'UTM_SOURCE': case 'UTM_MEDIUM': case 'UTM_CAMPAIGN': case 'UTM_CONTENT': case 'UTM_TERM': return null;
      case 'LAST_ACTIVITY_TIME': return iso(lastActivity(crm, c, i));
      default: return undefined;
    }
  };
  const num = (i: number, f: string): number | undefined => {
    switch (f) {
      case 'ID': return i + 1;
      case 'ASSIGNED_BY_ID': return c.assigned[i];
      case 'OPPORTUNITY': return c.opportunity[i];
      case 'LEAD_ID': return c.aux[i];
      case 'CONTACT_ID': return c.contact[i] || undefined;
      case 'DATE_CREATE': return c.created[i]! * 1000;
      case 'DATE_MODIFY': case 'MOVED_TIME': return (c.closed[i] || c.created[i]!) * 1000;
      default: return undefined;
    }
  };
  return {
    count: () => c.n, idAt: (i) => i + 1, indexOf: (id) => (Number.isInteger(id) && id >= 1 && id <= c.n ? id - 1 : -1),
    get, num, fields: DEAL_FIELDS,
  };
}

const CONTACT_FIELDS = ['ID', 'HONORIFIC', 'NAME', 'SECOND_NAME', 'LAST_NAME', 'POST', 'COMPANY_ID', 'SOURCE_ID',
  'OPENED', 'EXPORT', 'HAS_PHONE', 'HAS_EMAIL', 'HAS_IMOL', 'ASSIGNED_BY_ID', 'CREATED_BY_ID', 'DATE_CREATE',
  'DATE_MODIFY', 'LEAD_ID', 'COMMENTS'] as const;

export function contactTable(crm: Crm): Table {
  // Contact k was created by the k-th converted lead; find that lead by a scan once, lazily.
  let leadOf: Uint32Array | undefined;
  const leadIndex = (k: number) => {
    if (!leadOf) {
      leadOf = new Uint32Array(crm.contacts + 1);
      for (let i = 0; i < crm.leads.n; i++) if (crm.leads.contact[i]) leadOf[crm.leads.contact[i]!] = i;
    }
    return leadOf[k]!;
  };
  const get = (i: number, f: string): unknown => {
    const id = i + 1;
    const li = leadIndex(id);
    const lead = leadTable(crm);
    switch (f) {
      case 'ID': return String(id);
      case 'NAME': case 'LAST_NAME': case 'HAS_PHONE': case 'HAS_EMAIL': case 'HAS_IMOL': case 'ASSIGNED_BY_ID':
      case 'CREATED_BY_ID': case 'SOURCE_ID': case 'PHONE': case 'EMAIL': return lead.get(li, f);
      case 'DATE_CREATE': case 'DATE_MODIFY': return lead.get(li, 'DATE_CLOSED');
      case 'LEAD_ID': return String(li + 1);
      case 'OPENED': return 'Y';
      case 'EXPORT': return 'Y';
      case 'COMPANY_ID': return null;
      default: return CONTACT_FIELDS.includes(f as never) ? null : undefined;
    }
  };
  return {
    count: () => crm.contacts, idAt: (i) => i + 1,
    indexOf: (id) => (Number.isInteger(id) && id >= 1 && id <= crm.contacts ? id - 1 : -1),
    get, num: (i, f) => (f === 'ID' ? i + 1 : undefined), fields: CONTACT_FIELDS, extraFields: MULTI_FIELDS,
  };
}

const ACTIVITY_FIELDS = ['ID', 'OWNER_ID', 'OWNER_TYPE_ID', 'TYPE_ID', 'PROVIDER_ID', 'PROVIDER_TYPE_ID',
  'PROVIDER_GROUP_ID', 'ASSOCIATED_ENTITY_ID', 'SUBJECT', 'CREATED', 'LAST_UPDATED', 'START_TIME', 'END_TIME',
  'DEADLINE', 'COMPLETED', 'STATUS', 'RESPONSIBLE_ID', 'PRIORITY', 'NOTIFY_TYPE', 'NOTIFY_VALUE', 'DESCRIPTION',
  'DESCRIPTION_TYPE', 'DIRECTION', 'LOCATION', 'SETTINGS', 'ORIGINATOR_ID', 'ORIGIN_ID', 'AUTHOR_ID', 'EDITOR_ID'] as const;

/**
 * The words of an e-mail body or an open-line dialogue, derived on read like every other text. Most
 * are neutral; about a third of those on a record that ends won (lost) come from the positive
 * (negative) comments, so the hashed activity-text feature has a weak signal to find — weaker
 * than the lead's own COMMENTS (60 %), and only where the text was written before the close.
 */
function conversationText(crm: Crm, i: number, id: number): string {
  const a = crm.activities;
  const owner = a.owner[i]! - 1;
  const semantics = a.ownerType[i] === OWNER_LEAD
    ? vocab.leadStatuses[crm.leads.status[owner] ?? 0]?.semantics
    : vocab.dealStages[crm.deals.status[owner] ?? 0]?.semantics;
  const r = rowRng(crm.seed, 22, id);
  const telling = r() < 0.3;
  const list = telling && semantics === 'S' ? vocab.commentsPositive : telling && semantics === 'F' ? vocab.commentsNegative : vocab.commentsNeutral;
  return at(r, list);
}

export function activityTable(crm: Crm): Table {
  const a = crm.activities;
  const seed = crm.seed;
  const get = (i: number, f: string): unknown => {
    const id = i + 1;
    const kind = ACTIVITY_KINDS[a.kind[i]!]!;
    const start = a.start[i]!;
    const k = a.kind[i]!;
    const end = k === K_CALL || k === K_MEETING || k === K_OPENLINE ? start + a.duration[i]! : start;
    switch (f) {
      case 'ID': return String(id);
      case 'OWNER_ID': return String(a.owner[i]);
      case 'OWNER_TYPE_ID': return String(a.ownerType[i]);
      case 'TYPE_ID': return kind.typeId;
      case 'PROVIDER_ID': return kind.providerId;
      case 'PROVIDER_TYPE_ID': return kind.providerTypeId;
      case 'PROVIDER_GROUP_ID': return null;
      case 'ASSOCIATED_ENTITY_ID': return k === K_OPENLINE ? String(10000 + id) : k === K_TASK ? String(50000 + id) : '0';
      case 'SUBJECT': {
        if (k === K_EMAIL) return at(rowRng(seed, 21, id), vocab.emailSubjects);
        if (k === K_CALL) return a.direction[i] === 1 ? 'Входящий звонок' : 'Исходящий звонок';
        return kind.subject;
      }
      case 'CREATED': case 'LAST_UPDATED': return iso(start);
      case 'START_TIME': return iso(start);
      case 'END_TIME': return iso(end);
      case 'DEADLINE': return iso(k === K_TASK || k === K_TODO ? end + DAY : start);
      case 'COMPLETED': return yn(a.completed[i] === 1);
      case 'STATUS': return a.completed[i] ? '2' : '1';
      case 'RESPONSIBLE_ID': case 'AUTHOR_ID': case 'EDITOR_ID': return String(a.responsible[i]);
      case 'PRIORITY': return '2';
      case 'NOTIFY_TYPE': return '0';
      case 'NOTIFY_VALUE': return '0';
      case 'DESCRIPTION': return k === K_EMAIL || k === K_OPENLINE ? conversationText(crm, i, id) : '';
      case 'DESCRIPTION_TYPE': return k === K_EMAIL ? '3' : '1';
      case 'DIRECTION': return String(a.direction[i]);
      case 'LOCATION': return '';
      case 'SETTINGS': return k === K_CALL ? { DURATION: a.duration[i] } : [];
      case 'ORIGINATOR_ID': return k === K_OPENLINE ? 'livechat' : null;
      case 'ORIGIN_ID': return k === K_OPENLINE ? `IMOL_${10000 + id}` : null;
      case 'COMMUNICATIONS': return [];
      default: return undefined;
    }
  };
  const num = (i: number, f: string): number | undefined => {
    switch (f) {
      case 'ID': return i + 1;
      case 'OWNER_ID': return a.owner[i];
      case 'OWNER_TYPE_ID': return a.ownerType[i];
      case 'TYPE_ID': return Number(ACTIVITY_KINDS[a.kind[i]!]!.typeId);
      case 'DIRECTION': return a.direction[i];
      case 'RESPONSIBLE_ID': return a.responsible[i];
      case 'START_TIME': case 'CREATED': return a.start[i]! * 1000;
      default: return undefined;
    }
  };
  // A filter on one owner only needs that owner's slice of the activity columns.
  const narrow = (filter: Record<string, unknown>): { lo: number; hi: number } | undefined => {
    const type = Number(filter.OWNER_TYPE_ID ?? filter['=OWNER_TYPE_ID']);
    const owner = Number(filter.OWNER_ID ?? filter['=OWNER_ID']);
    if (!Number.isInteger(owner) || (type !== OWNER_LEAD && type !== OWNER_DEAL)) return undefined;
    const cols = type === OWNER_LEAD ? crm.leads : crm.deals;
    if (owner < 1 || owner > cols.n) return { lo: 0, hi: 0 };
    return { lo: cols.actStart[owner - 1]!, hi: cols.actStart[owner]! };
  };
  return {
    count: () => a.n, idAt: (i) => i + 1, indexOf: (id) => (Number.isInteger(id) && id >= 1 && id <= a.n ? id - 1 : -1),
    get, num, narrow, fields: ACTIVITY_FIELDS, extraFields: ['COMMUNICATIONS', 'FILES'],
  };
}
