/**
 * The portal's users as the parser's `Directory`: active users only (`user.get` with
 * FILTER[ACTIVE]=true, paged by 50), cached per portal for a TTL. A stale entry is served while
 * one refresh runs in the background-free way: the first caller after expiry reloads, concurrent
 * callers share that load; if the reload fails and a stale copy exists, the stale copy is used.
 */
import type { Directory, DirectoryUser } from '../nlu/types';
import type { BitrixCaller } from './client';

interface RawUser {
  ID?: string | number;
  ACTIVE?: boolean | string;
  NAME?: string | null;
  LAST_NAME?: string | null;
  SECOND_NAME?: string | null;
  PERSONAL_GENDER?: string | null;
  TIME_ZONE?: string | null;
}

const SELECT = ['ID', 'ACTIVE', 'NAME', 'LAST_NAME', 'SECOND_NAME', 'PERSONAL_GENDER', 'TIME_ZONE'];
/** Stop paging after this many users (a runaway `next` must not loop forever). */
const MAX_USERS = 50_000;

/** One raw `user.get` row → a DirectoryUser, or null when it has no usable id or name. */
export function toDirectoryUser(u: RawUser): DirectoryUser | null {
  const id = Number(u.ID);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const name = (u.NAME ?? '').trim();
  const lastName = (u.LAST_NAME ?? '').trim();
  if (!name && !lastName) return null;
  const out: DirectoryUser = { id, name, lastName, active: u.ACTIVE === true || u.ACTIVE === 'Y' || u.ACTIVE === 'true' };
  const second = (u.SECOND_NAME ?? '').trim();
  if (second) out.secondName = second;
  if (u.PERSONAL_GENDER === 'M' || u.PERSONAL_GENDER === 'F') out.gender = u.PERSONAL_GENDER;
  const tz = (u.TIME_ZONE ?? '').trim();
  if (tz) out.timeZone = tz;
  return out;
}

/** Load every active user of the portal. */
export async function loadUsers(client: BitrixCaller): Promise<DirectoryUser[]> {
  const users: DirectoryUser[] = [];
  let start: number | undefined = 0;
  while (start !== undefined && users.length < MAX_USERS) {
    const page: { result: RawUser[]; next?: number } = await client.callPage<RawUser[]>('user.get', { FILTER: { ACTIVE: true }, select: SELECT, sort: 'ID', order: 'ASC', start });
    for (const raw of page.result ?? []) {
      const u = toDirectoryUser(raw);
      // The filter should already drop fired users; check again, portals differ.
      if (u && u.active !== false) users.push(u);
    }
    start = page.next !== undefined && page.next > start ? page.next : undefined;
  }
  return users;
}

export interface DirectoryCacheOptions {
  /** How long a loaded user list is fresh. Default 10 minutes. */
  ttlMs?: number;
  clock?: () => number;
}

interface Entry {
  users: DirectoryUser[];
  loadedAt: number;
}

export class DirectoryCache {
  private readonly entries = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<DirectoryUser[]>>();
  private readonly views = new Map<string, Directory>();
  private readonly ttl: number;
  private readonly clock: () => number;

  constructor(opts: DirectoryCacheOptions = {}) {
    this.ttl = opts.ttlMs ?? 10 * 60_000;
    this.clock = opts.clock ?? Date.now;
  }

  /** The directory as seen by user `self` (the speaker); `timeZone` is theirs when known. */
  async get(client: BitrixCaller, self: number, fallbackTimeZone?: string): Promise<Directory> {
    const users = await this.users(client);
    // The same object for the same user list and speaker: the parser indexes a directory once per
    // object (a WeakMap), so a fresh object per turn would rebuild the name index every time.
    const key = `${client.memberId}:${self}:${fallbackTimeZone ?? ''}`;
    const hit = this.views.get(key);
    if (hit && hit.users === users) return hit;
    const me = users.find((u) => u.id === self);
    const timeZone = me?.timeZone ?? fallbackTimeZone;
    const view: Directory = { self, ...(timeZone ? { timeZone } : {}), users };
    if (this.views.size > 10_000) this.views.clear();
    this.views.set(key, view);
    return view;
  }

  async users(client: BitrixCaller): Promise<DirectoryUser[]> {
    const e = this.entries.get(client.memberId);
    if (e && this.clock() - e.loadedAt < this.ttl) return e.users;
    try {
      return await this.reload(client);
    } catch (err) {
      if (e) return e.users; // stale beats nothing when the portal is briefly unreachable
      throw err;
    }
  }

  /** Load now (shared by concurrent callers), e.g. after a user-changed event. */
  reload(client: BitrixCaller): Promise<DirectoryUser[]> {
    const key = client.memberId;
    let p = this.loading.get(key);
    if (!p) {
      p = loadUsers(client)
        .then((users) => {
          this.entries.set(key, { users, loadedAt: this.clock() });
          return users;
        })
        .finally(() => this.loading.delete(key));
      this.loading.set(key, p);
    }
    return p;
  }

  invalidate(memberId: string): void {
    this.entries.delete(memberId);
  }
}
