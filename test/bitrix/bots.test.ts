import { botIdsOf, forgetDeletedBot } from '../../src/bitrix/bots';
import { createMemoryStore } from '../../src/store/memory';
import type { Install } from '../../src/store/types';

const install = (settings: Record<string, unknown>): Install => ({
  memberId: 'm1', domain: 'p.bitrix24.ru', clientEndpoint: 'https://p.bitrix24.ru/rest/', serverEndpoint: 'https://oauth.bitrix.info/rest/',
  scope: 'imbot', accessToken: 'a', refreshToken: 'r', expiresAt: 1, applicationToken: 't', settings, installedAt: 1, updatedAt: 1,
});

describe('forgetDeletedBot', () => {
  it('forgets the messenger bot the portal deleted and keeps the open-lines bot and its API version', async () => {
    const store = createMemoryStore();
    await store.installs.save(install({ botId: 7, openlinesBotId: 8, botApi: 2, other: 'kept' }));
    expect(await forgetDeletedBot(store.installs, 'm1', 7, 500)).toBe(true);
    const after = (await store.installs.get('m1'))!;
    expect(after.settings).toEqual({ openlinesBotId: 8, botApi: 2, other: 'kept' });
    expect(after.updatedAt).toBe(500);
    expect(botIdsOf(after).botId).toBeUndefined();
  });

  it('drops the API version with the last bot, so the next set-up chooses it again', async () => {
    const store = createMemoryStore();
    await store.installs.save(install({ botId: 7, botApi: 2 }));
    expect(await forgetDeletedBot(store.installs, 'm1', 7, 500)).toBe(true);
    expect((await store.installs.get('m1'))!.settings).toEqual({});
  });

  it('changes nothing for a bot that is not ours or a portal that is not installed', async () => {
    const store = createMemoryStore();
    await store.installs.save(install({ botId: 7, openlinesBotId: 8, botApi: 1 }));
    expect(await forgetDeletedBot(store.installs, 'm1', 9, 500)).toBe(false);
    expect(await forgetDeletedBot(store.installs, 'nobody', 7, 500)).toBe(false);
    const after = (await store.installs.get('m1'))!;
    expect(after.settings).toEqual({ botId: 7, openlinesBotId: 8, botApi: 1 });
    expect(after.updatedAt).toBe(1);
  });
});
