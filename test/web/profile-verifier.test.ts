/** profileVerifier (src/web/adapters.ts) against a portal that answers the placement check slowly or not at all. */
import { createMemoryStore } from '../../src/store/memory';
import { profileVerifier } from '../../src/web/adapters';

describe('profileVerifier on a busy portal', () => {
  const install = { memberId: 'm1', domain: 'p.bitrix24.ru', clientEndpoint: 'https://p.bitrix24.ru/rest/', serverEndpoint: 'https://oauth.bitrix.info/rest/', scope: '', accessToken: 'a', refreshToken: 'r', expiresAt: 9e12, applicationToken: 'x', installedAt: 0, updatedAt: 0 };
  const busy = () => new Response(JSON.stringify({ error: 'QUERY_LIMIT_EXCEEDED' }), { status: 503 });
  const ok = () => new Response(JSON.stringify({ result: { ID: '7', ADMIN: true, NAME: 'Анна' } }), { status: 200 });

  it('asks again after 503 QUERY_LIMIT_EXCEEDED, waiting longer each time, and gives up after three', async () => {
    const store = createMemoryStore();
    await store.installs.save(install);
    const waits: number[] = [];
    const answers = [busy(), busy(), ok()];
    const verify = profileVerifier(store.installs, (async () => answers.shift()!) as unknown as typeof fetch, 1000, async (ms) => void waits.push(ms));
    await expect(verify({ memberId: 'm1', domain: 'p.bitrix24.ru', authId: 'tok' })).resolves.toEqual({ userId: 7, admin: true, name: 'Анна' });
    expect(waits).toEqual([600, 1200]);
    let calls = 0;
    const never = profileVerifier(store.installs, (async () => (calls++, busy())) as unknown as typeof fetch, 1000, async () => undefined);
    await expect(never({ memberId: 'm1', domain: 'p.bitrix24.ru', authId: 'tok' })).resolves.toBeNull();
    expect(calls).toBe(4);
  });
});
