/**
 * `tasks.task.*` (v2 shapes): UPPER_CASE `fields`/`filter`/`select` in, camelCase out, string ids,
 * `result.task` / `result.tasks`.
 */
import { Errors, RestError } from '../errors';
import { isoPortal, parsePortalDate } from '../dates';
import { asList, asRecord } from '../php-query';
import { runList, type Table } from '../query';
import type { Portal, TaskRow } from '../portal';
import { Listed, int, param, str, type CallContext, type MethodDef } from './types';

const camel = (s: string) => s.toLowerCase().replace(/_([a-z0-9])/g, (_, ch: string) => ch.toUpperCase());
const upper = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

const TASK_FIELDS = ['ID', 'PARENT_ID', 'TITLE', 'DESCRIPTION', 'MARK', 'PRIORITY', 'STATUS', 'MULTITASK', 'NOT_VIEWED',
  'REPLICATE', 'GROUP_ID', 'STAGE_ID', 'CREATED_BY', 'CREATED_DATE', 'RESPONSIBLE_ID', 'CHANGED_BY', 'CHANGED_DATE',
  'STATUS_CHANGED_DATE', 'CLOSED_BY', 'CLOSED_DATE', 'DATE_START', 'DEADLINE', 'START_DATE_PLAN', 'END_DATE_PLAN',
  'ALLOW_CHANGE_DEADLINE', 'TASK_CONTROL', 'UF_CRM_TASK', 'ACCOMPLICES', 'AUDITORS', 'TAGS', 'XML_ID'];

/** tasks-task-list.md: the documented filter fields and order fields (XML_ID is select-only). */
const TASK_FILTERS = new Set(['ID', 'PARENT_ID', 'GROUP_ID', 'CREATED_BY', 'STATUS_CHANGED_BY', 'PRIORITY', 'FORUM_TOPIC_ID', 'RESPONSIBLE_ID',
  'TITLE', 'TAG', 'REAL_STATUS', 'STATUS', 'MARK', 'SITE_ID', 'ADD_IN_REPORT', 'DATE_START', 'DEADLINE', 'CREATED_DATE', 'CLOSED_DATE',
  'CHANGED_DATE', 'ACCOMPLICE', 'AUDITOR', 'DEPENDS_ON', 'ONLY_ROOT_TASKS', 'STAGE_ID', 'SPRINT_ID', 'BACKLOG_ID', 'UF_CRM_TASK']);
const TASK_ORDERS = new Set(['ID', 'TITLE', 'TIME_SPENT_IN_LOGS', 'DATE_START', 'CREATED_DATE', 'CHANGED_DATE', 'CLOSED_DATE', 'START_DATE_PLAN',
  'END_DATE_PLAN', 'DEADLINE', 'REAL_STATUS', 'STATUS_COMPLETE', 'PRIORITY', 'MARK', 'CREATED_BY_LAST_NAME', 'RESPONSIBLE_LAST_NAME', 'GROUP_ID',
  'TIME_ESTIMATE', 'ALLOW_CHANGE_DEADLINE', 'ALLOW_TIME_TRACKING', 'MATCH_WORK_TIME', 'FAVORITE', 'SORTING', 'MESSAGE_ID']);

function person(portal: Portal, id: unknown) {
  const u = portal.user(Number(id));
  return u ? { id: String(u.id), name: `${u.name} ${u.lastName}`, link: `/company/personal/user/${u.id}/`, icon: '/bitrix/images/tasks/default_avatar.png', workPosition: u.workPosition } : undefined;
}

/** Stored task (UPPER keys, wire values) → camelCase output, optionally limited to `select`. */
function taskOut(portal: Portal, row: TaskRow, select?: string[]): Record<string, unknown> {
  const fields = select && select.length && !select.includes('*') ? ['ID', ...select.filter((f) => f !== 'ID')] : TASK_FIELDS;
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = f === 'ID' ? String(row.ID) : row[f];
    if (v !== undefined) out[camel(f)] = v;
  }
  if (fields.includes('CREATED_BY')) out.creator = person(portal, row.CREATED_BY);
  if (fields.includes('RESPONSIBLE_ID')) out.responsible = person(portal, row.RESPONSIBLE_ID);
  return out;
}

function taskTable(portal: Portal): Table {
  const rows = () => portal.tasks.values().sort((a, b) => a.ID - b.ID);
  return {
    count: () => portal.tasks.size,
    idAt: (i) => rows()[i]!.ID,
    indexOf: (id) => rows().findIndex((r) => r.ID === id),
    get: (i, f) => (f === 'ID' ? String(rows()[i]!.ID) : rows()[i]![f]),
    fields: TASK_FIELDS,
  };
}

function dateField(name: string, v: unknown): string | null {
  if (v === undefined || v === null || v === '') return null;
  const ms = parsePortalDate(v);
  if (ms === undefined) throw new RestError('ERROR_CORE', `Неверный формат даты в поле ${name}`, 400);
  return isoPortal(ms);
}

function applyFields(c: CallContext, row: TaskRow, fields: Record<string, unknown>): void {
  for (const [k0, v] of Object.entries(fields)) {
    const k = /[a-z]/.test(k0) && !k0.includes('_') ? upper(k0) : k0.toUpperCase();
    if (k === 'ID') continue;
    if (['DEADLINE', 'START_DATE_PLAN', 'END_DATE_PLAN'].includes(k)) row[k] = dateField(k, v);
    else if (['RESPONSIBLE_ID', 'CREATED_BY', 'GROUP_ID', 'PARENT_ID', 'PRIORITY', 'STATUS'].includes(k)) row[k] = str(v);
    else if (['UF_CRM_TASK', 'ACCOMPLICES', 'AUDITORS', 'TAGS'].includes(k)) row[k] = asList(v).map(str);
    else row[k] = typeof v === 'object' ? v : str(v);
  }
  row.CHANGED_DATE = isoPortal(c.now());
  row.CHANGED_BY = String(c.userId);
}

function requireTask(c: CallContext): TaskRow {
  const id = int(param(c, 'taskId') ?? param(c, 'id'));
  if (id === undefined) throw new RestError('100', 'CTaskItem All parameters in the constructor must have real class type (internal error)', 400);
  const row = c.portal.tasks.get(id);
  if (!row) throw new RestError('ERROR_CORE', 'Задача не найдена или доступ запрещён', 400);
  return row;
}

/**
 * The documented filter keys of tasks.task.list onto the stored row (docs/sandbox.md): REAL_STATUS
 * is the stored status; STATUS is the same with meta-statuses, of which -1 (overdue) means a
 * deadline already past on a task not completed, deferred or awaiting control; AUDITOR and
 * ACCOMPLICE match one id in the AUDITORS / ACCOMPLICES lists.
 */
function taskFilter(c: CallContext, raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k0, v] of Object.entries(raw)) {
    const k = k0.toUpperCase();
    const m = /^([!<>=%@]*)(.*)$/.exec(k)!;
    const [op, name] = [m[1]!, m[2]!];
    if (name === 'STATUS' && op === '' && Number(v) === -1) {
      out['<DEADLINE'] = isoPortal(c.now());
      out['!@STATUS'] = ['4', '5', '6'];
    } else if (name === 'STATUS' && Number(v) < 0) {
      throw new RestError('0', 'Meta-status filter is not supported by the sandbox (only -1, overdue)', 400);
    } else if (name === 'REAL_STATUS') out[`${op}STATUS`] = v;
    else if (name === 'AUDITOR') out[`${op}AUDITORS`] = v;
    else if (name === 'ACCOMPLICE') out[`${op}ACCOMPLICES`] = v;
    else out[k] = v;
  }
  return out;
}

export const taskMethods: Record<string, MethodDef> = {
  'tasks.task.add': {
    scope: 'task',
    handler: (c) => {
      const fields = asRecord(param(c, 'fields'));
      const f = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.toUpperCase(), v]));
      if (!str(f.TITLE).trim()) throw new RestError('ERROR_CORE', 'Не указано название задачи', 400);
      const responsible = int(f.RESPONSIBLE_ID);
      if (responsible === undefined) throw new RestError('ERROR_CORE', 'Не указан ответственный', 400);
      if (!c.portal.user(responsible)) throw new RestError('ERROR_CORE', 'Ответственный не найден', 400);
      // The creator is the token's user; naming someone else as creator takes an administrator.
      const creator = f.CREATED_BY === undefined || f.CREATED_BY === '' ? c.userId : int(f.CREATED_BY);
      if (creator === undefined || !c.portal.user(creator)) throw new RestError('ERROR_CORE', 'Постановщик не найден', 400);
      if (creator !== c.userId && !c.portal.user(c.userId)?.admin) throw Errors.accessDenied('Access denied: only an administrator may create a task in another user\'s name');
      if ((f.START_DATE_PLAN === undefined) !== (f.END_DATE_PLAN === undefined))
        throw new RestError('ERROR_CORE', 'START_DATE_PLAN и END_DATE_PLAN передаются вместе', 400);
      const id = c.portal.nextId('task', 100);
      const now = isoPortal(c.now());
      const row: TaskRow = {
        ID: id, PARENT_ID: '0', TITLE: '', DESCRIPTION: '', MARK: null, PRIORITY: '1', STATUS: '2', MULTITASK: 'N',
        NOT_VIEWED: 'N', REPLICATE: 'N', GROUP_ID: '0', STAGE_ID: '0', CREATED_BY: String(c.userId), CREATED_DATE: now,
        RESPONSIBLE_ID: String(responsible), CHANGED_BY: String(c.userId), CHANGED_DATE: now, STATUS_CHANGED_DATE: now,
        CLOSED_BY: null, CLOSED_DATE: null, DATE_START: null, DEADLINE: null, START_DATE_PLAN: null, END_DATE_PLAN: null,
        ALLOW_CHANGE_DEADLINE: 'Y', TASK_CONTROL: 'N', UF_CRM_TASK: [], ACCOMPLICES: [], AUDITORS: [], TAGS: [],
      };
      applyFields(c, row, fields);
      c.portal.tasks.set(id, row);
      return { task: taskOut(c.portal, row) };
    },
  },
  'tasks.task.update': {
    scope: 'task',
    handler: (c) => {
      const row = requireTask(c);
      applyFields(c, row, asRecord(param(c, 'fields')));
      c.portal.tasks.set(row.ID, row);
      return { task: taskOut(c.portal, row) };
    },
  },
  'tasks.task.complete': {
    scope: 'task',
    handler: (c) => {
      const row = requireTask(c);
      Object.assign(row, { STATUS: '5', CLOSED_BY: String(c.userId), CLOSED_DATE: isoPortal(c.now()) });
      c.portal.tasks.set(row.ID, row);
      return { task: taskOut(c.portal, row) };
    },
  },
  'tasks.task.delete': {
    scope: 'task',
    handler: (c) => {
      const row = requireTask(c);
      c.portal.tasks.delete(row.ID);
      return { task: true };
    },
  },
  'tasks.task.get': {
    scope: 'task',
    handler: (c) => {
      const id = int(param(c, 'taskId') ?? param(c, 'id'));
      if (id === undefined) throw new RestError('100', 'CTaskItem All parameters in the constructor must have real class type (internal error)', 400);
      const row = c.portal.tasks.get(id);
      // Documented: an empty array when the task does not exist or is not accessible.
      if (!row) return [];
      const select = asList(param(c, 'select')).map((s) => str(s).toUpperCase());
      return { task: taskOut(c.portal, row, select) };
    },
  },
  'tasks.task.list': {
    scope: 'task',
    handler: (c) => {
      const select = asList(param(c, 'select')).map((s) => str(s).toUpperCase());
      // tasks-task-list.md lists the filter and order fields; anything else is not honoured (a
      // portal gives no promise for it), and the default order is descending ID.
      const documented = Object.fromEntries(Object.entries(asRecord(param(c, 'filter'))).filter(([k]) => TASK_FILTERS.has(k.toUpperCase().replace(/^[!<>=%@]*/, ''))));
      const filter = taskFilter(c, documented);
      const order = Object.fromEntries(Object.entries(asRecord(param(c, 'order')))
        .map(([k, v]) => [k.toUpperCase(), v] as const).filter(([k]) => TASK_ORDERS.has(k)));
      const res = runList(taskTable(c.portal), {
        filter, order: Object.keys(order).length ? order : { ID: 'DESC' }, start: param(c, 'start'),
      }, (i) => taskOut(c.portal, c.portal.tasks.values().sort((a, b) => a.ID - b.ID)[i]!, select));
      return new Listed({ tasks: res.result }, res.next, res.total, res.scanned);
    },
  },
};
