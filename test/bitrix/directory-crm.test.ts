import { exportAll, listStatuses } from '../../src/bitrix/crm';
import { DirectoryCache, toDirectoryUser } from '../../src/bitrix/directory';
import { installed } from './helpers';
import { PortalDouble, type DoubleUser } from './portal-double';

describe('DirectoryCache', () => {
  let d: PortalDouble;
  afterEach(() => d.stop());

  it('loads active users into the parser Directory, with the speaker zone', async () => {
    d = await new PortalDouble().start();
    const { client } = await installed(d);
    const dir = await new DirectoryCache().get(client, 1, 'UTC');
    expect(dir.self).toBe(1);
    expect(dir.timeZone).toBe('Europe/Moscow');
    expect(dir.users.map((u) => u.id)).toEqual([1, 2, 4]); // 3 is fired
    expect(dir.users[0]).toEqual({ id: 1, name: 'Иван', lastName: 'Петров', secondName: 'Сергеевич', gender: 'M', timeZone: 'Europe/Moscow', active: true });
    expect(dir.users[1]!.timeZone).toBeUndefined(); // '' = portal default
    expect((await new DirectoryCache().get(client, 2, 'Asia/Omsk')).timeZone).toBe('Asia/Omsk');
  });

  it('pages past 50 users and caches for the TTL, then reloads', async () => {
    const users: DoubleUser[] = Array.from({ length: 120 }, (_, i) => ({ ID: String(i + 1), ACTIVE: i % 10 !== 0, NAME: `N${i}`, LAST_NAME: `L${i}` }));
    d = await new PortalDouble({ users }).start();
    const { client } = await installed(d);
    let now = 0;
    const cache = new DirectoryCache({ ttlMs: 1000, clock: () => now });
    expect((await cache.users(client)).length).toBe(108);
    const calls = d.calls.length;
    await cache.users(client);
    expect(d.calls.length).toBe(calls);
    d.users.push({ ID: '500', ACTIVE: true, NAME: 'New', LAST_NAME: 'Hire' });
    now = 2000;
    expect((await cache.users(client)).length).toBe(109);
  });

  it('serves the stale copy when a reload fails', async () => {
    d = await new PortalDouble().start();
    const { client } = await installed(d);
    let now = 0;
    const cache = new DirectoryCache({ ttlMs: 10, clock: () => now });
    await cache.users(client);
    now = 100;
    d.faults.push({ method: 'user.get', status: 403, error: 'ACCESS_DENIED' });
    expect((await cache.users(client)).length).toBe(3);
  });

  it('skips rows without an id or a name', () => {
    expect(toDirectoryUser({ ID: 'x', NAME: 'a' })).toBeNull();
    expect(toDirectoryUser({ ID: '5', NAME: '', LAST_NAME: '' })).toBeNull();
    expect(toDirectoryUser({ ID: '5', NAME: 'A', PERSONAL_GENDER: '' })).toEqual({ id: 5, name: 'A', lastName: '', active: false });
  });
});

describe('CRM export', () => {
  let d: PortalDouble;
  afterEach(() => d.stop());

  it('exports every lead in id order by batches of 50 x 50, with progress', async () => {
    d = await new PortalDouble({ leads: 6000 }).start();
    const { client } = await installed(d);
    const ids: number[] = [];
    let last = { done: 0, batches: 0 };
    for await (const page of exportAll(client, 'lead', { select: ['TITLE', 'STATUS_ID'] })) {
      ids.push(...page.rows.map((r) => Number(r.ID)));
      expect(page.rows.every((r) => Object.keys(r).sort().join() === 'ID,STATUS_ID,TITLE')).toBe(true);
      expect(page.done).toBe(ids.length);
      last = page;
    }
    const expected = d.leads.map((r) => Number(r.ID));
    expect(ids).toEqual(expected);
    expect(last.batches).toBe(3); // 6000 rows = 120 pages = 50 + 50 + 20
    expect(d.calls.filter((c) => c === 'batch').length).toBe(3);
  });

  it('stays correct when the portal cannot resolve $result references', async () => {
    d = await new PortalDouble({ leads: 230 }).start();
    const { client } = await installed(d);
    // sabotage: every reference resolves to garbage, as if unsupported
    const orig = (d as any).batch.bind(d);
    (d as any).batch = (p: any) => {
      for (const k of Object.keys(p.cmd ?? {})) p.cmd[k] = String(p.cmd[k]).replace(/%24result[^&]*/g, '0');
      return orig(p);
    };
    const ids: number[] = [];
    for await (const page of exportAll(client, 'lead', { commands: 10 })) ids.push(...page.rows.map((r) => Number(r.ID)));
    expect(ids).toEqual(d.leads.map((r) => Number(r.ID)));
    // one trusted page per batch: 5 pages (4 full + 1 short) → 5 batches, proving the sabotage bit
    expect(d.calls.filter((c) => c === 'batch').length).toBe(5);
  });

  it('exports nothing from an empty table, and resumes after an id', async () => {
    d = await new PortalDouble({ leads: 120 }).start();
    const { client } = await installed(d);
    const pages = [];
    for await (const p of exportAll(client, 'deal')) pages.push(p);
    expect(pages).toEqual([]);
    const after = Number(d.leads[99]!.ID);
    const ids: number[] = [];
    for await (const p of exportAll(client, 'lead', { afterId: after })) ids.push(...p.rows.map((r) => Number(r.ID)));
    expect(ids).toEqual(d.leads.slice(100).map((r) => Number(r.ID)));
  });

  it('reads lead stages', async () => {
    d = await new PortalDouble().start();
    const { client } = await installed(d);
    expect((await listStatuses(client, 'STATUS')).map((s) => s.STATUS_ID)).toEqual(['NEW', 'CONVERTED', 'JUNK']);
  });
});
