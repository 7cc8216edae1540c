/** `user.*`, `profile`: the seeded directory with the fields the REST docs list. */
import { Errors, RestError } from '../errors';
import { asRecord } from '../php-query';
import { rowsTable, runList } from '../query';
import type { SeedUser } from '../portal';
import { Listed, param, str, type CallContext, type MethodDef } from './types';

const USER_FIELDS = ['ID', 'XML_ID', 'ACTIVE', 'NAME', 'LAST_NAME', 'SECOND_NAME', 'EMAIL', 'LAST_LOGIN', 'DATE_REGISTER',
  'TIME_ZONE', 'IS_ONLINE', 'TIME_ZONE_OFFSET', 'TIMESTAMP_X', 'LAST_ACTIVITY_DATE', 'PERSONAL_GENDER', 'PERSONAL_BIRTHDAY',
  'PERSONAL_PHOTO', 'PERSONAL_MOBILE', 'PERSONAL_CITY', 'WORK_PHONE', 'WORK_POSITION', 'UF_EMPLOYMENT_DATE', 'UF_DEPARTMENT',
  'USER_TYPE'];

export function userRecord(u: SeedUser): Record<string, unknown> {
  return {
    ID: String(u.id), XML_ID: `sandbox-${u.id}`, ACTIVE: u.active, NAME: u.name, LAST_NAME: u.lastName,
    SECOND_NAME: u.secondName, EMAIL: `user${u.id}@sandbox.b24.local`, LAST_LOGIN: '2026-01-15T09:00:00+03:00',
    DATE_REGISTER: '2023-01-10T00:00:00+03:00', TIME_ZONE: u.timeZone, IS_ONLINE: 'N', TIME_ZONE_OFFSET: '0',
    TIMESTAMP_X: '2023-01-10T00:00:00+03:00', LAST_ACTIVITY_DATE: '2026-01-15T09:00:00+03:00',
    PERSONAL_GENDER: u.gender, PERSONAL_BIRTHDAY: '', PERSONAL_PHOTO: '', PERSONAL_MOBILE: '', PERSONAL_CITY: '',
    WORK_PHONE: '', WORK_POSITION: u.workPosition, UF_EMPLOYMENT_DATE: '', UF_DEPARTMENT: [u.department], USER_TYPE: 'employee',
  };
}

const RESERVED = new Set(['sort', 'order', 'start', 'filter', 'admin_mode', 'select', 'image_resize', 'find', 'auth']);

/** user.get accepts FILTER or bare top-level field filters; NAME_SEARCH and ACTIVE are special. */
function userList(c: CallContext, filterIn: Record<string, unknown>, find?: string): Listed {
  const filter: Record<string, unknown> = { ...filterIn };
  let rows = c.portal.users.map(userRecord);
  const search = str(filter.NAME_SEARCH ?? find).trim().toLowerCase();
  delete filter.NAME_SEARCH;
  if (search) {
    const words = search.split(/\s+/);
    rows = rows.filter((r) => words.every((w) =>
      [r.NAME, r.LAST_NAME, r.SECOND_NAME, r.WORK_POSITION].some((f) => str(f).toLowerCase().startsWith(w))));
  }
  for (const k of Object.keys(filter)) {
    if (k.toUpperCase().replace(/^[!=<>%@]+/, '') === 'ACTIVE') {
      const want = ['y', 'true', '1'].includes(str(filter[k]).toLowerCase()) || filter[k] === true;
      const negate = k.startsWith('!');
      rows = rows.filter((r) => (r.ACTIVE === want) !== negate);
      delete filter[k];
    }
  }
  const sortBy = str(param(c, 'sort')).toUpperCase() || 'ID';
  const order = str(param(c, 'order')).toUpperCase() === 'DESC' ? 'DESC' : 'ASC';
  const table = rowsTable(() => rows, USER_FIELDS);
  const res = runList(table, { filter, order: { [sortBy]: order }, start: param(c, 'start') });
  return new Listed(res.result, res.next, res.total, res.scanned);
}

export const userMethods: Record<string, MethodDef> = {
  'user.get': {
    scope: 'user_brief',
    handler: (c) => {
      const given = param(c, 'FILTER');
      const filter = given !== undefined ? asRecord(given)
        : Object.fromEntries(Object.entries(c.params).filter(([k]) => !RESERVED.has(k.toLowerCase())));
      return userList(c, filter);
    },
  },
  'user.search': {
    scope: 'user_brief',
    handler: (c) => {
      const find = str(param(c, 'FIND'));
      const given = param(c, 'FILTER');
      const filter = given !== undefined ? asRecord(given)
        : Object.fromEntries(Object.entries(c.params).filter(([k]) => !RESERVED.has(k.toLowerCase())));
      if (find) return userList(c, {}, find);
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(filter)) out[['NAME', 'LAST_NAME', 'WORK_POSITION'].includes(k.toUpperCase()) ? `%${k.toUpperCase()}` : k] = v;
      return userList(c, out);
    },
  },
  'user.current': {
    scope: 'user_brief',
    handler: (c) => {
      const u = c.portal.user(c.userId);
      if (!u) throw new RestError('USER_NOT_FOUND', 'User not found', 400);
      return userRecord(u);
    },
  },
  // api-reference/common/users/user-admin.md: scope basic, any user, no parameters, `result` true for a
  // Bitrix24 administrator and false otherwise. The install check (src/bitrix/install.ts) relies on it.
  'user.admin': {
    scope: null,
    handler: (c) => c.portal.user(c.userId)?.admin === true,
  },
  profile: {
    scope: null,
    handler: (c) => {
      const u = c.portal.user(c.userId);
      if (!u) throw Errors.noAuth();
      return { ID: String(u.id), ADMIN: u.admin, NAME: u.name, LAST_NAME: u.lastName, PERSONAL_GENDER: u.gender,
        PERSONAL_PHOTO: '', TIME_ZONE: u.timeZone, TIME_ZONE_OFFSET: 0 };
    },
  },
};
