/**
 * The one contract every Store adapter must keep. Each adapter's test file calls
 * `describeStoreContract(name, factory)`; the factory builds a fresh, empty store per test and
 * receives the clock the suite controls (lock leases read it; everything else takes `now`).
 */
import type { Install, Store, UserToken } from '../../src/store/types';

export type Port = Exclude<keyof Store, 'close'>;
export interface ContractContext {
  clock: () => number;
}
export type StoreFactory = (ctx: ContractContext) => Promise<Store>;

const T0 = Date.UTC(2026, 2, 25, 9, 0, 0);

export function sampleInstall(memberId = 'm-1', patch: Partial<Install> = {}): Install {
  return {
    memberId,
    domain: `${memberId}.bitrix24.ru`,
    clientEndpoint: `https://${memberId}.bitrix24.ru/rest/`,
    serverEndpoint: 'https://oauth.bitrix.info/rest/',
    scope: 'crm,task,im,imbot,user',
    accessToken: `access-${memberId}-AAAA1111`,
    refreshToken: `refresh-${memberId}-BBBB2222`,
    expiresAt: T0 + 3600_000,
    applicationToken: `apptoken-${memberId}-CCCC3333`,
    installedBy: 1,
    settings: { botId: 42, codes: ['a', 'b'] },
    installedAt: T0,
    updatedAt: T0,
    ...patch,
  };
}

export function sampleUserToken(memberId = 'm-1', userId = 5, patch: Partial<UserToken> = {}): UserToken {
  return {
    memberId,
    userId,
    domain: `${memberId}.bitrix24.ru`,
    clientEndpoint: `https://${memberId}.bitrix24.ru/rest/`,
    serverEndpoint: 'https://oauth.bitrix.info/rest/',
    scope: 'crm,task,calendar,im,user',
    accessToken: `user-access-${memberId}-${userId}-DDDD4444`,
    refreshToken: `user-refresh-${memberId}-${userId}-EEEE5555`,
    expiresAt: T0 + 3600_000,
    updatedAt: T0,
    ...patch,
  };
}

export function describeStoreContract(name: string, factory: StoreFactory, opts: { ports?: Port[] } = {}): void {
  const ports = new Set<Port>(opts.ports ?? ['installs', 'userTokens', 'locks', 'actions', 'voiceLinks', 'linkCodes', 'sessions', 'models', 'jobs']);
  // Ports an adapter does not provide are left out entirely, not reported as skipped.
  const portDescribe = (p: Port) => (ports.has(p) ? describe : (_name: string, _fn: () => void) => undefined);

  describe(`${name} store contract`, () => {
    let store: Store;
    let now = T0;
    const clock = () => now;
    beforeEach(async () => {
      now = T0;
      store = await factory({ clock });
    });
    afterEach(async () => {
      await store.close();
    });

    portDescribe('installs')('installs', () => {
      it('round-trips a whole record and answers null for an unknown portal', async () => {
        const inst = sampleInstall();
        await store.installs.save(inst);
        expect(await store.installs.get('m-1')).toEqual(inst);
        expect(await store.installs.get('nope')).toBeNull();
      });
      it('save replaces the whole record, dropping fields the new one lacks', async () => {
        await store.installs.save(sampleInstall());
        const { settings: _s, installedBy: _b, ...bare } = sampleInstall('m-1', { scope: 'crm', updatedAt: T0 + 5 });
        await store.installs.save(bare);
        expect(await store.installs.get('m-1')).toEqual(bare);
      });
      it('finds a portal by domain regardless of case', async () => {
        await store.installs.save(sampleInstall('m-1'));
        await store.installs.save(sampleInstall('m-2'));
        expect((await store.installs.getByDomain('M-2.Bitrix24.RU'))?.memberId).toBe('m-2');
        expect(await store.installs.getByDomain('other.bitrix24.ru')).toBeNull();
      });
      it('lists every portal ordered by member id', async () => {
        for (const id of ['m-3', 'm-1', 'm-2']) await store.installs.save(sampleInstall(id));
        expect((await store.installs.list()).map((i) => i.memberId)).toEqual(['m-1', 'm-2', 'm-3']);
      });
      it('updateTokens swaps only when the stored refresh token is the expected one', async () => {
        const inst = sampleInstall();
        await store.installs.save(inst);
        const next = { accessToken: 'access-2', refreshToken: 'refresh-2', expiresAt: T0 + 7200_000 };
        expect(await store.installs.updateTokens('m-1', next, inst.refreshToken)).toBe(true);
        const after = await store.installs.get('m-1');
        expect(after).toMatchObject(next);
        expect(after?.applicationToken).toBe(inst.applicationToken);
        // A second refresher that read the old pair loses and changes nothing.
        const late = { accessToken: 'access-3', refreshToken: 'refresh-3', expiresAt: T0 + 9000_000 };
        expect(await store.installs.updateTokens('m-1', late, inst.refreshToken)).toBe(false);
        expect(await store.installs.get('m-1')).toMatchObject(next);
        expect(await store.installs.updateTokens('unknown', late, 'x')).toBe(false);
      });
      it('of concurrent token swaps from the same refresh token exactly one wins', async () => {
        const inst = sampleInstall();
        await store.installs.save(inst);
        const results = await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            store.installs.updateTokens('m-1', { accessToken: `a${i}`, refreshToken: `r${i}`, expiresAt: T0 + i }, inst.refreshToken),
          ),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
        const winner = results.indexOf(true);
        expect((await store.installs.get('m-1'))?.refreshToken).toBe(`r${winner}`);
      });
      it('remove deletes the portal', async () => {
        await store.installs.save(sampleInstall());
        await store.installs.remove('m-1');
        expect(await store.installs.get('m-1')).toBeNull();
        await expect(store.installs.remove('m-1')).resolves.toBeUndefined();
      });
      it('returns copies: mutating a result does not change the store', async () => {
        await store.installs.save(sampleInstall());
        const got = (await store.installs.get('m-1'))!;
        got.accessToken = 'mutated';
        (got.settings as { botId: number }).botId = 0;
        expect(await store.installs.get('m-1')).toEqual(sampleInstall());
      });
      it('refuses a record without a member id or tokens, naming the field', async () => {
        await expect(store.installs.save(sampleInstall('m-1', { memberId: '' }))).rejects.toThrow(/memberId/);
        await expect(store.installs.save(sampleInstall('m-1', { refreshToken: undefined as unknown as string }))).rejects.toThrow(/refreshToken/);
        await expect(store.installs.save(sampleInstall('m-1', { expiresAt: NaN }))).rejects.toThrow(/expiresAt/);
      });
    });

    portDescribe('userTokens')('userTokens', () => {
      it('saves per (portal, user) and reads back what was saved', async () => {
        const a = sampleUserToken('m-1', 5);
        const b = sampleUserToken('m-1', 7);
        const c = sampleUserToken('m-2', 5);
        for (const t of [a, b, c]) await store.userTokens.save(t);
        expect(await store.userTokens.get('m-1', 5)).toEqual(a);
        expect(await store.userTokens.get('m-1', 7)).toEqual(b);
        expect(await store.userTokens.get('m-2', 5)).toEqual(c);
        expect(await store.userTokens.get('m-1', 8)).toBeNull();
        const again = sampleUserToken('m-1', 5, { accessToken: 'newer', scope: 'crm' });
        await store.userTokens.save(again);
        expect(await store.userTokens.get('m-1', 5)).toEqual(again);
      });
      it('updateTokens is a compare-and-swap on the refresh token, per user', async () => {
        const t = sampleUserToken();
        await store.userTokens.save(t);
        await store.userTokens.save(sampleUserToken('m-1', 7));
        const next = { accessToken: 'a2', refreshToken: 'r2', expiresAt: T0 + 7200_000 };
        expect(await store.userTokens.updateTokens('m-1', 5, next, t.refreshToken)).toBe(true);
        expect(await store.userTokens.get('m-1', 5)).toMatchObject(next);
        expect(await store.userTokens.updateTokens('m-1', 5, { ...next, refreshToken: 'r3' }, t.refreshToken)).toBe(false);
        // Another user's record is untouched, and its own old token does not match this user's row.
        expect(await store.userTokens.get('m-1', 7)).toEqual(sampleUserToken('m-1', 7));
        expect(await store.userTokens.updateTokens('m-1', 9, next, 'x')).toBe(false);
      });
      it('of concurrent swaps with the same expected token exactly one wins', async () => {
        const t = sampleUserToken();
        await store.userTokens.save(t);
        const wins = await Promise.all(
          Array.from({ length: 8 }, (_, i) => store.userTokens.updateTokens('m-1', 5, { accessToken: `a${i}`, refreshToken: `r${i}`, expiresAt: T0 + i }, t.refreshToken)),
        );
        expect(wins.filter(Boolean)).toHaveLength(1);
        expect((await store.userTokens.get('m-1', 5))?.refreshToken).toBe(`r${wins.indexOf(true)}`);
      });
      it('remove drops one user, removeAll the whole portal', async () => {
        for (const t of [sampleUserToken('m-1', 5), sampleUserToken('m-1', 7), sampleUserToken('m-2', 5)]) await store.userTokens.save(t);
        await store.userTokens.remove('m-1', 5);
        expect(await store.userTokens.get('m-1', 5)).toBeNull();
        expect(await store.userTokens.get('m-1', 7)).not.toBeNull();
        await store.userTokens.removeAll('m-1');
        expect(await store.userTokens.get('m-1', 7)).toBeNull();
        expect(await store.userTokens.get('m-2', 5)).not.toBeNull();
      });
      it('refuses a record without a user or tokens, naming the field', async () => {
        await expect(store.userTokens.save(sampleUserToken('m-1', 0))).rejects.toThrow(/userId/);
        await expect(store.userTokens.save(sampleUserToken('m-1', 5, { accessToken: '' }))).rejects.toThrow(/accessToken/);
        await expect(store.userTokens.save(sampleUserToken('m-1', 5, { expiresAt: NaN }))).rejects.toThrow(/expiresAt/);
      });
    });

    portDescribe('locks')('locks', () => {
      it('a held key cannot be taken until released', async () => {
        const release = await store.locks.tryAcquire('refresh:m-1', 30_000);
        expect(release).not.toBeNull();
        expect(await store.locks.tryAcquire('refresh:m-1', 30_000)).toBeNull();
        expect(await store.locks.tryAcquire('refresh:m-2', 30_000)).not.toBeNull();
        await release!();
        expect(await store.locks.tryAcquire('refresh:m-1', 30_000)).not.toBeNull();
      });
      it('an expired lease can be taken, and the old holder cannot release the new one', async () => {
        const first = await store.locks.tryAcquire('k', 1000);
        now += 999;
        expect(await store.locks.tryAcquire('k', 1000)).toBeNull();
        now += 1;
        const second = await store.locks.tryAcquire('k', 1000);
        expect(second).not.toBeNull();
        await first!(); // stale release: must not free the new holder's lease
        expect(await store.locks.tryAcquire('k', 1000)).toBeNull();
        await second!();
        await second!(); // releasing twice is harmless
        expect(await store.locks.tryAcquire('k', 1000)).not.toBeNull();
      });
      it('a holder keeps a short lease alive by extending it; a lapsed lease cannot be extended', async () => {
        const lease = await store.locks.tryAcquire('action:x', 1000);
        now += 900;
        expect(await lease!.extend(1000)).toBe(true);
        now += 900; // past the first lease's end, within the extended one
        expect(await store.locks.tryAcquire('action:x', 1000)).toBeNull();
        now += 100;
        const taker = await store.locks.tryAcquire('action:x', 1000);
        expect(taker).not.toBeNull();
        expect(await lease!.extend(1000)).toBe(false); // it lapsed and is someone else's now
        expect(await store.locks.tryAcquire('action:x', 1000)).toBeNull();
      });
      it('of concurrent attempts exactly one gets the lock', async () => {
        const got = await Promise.all(Array.from({ length: 10 }, () => store.locks.tryAcquire('race', 30_000)));
        expect(got.filter((r) => r !== null)).toHaveLength(1);
      });
      it('refuses a non-positive ttl', async () => {
        await expect(store.locks.tryAcquire('k', 0)).rejects.toThrow(/ttlMs/);
      });
    });

    portDescribe('actions')('actions', () => {
      it('the first claim wins; later ones see the record', async () => {
        expect(await store.actions.claim('act-1', 'm-1', 'task.create', T0)).toEqual({ claimed: true });
        const again = await store.actions.claim('act-1', 'm-1', 'task.create', T0 + 10);
        expect(again).toEqual({
          claimed: false,
          record: { key: 'act-1', memberId: 'm-1', kind: 'task.create', state: 'pending', createdAt: T0, updatedAt: T0 },
        });
      });
      it('of concurrent claims of one key exactly one wins', async () => {
        const res = await Promise.all(Array.from({ length: 12 }, (_, i) => store.actions.claim('dup', 'm-1', 'task.create', T0 + i)));
        expect(res.filter((r) => r.claimed)).toHaveLength(1);
      });
      it('complete stores the result; fail stores the error', async () => {
        await store.actions.claim('a', 'm-1', 'task.create', T0);
        await store.actions.complete('a', { taskId: 3711, tags: ['x'] }, T0 + 5);
        expect(await store.actions.get('a')).toEqual({
          key: 'a', memberId: 'm-1', kind: 'task.create', state: 'done', result: { taskId: 3711, tags: ['x'] }, createdAt: T0, updatedAt: T0 + 5,
        });
        await store.actions.claim('b', 'm-1', 'im.message', T0);
        await store.actions.fail('b', 'ACCESS_DENIED', T0 + 7);
        expect(await store.actions.get('b')).toMatchObject({ state: 'failed', error: 'ACCESS_DENIED', updatedAt: T0 + 7 });
        const seen = await store.actions.claim('b', 'm-1', 'im.message', T0 + 8);
        expect(seen.claimed).toBe(false);
      });
      it('a record expires after its ttl: swept, and its key can be claimed again', async () => {
        await store.actions.claim('bot-event:1', 'm-1', 'bot.event', T0, 1000);
        await store.actions.claim('bot-event:2', 'm-1', 'bot.event', T0 + 500, 1000);
        await store.actions.claim('task', 'm-1', 'task.create', T0);
        await store.actions.complete('task', { taskId: 1 }, T0 + 1);
        expect((await store.actions.claim('bot-event:1', 'm-1', 'bot.event', T0 + 999, 1000)).claimed).toBe(false);
        expect(await store.actions.size()).toBe(3);
        expect(await store.actions.sweep(T0 + 1000)).toBe(1);
        expect(await store.actions.get('bot-event:1')).toBeNull();
        expect(await store.actions.size()).toBe(2);
        // Expired but not yet swept: forgotten all the same.
        expect(await store.actions.claim('bot-event:2', 'm-1', 'bot.event', T0 + 1500, 1000)).toEqual({ claimed: true });
        // The default keeps a record for a week.
        expect((await store.actions.claim('task', 'm-1', 'task.create', T0 + 6 * 86_400_000)).claimed).toBe(false);
        await store.actions.sweep(T0 + 7 * 86_400_000);
        expect(await store.actions.size()).toBe(0);
      });
      it('completing an unclaimed key is an error; get of an unknown key is null', async () => {
        await expect(store.actions.complete('ghost', 1, T0)).rejects.toThrow(/ghost/);
        await expect(store.actions.fail('ghost', 'x', T0)).rejects.toThrow(/ghost/);
        expect(await store.actions.get('ghost')).toBeNull();
      });
    });

    portDescribe('voiceLinks')('voiceLinks', () => {
      it('saves, finds, re-links, lists per user and removes', async () => {
        const a = { platform: 'alice' as const, voiceUserId: 'yx-1', memberId: 'm-1', userId: 7, createdAt: T0 };
        const g = { platform: 'google' as const, voiceUserId: 'g-1', memberId: 'm-1', userId: 7, createdAt: T0 + 1 };
        await store.voiceLinks.save(a);
        await store.voiceLinks.save(g);
        expect(await store.voiceLinks.get('alice', 'yx-1')).toEqual(a);
        expect(await store.voiceLinks.get('google', 'yx-1')).toBeNull();
        expect(await store.voiceLinks.listForUser('m-1', 7)).toEqual([a, g]);
        const moved = { ...a, userId: 8, createdAt: T0 + 2 };
        await store.voiceLinks.save(moved);
        expect(await store.voiceLinks.listForUser('m-1', 7)).toEqual([g]);
        expect(await store.voiceLinks.listForUser('m-1', 8)).toEqual([moved]);
        await store.voiceLinks.remove('alice', 'yx-1');
        expect(await store.voiceLinks.get('alice', 'yx-1')).toBeNull();
      });
      it('refuses an unknown platform', async () => {
        await expect(
          store.voiceLinks.save({ platform: 'siri' as 'alice', voiceUserId: 'x', memberId: 'm', userId: 1, createdAt: T0 }),
        ).rejects.toThrow(/platform/);
      });
    });

    portDescribe('linkCodes')('linkCodes', () => {
      const code = (h: string, ttl = 300_000) => ({ codeHash: h, memberId: 'm-1', userId: 7, expiresAt: T0 + ttl, createdAt: T0 });
      it('a code is consumed once', async () => {
        await store.linkCodes.save(code('h1'));
        expect(await store.linkCodes.consume('h1', T0 + 1000)).toEqual(code('h1'));
        expect(await store.linkCodes.consume('h1', T0 + 1000)).toBeNull();
        expect(await store.linkCodes.consume('never', T0)).toBeNull();
      });
      it('an expired code cannot be consumed and is not listed', async () => {
        await store.linkCodes.save(code('old', 1000));
        await store.linkCodes.save(code('new', 5000));
        expect((await store.linkCodes.listAlive(T0 + 1000)).map((c) => c.codeHash)).toEqual(['new']);
        expect(await store.linkCodes.consume('old', T0 + 1000)).toBeNull();
        expect(await store.linkCodes.consume('new', T0 + 4999)).not.toBeNull();
      });
      it('of concurrent consumes of one code exactly one gets it', async () => {
        await store.linkCodes.save(code('race'));
        const got = await Promise.all(Array.from({ length: 8 }, () => store.linkCodes.consume('race', T0)));
        expect(got.filter((c) => c !== null)).toHaveLength(1);
      });
      it('keeps one live code per portal user: a new code replaces the old', async () => {
        await store.linkCodes.save(code('first'));
        await store.linkCodes.save({ ...code('other-user'), userId: 8 });
        await store.linkCodes.save({ ...code('second'), createdAt: T0 + 10 });
        expect((await store.linkCodes.listAlive(T0 + 20)).map((c) => c.codeHash).sort()).toEqual(['other-user', 'second']);
        expect(await store.linkCodes.consume('first', T0 + 20)).toBeNull();
        expect(await store.linkCodes.consume('second', T0 + 20)).toMatchObject({ memberId: 'm-1', userId: 7 });
        // 300 page loads leave one code, not 300.
        for (let i = 0; i < 300; i++) await store.linkCodes.save({ ...code(`load-${i}`), createdAt: T0 + 100 + i });
        expect((await store.linkCodes.size()).codes).toBe(2);
      });
      it('expired codes are swept: by save, and by sweep', async () => {
        for (let u = 1; u <= 5; u++) await store.linkCodes.save({ ...code(`u${u}`, 1000), userId: u });
        expect((await store.linkCodes.size()).codes).toBe(5);
        await store.linkCodes.save({ ...code('late'), userId: 99, createdAt: T0 + 1000, expiresAt: T0 + 301_000 });
        expect((await store.linkCodes.size()).codes).toBe(1);
        expect(await store.linkCodes.sweep(T0 + 301_000)).toBe(1);
        expect((await store.linkCodes.size()).codes).toBe(0);
      });
    });

    portDescribe('linkCodes')('linking attempts', () => {
      const w = 60_000;
      const buckets = (user: string, userLimit = 3) => [
        { key: `u:${user}`, limit: userLimit, windowMs: w },
        { key: 'app:skill-1', limit: 5, windowMs: w },
        { key: 'all', limit: 8, windowMs: 2 * w },
      ];
      it('takes an attempt while every bucket has room; a full one refuses without writing', async () => {
        for (let i = 0; i < 3; i++) expect((await store.linkCodes.takeAttempt(buckets('a'), T0 + i * 1000)).ok).toBe(true);
        const refused = await store.linkCodes.takeAttempt(buckets('a'), T0 + 5000);
        expect(refused).toEqual({ ok: false, bucket: 'u:a', retryAfterMs: w - 5000 });
        expect((await store.linkCodes.size()).attempts).toBe(9);
        // Another voice id still has room in its own bucket, until the skill's bucket is full.
        expect((await store.linkCodes.takeAttempt(buckets('b'), T0 + 6000)).ok).toBe(true);
        expect((await store.linkCodes.takeAttempt(buckets('c'), T0 + 7000)).ok).toBe(true);
        expect(await store.linkCodes.takeAttempt(buckets('d'), T0 + 8000)).toEqual({ ok: false, bucket: 'app:skill-1', retryAfterMs: w - 8000 });
        expect((await store.linkCodes.size()).attempts).toBe(15);
        // The first attempt leaves the windows at T0 + w: room again for "a" and the skill.
        expect((await store.linkCodes.takeAttempt(buckets('a'), T0 + w)).ok).toBe(true);
      });
      it('of concurrent attempts exactly `limit` get through', async () => {
        const got = await Promise.all(Array.from({ length: 20 }, (_, i) => store.linkCodes.takeAttempt(buckets(`v${i}`), T0)));
        expect(got.filter((g) => g.ok)).toHaveLength(5);
        expect((await store.linkCodes.size()).attempts).toBe(15);
      });
      it('300 ids rotating against one skill: no more attempts than the limits, no more rows than the attempts taken', async () => {
        let ok = 0;
        for (let i = 0; i < 300; i++) if ((await store.linkCodes.takeAttempt(buckets(`rot-${i}`), T0 + i * 10)).ok) ok++;
        expect(ok).toBe(5);
        expect((await store.linkCodes.size()).attempts).toBe(15);
      });
      it('a refunded attempt costs nothing; entries expire and are swept', async () => {
        const first = await store.linkCodes.takeAttempt(buckets('a', 1), T0);
        expect(first.ok).toBe(true);
        expect((await store.linkCodes.takeAttempt(buckets('a', 1), T0 + 1)).ok).toBe(false);
        await store.linkCodes.refundAttempt((first as { id: string }).id);
        await store.linkCodes.refundAttempt('unknown-id');
        expect((await store.linkCodes.takeAttempt(buckets('a', 1), T0 + 2)).ok).toBe(true);
        for (let i = 0; i < 4; i++) await store.linkCodes.takeAttempt(buckets(`x${i}`), T0 + 3 + i);
        expect((await store.linkCodes.size()).attempts).toBe(15);
        // Entries of the one-window buckets are gone after w; those of "all" after 2w.
        expect(await store.linkCodes.sweep(T0 + w + 10)).toBe(10);
        expect(await store.linkCodes.sweep(T0 + 2 * w + 10)).toBe(5);
        expect((await store.linkCodes.size()).attempts).toBe(0);
        // takeAttempt sweeps on its own too.
        await store.linkCodes.takeAttempt(buckets('y'), T0 + 3 * w);
        await store.linkCodes.takeAttempt(buckets('z'), T0 + 6 * w);
        expect((await store.linkCodes.size()).attempts).toBe(3);
      });
      it('refuses empty or malformed buckets', async () => {
        await expect(store.linkCodes.takeAttempt([], T0)).rejects.toThrow(/buckets/);
        await expect(store.linkCodes.takeAttempt([{ key: 'k', limit: 0, windowMs: 1 }], T0)).rejects.toThrow(/limit/);
      });
    });

    portDescribe('sessions')('sessions', () => {
      const ttl = 600_000;
      it('versions count up; a stale writer loses', async () => {
        expect(await store.sessions.get('s', T0)).toBeNull();
        expect(await store.sessions.put('s', { step: 'ask', slots: { title: 'Отчёт' } }, 0, ttl, T0)).toBe(1);
        expect(await store.sessions.put('s', { step: 'other' }, 0, ttl, T0)).toBeNull();
        expect(await store.sessions.get('s', T0 + 1)).toEqual({ value: { step: 'ask', slots: { title: 'Отчёт' } }, version: 1 });
        expect(await store.sessions.put('s', { step: 'confirm' }, 1, ttl, T0 + 2)).toBe(2);
        expect(await store.sessions.put('s', { step: 'late' }, 1, ttl, T0 + 3)).toBeNull();
        expect(await store.sessions.put('s', { step: 'late' }, 5, ttl, T0 + 3)).toBeNull();
        expect(await store.sessions.get('s', T0 + 4)).toEqual({ value: { step: 'confirm' }, version: 2 });
      });
      it('get hands out a copy of its own: changing it (the dialogue does) changes nothing stored', async () => {
        await store.sessions.put('s', { draft: { slots: { title: 'Отчёт' } } }, 0, ttl, T0);
        const got = (await store.sessions.get<{ draft: { slots: { title: string } } }>('s', T0 + 1))!;
        got.value.draft.slots.title = 'changed';
        expect(await store.sessions.get('s', T0 + 2)).toEqual({ value: { draft: { slots: { title: 'Отчёт' } } }, version: 1 });
      });
      it('a session expires ttl after its last write and can then be started again', async () => {
        await store.sessions.put('s', 'one', 0, 1000, T0);
        expect(await store.sessions.put('s', 'two', 1, 1000, T0 + 500)).toBe(2);
        expect((await store.sessions.get('s', T0 + 1499))?.value).toBe('two');
        expect(await store.sessions.get('s', T0 + 1500)).toBeNull();
        expect(await store.sessions.put('s', 'stale', 2, 1000, T0 + 1500)).toBeNull();
        expect(await store.sessions.put('s', 'fresh', 0, 1000, T0 + 1500)).toBe(1);
      });
      it('of concurrent writes from one version exactly one wins', async () => {
        await store.sessions.put('s', 0, 0, ttl, T0);
        const res = await Promise.all(Array.from({ length: 8 }, (_, i) => store.sessions.put('s', i, 1, ttl, T0)));
        expect(res.filter((v) => v !== null)).toEqual([2]);
      });
      it('delete removes the session; keys are independent', async () => {
        await store.sessions.put('a', 1, 0, ttl, T0);
        await store.sessions.put('b', 2, 0, ttl, T0);
        await store.sessions.delete('a');
        expect(await store.sessions.get('a', T0)).toBeNull();
        expect(await store.sessions.get('b', T0)).toEqual({ value: 2, version: 1 });
      });
      it('refuses a negative expected version and a non-positive ttl', async () => {
        await expect(store.sessions.put('s', 1, -1, ttl, T0)).rejects.toThrow(/expectedVersion/);
        await expect(store.sessions.put('s', 1, 0, 0, T0)).rejects.toThrow(/ttlMs/);
      });
    });

    portDescribe('models')('models', () => {
      const model = (entity: 'lead' | 'deal', trainedAt: number, weight: number) => ({
        memberId: 'm-1',
        entity,
        trainedAt,
        nextTrainingAt: trainedAt + 30 * 86_400_000,
        meta: { auc: 0.8 + weight / 100, closed: 2400 },
        payload: { weights: Array.from({ length: 50 }, (_, i) => i * weight), bias: -0.5, names: ['calls', 'emails'] },
      });
      it('numbers versions per portal and entity; latest carries the payload', async () => {
        expect(await store.models.save(model('lead', T0, 1))).toBe(1);
        expect(await store.models.save(model('lead', T0 + 1, 2))).toBe(2);
        expect(await store.models.save(model('deal', T0, 3))).toBe(1);
        expect(await store.models.save({ ...model('lead', T0, 4), memberId: 'm-2' })).toBe(1);
        expect(await store.models.latest('m-1', 'lead')).toEqual({ ...model('lead', T0 + 1, 2), version: 2 });
        expect(await store.models.latest('m-3', 'lead')).toBeNull();
        const listed = await store.models.list('m-1', 'lead');
        expect(listed.map((m) => m.version)).toEqual([2, 1]);
        expect(listed[0]).not.toHaveProperty('payload');
        expect(listed[1].meta).toEqual(model('lead', T0, 1).meta);
      });
      it('concurrent saves get distinct versions', async () => {
        const versions = await Promise.all(Array.from({ length: 5 }, (_, i) => store.models.save(model('lead', T0 + i, i))));
        expect([...versions].sort()).toEqual([1, 2, 3, 4, 5]);
      });
      it('keeps score history per record in time order', async () => {
        await store.models.addScore('m-1', 'lead', 101, T0 + 2000, 0.61, 2);
        await store.models.addScore('m-1', 'lead', 101, T0, 0.4, 1);
        await store.models.addScore('m-1', 'lead', 102, T0, 0.9, 1);
        await store.models.addScore('m-1', 'deal', 101, T0, 0.2, 1);
        expect(await store.models.scores('m-1', 'lead', 101)).toEqual([
          { at: T0, probability: 0.4, modelVersion: 1 },
          { at: T0 + 2000, probability: 0.61, modelVersion: 2 },
        ]);
        expect(await store.models.scores('m-1', 'lead', 999)).toEqual([]);
      });
      it('keeps each point\'s factors as written; a point without them has none', async () => {
        const factors = [
          { column: 'calls_in', value: '3', effect: 0.42 },
          { column: 'text', value: 'счёт и договор', effect: 0.1, words: ['счёт', 'договор'] },
        ];
        await store.models.addScore('m-1', 'lead', 7, T0, 0.5, 1, factors);
        await store.models.addScore('m-1', 'lead', 7, T0 + 1, 0.55, 1);
        factors[0]!.value = 'changed after saving';
        expect(await store.models.scores('m-1', 'lead', 7)).toEqual([
          { at: T0, probability: 0.5, modelVersion: 1, factors: [{ column: 'calls_in', value: '3', effect: 0.42 }, { column: 'text', value: 'счёт и договор', effect: 0.1, words: ['счёт', 'договор'] }] },
          { at: T0 + 1, probability: 0.55, modelVersion: 1 },
        ]);
      });
      it('refuses factors that are not column, value and a finite effect', async () => {
        await expect(store.models.addScore('m-1', 'lead', 8, T0, 0.5, 1, [{ column: 'x', value: '1', effect: Number.NaN }])).rejects.toThrow(/effect/);
        await expect(store.models.addScore('m-1', 'lead', 8, T0, 0.5, 1, [{ column: 5, value: '1', effect: 1 } as never])).rejects.toThrow(/column/);
        await expect(store.models.addScore('m-1', 'lead', 8, T0, 0.5, 1, 'calls' as never)).rejects.toThrow(/factors/);
        expect(await store.models.scores('m-1', 'lead', 8)).toEqual([]);
      });
      it('refuses an unknown entity and an out-of-range probability', async () => {
        await expect(store.models.save({ ...model('lead', T0, 1), entity: 'contact' as 'lead' })).rejects.toThrow(/entity/);
        await expect(store.models.addScore('m-1', 'lead', 1, T0, 1.5, 1)).rejects.toThrow(/probability/);
      });
    });

    portDescribe('jobs')('jobs', () => {
      it('saves, updates and lists newest first', async () => {
        const job = { id: 'j1', kind: 'train', memberId: 'm-1', state: 'queued' as const, progress: 0, createdAt: T0, updatedAt: T0 };
        await store.jobs.save(job);
        await store.jobs.save({ ...job, id: 'j2', createdAt: T0 + 10, updatedAt: T0 + 10 });
        await store.jobs.save({ ...job, id: 'j3', memberId: 'm-2' });
        await store.jobs.save({ ...job, state: 'running', progress: 0.5, message: 'fetching leads', updatedAt: T0 + 20 });
        expect(await store.jobs.get('j1')).toEqual({ ...job, state: 'running', progress: 0.5, message: 'fetching leads', updatedAt: T0 + 20 });
        expect((await store.jobs.listFor('m-1')).map((j) => j.id)).toEqual(['j2', 'j1']);
        expect(await store.jobs.get('none')).toBeNull();
      });
      it('refuses an unknown state', async () => {
        await expect(
          store.jobs.save({ id: 'j', kind: 'train', memberId: 'm', state: 'paused' as 'queued', progress: 0, createdAt: T0, updatedAt: T0 }),
        ).rejects.toThrow(/state/);
      });
    });
  });
}
