import { DirectoryCache } from '../../src/bitrix/directory';
import type { BitrixCaller } from '../../src/bitrix/client';

/** Regression: a fresh Directory object per turn made the parser rebuild its name index every turn. */
describe('DirectoryCache.get', () => {
  const client: BitrixCaller = {
    memberId: 'm1',
    call: async () => [] as never,
    callPage: async () => ({ result: [{ ID: '1', NAME: 'Анна', LAST_NAME: 'Ли', ACTIVE: true }, { ID: '2', NAME: 'Олег', LAST_NAME: 'Ким', ACTIVE: true }] as never }),
    batch: async () => ({}),
  };
  it('returns the same object for the same speaker until the users reload', async () => {
    const cache = new DirectoryCache();
    const a = await cache.get(client, 1, 'Europe/Moscow');
    const b = await cache.get(client, 1, 'Europe/Moscow');
    expect(b).toBe(a);
    expect(await cache.get(client, 2, 'Europe/Moscow')).not.toBe(a);
    await cache.reload(client);
    const c = await cache.get(client, 1, 'Europe/Moscow');
    expect(c).not.toBe(a);
    expect(c.users.map((u) => u.id)).toEqual([1, 2]);
  });
});
