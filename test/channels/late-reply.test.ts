import { botLateReply, lateReplyKey } from '../../src/channels/late-reply';
import type { BitrixCaller } from '../../src/bitrix/client';
import { createMemoryStore } from '../../src/store/memory';
import type { Install } from '../../src/store/types';

const install = (settings: Record<string, unknown>): Install => ({
  memberId: 'm1', domain: 'p.bitrix24.ru', clientEndpoint: 'https://p.bitrix24.ru/rest/', serverEndpoint: 'https://oauth.bitrix.info/rest/',
  scope: 'imbot', accessToken: 'a', refreshToken: 'r', expiresAt: 1, applicationToken: 't', settings, installedAt: 1, updatedAt: 1,
});

describe('lateReplyKey', () => {
  it('names the user and the moment, and carries a digest of the text, never the text', () => {
    const key = lateReplyKey({ memberId: 'm1', userId: 3 }, 'Задача создана: купить молоко', 1700000000000);
    expect(key).toMatch(/^notify:m1:3:[0-9a-f]{16}:1700000000000$/);
    expect(key).not.toContain('молоко');
  });

  it('differs by text, user and moment; equal inputs give the same key (one delivery is sent once)', () => {
    const a = { memberId: 'm1', userId: 3 };
    const k = lateReplyKey(a, 'x', 1);
    expect(lateReplyKey(a, 'x', 1)).toBe(k);
    expect(new Set([k, lateReplyKey(a, 'y', 1), lateReplyKey(a, 'x', 2), lateReplyKey({ memberId: 'm1', userId: 4 }, 'x', 1)]).size).toBe(4);
  });
});

describe('botLateReply', () => {
  const setUp = async (settings: Record<string, unknown> | null) => {
    const store = createMemoryStore();
    if (settings) await store.installs.save(install(settings));
    const calls: [string, unknown][] = [];
    const client = { memberId: 'm1', call: async (method: string, params: unknown) => (calls.push([method, params]), 101) } as unknown as BitrixCaller;
    const notify = botLateReply({ installs: store.installs, client: async () => client, actions: store.actions, locks: store.locks, now: () => 5 });
    return { notify, calls };
  };

  it("writes to the user's private chat with our bot, in the bot's API version", async () => {
    const { notify, calls } = await setUp({ botId: 7, botApi: 2 });
    await notify({ memberId: 'm1', userId: 3 }, 'готово');
    expect(calls).toEqual([['imbot.v2.Chat.Message.send', { botId: 7, dialogId: '3', fields: { message: 'готово' } }]]);
  });

  it('sends nothing when the portal has no bot or is not installed', async () => {
    for (const settings of [{}, null]) {
      const { notify, calls } = await setUp(settings);
      await notify({ memberId: 'm1', userId: 3 }, 'готово');
      expect(calls).toEqual([]);
    }
  });

  it('sends one delivery once: the same text at the same moment is not sent again', async () => {
    const { notify, calls } = await setUp({ botId: 7 });
    await notify({ memberId: 'm1', userId: 3 }, 'готово');
    await notify({ memberId: 'm1', userId: 3 }, 'готово');
    expect(calls.map(([m]) => m)).toEqual(['imbot.message.add']);
  });
});
