import { appPageUrl, learnInstaller, portalSetUp } from '../../src/bitrix/portal-setup';
import type { BitrixCaller } from '../../src/bitrix/client';
import { createMemoryStore } from '../../src/store/memory';
import type { Install } from '../../src/store/types';

const install = (over: Partial<Install> = {}): Install => ({
  memberId: 'm1', domain: 'p.bitrix24.ru', clientEndpoint: 'https://p.bitrix24.ru/rest/', serverEndpoint: 'https://oauth.bitrix.info/rest/',
  scope: 'imbot', accessToken: 'a', refreshToken: 'r', expiresAt: 1, applicationToken: 't', installedAt: 1, updatedAt: 1, ...over,
});

/** A portal that answers the set-up's calls and counts them. */
function portal(answers: Record<string, unknown>) {
  const calls: string[] = [];
  const c = {
    memberId: 'm1',
    async call(method: string) {
      calls.push(method);
      if (!(method in answers)) throw new Error(`unexpected ${method}`);
      const a = answers[method];
      return a instanceof Error ? Promise.reject(a) : a;
    },
  } as unknown as BitrixCaller;
  return { c, calls };
}

describe('learnInstaller', () => {
  it('records the user whose token installed the app (profile), once', async () => {
    const store = createMemoryStore();
    await store.installs.save(install());
    const { c, calls } = portal({ profile: { ID: '12' } });
    await learnInstaller(store.installs, c, 'm1', () => 77);
    expect(await store.installs.get('m1')).toMatchObject({ installedBy: 12, updatedAt: 77 });
    await learnInstaller(store.installs, c, 'm1', () => 78);
    expect(calls).toEqual(['profile']);
  });

  it('keeps the record as it is when profile names no user', async () => {
    const store = createMemoryStore();
    await store.installs.save(install());
    await learnInstaller(store.installs, portal({ profile: { ID: 'x' } }).c, 'm1');
    expect((await store.installs.get('m1'))!.installedBy).toBeUndefined();
  });
});

describe('portalSetUp', () => {
  it('registers the bots and binds the tabs at the current URL; concurrent runs for a portal share one', async () => {
    const store = createMemoryStore();
    await store.installs.save(install({ installedBy: 1 }));
    const { c, calls } = portal({ 'imbot.v2.Bot.register': { bot: { id: 5 } }, 'placement.get': [], 'placement.bind': true });
    let url = 'https://one.example';
    const setUp = portalSetUp({ installs: store.installs, client: async () => c, handlerUrl: () => `${url}/webhook/bitrix`, publicUrl: () => url, placements: [{ placement: 'CRM_LEAD_DETAIL_TAB', handler: '/app/card/lead', title: { ru: 'Т', en: 'T' } }] });
    const [a, b] = await Promise.all([setUp({ memberId: 'm1' }), setUp({ memberId: 'm1' })]);
    expect(a).toBe(b);
    expect(a.bots).toMatchObject({ botId: 5, botApi: 2 });
    expect(a.placements).toEqual([{ placement: 'CRM_LEAD_DETAIL_TAB', handler: 'https://one.example/app/card/lead', action: 'bound' }]);
    expect(calls.filter((m) => m === 'placement.bind')).toHaveLength(1);
    // A later run is a new one, at the URL of the moment.
    url = 'https://two.example';
    calls.length = 0;
    const again = await setUp({ memberId: 'm1' });
    expect(again.placements[0]).toMatchObject({ handler: 'https://two.example/app/card/lead' });
  });
});

describe('appPageUrl', () => {
  it("is the app's page in the portal, the id asked once per portal; the app list when the portal does not say", async () => {
    const store = createMemoryStore();
    await store.installs.save(install());
    await store.installs.save(install({ memberId: 'm2', domain: 'q.bitrix24.ru' }));
    const m1 = portal({ 'app.info': { ID: '31' } });
    const m2 = portal({ 'app.info': new Error('no') });
    const page = appPageUrl({ installs: store.installs, client: async (m) => (m === 'm1' ? m1.c : m2.c) });
    expect(await page('m1')).toBe('https://p.bitrix24.ru/marketplace/app/31/');
    expect(await page('m1')).toBe('https://p.bitrix24.ru/marketplace/app/31/');
    expect(m1.calls).toEqual(['app.info']);
    expect(await page('m2')).toBe('https://q.bitrix24.ru/marketplace/');
    expect(await page('nobody')).toBeUndefined();
  });
});
