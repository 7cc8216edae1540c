import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { encodeInstall } from '../../src/store/codec';
import { EncryptionKeyError, createCipher } from '../../src/store/crypto';
import { LATEST_VERSION } from '../../src/store/migrations';
import { migrateSqlite, openSqliteDatabase, openSqliteStore } from '../../src/store/sqlite';
import { describeStoreContract, sampleInstall, sampleUserToken } from './contract';
import { OTHER_KEY, TEST_KEY } from './helpers';

let dir: string;
let n = 0;
const nextPath = () => join(dir, `db-${++n}.sqlite`);
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'b24-store-sqlite-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeStoreContract('sqlite', ({ clock }) => openSqliteStore({ path: nextPath(), encryptionKey: TEST_KEY, clock }));

describe('sqlite specifics', () => {
  it('uses WAL and a busy timeout, and keeps the file private', async () => {
    const path = nextPath();
    const store = await openSqliteStore({ path, encryptionKey: TEST_KEY });
    await store.close();
    const db = openSqliteDatabase(path, 1234);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('busy_timeout', { simple: true })).toBe(1234);
    } finally {
      db.close();
    }
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('no token appears in plaintext anywhere in the files; a wrong key fails clearly', async () => {
    const path = nextPath();
    const store = await openSqliteStore({ path, encryptionKey: TEST_KEY });
    const inst = sampleInstall();
    await store.installs.save(inst);
    await store.installs.updateTokens('m-1', { accessToken: 'fresh-access-XYZ', refreshToken: 'fresh-refresh-XYZ', expiresAt: 1 }, inst.refreshToken);
    await store.installs.save(sampleInstall('m-2'));
    const user = sampleUserToken();
    await store.userTokens.save(user);
    await store.userTokens.updateTokens('m-1', 5, { accessToken: 'user-fresh-access-XYZ', refreshToken: 'user-fresh-refresh-XYZ', expiresAt: 1 }, user.refreshToken);
    await store.userTokens.save(sampleUserToken('m-1', 7));
    // Read the raw bytes while the store is open (WAL not yet checkpointed) and after closing.
    const bytes = () => readdirSync(dir).filter((f) => f.startsWith(path.split('/').pop()!)).map((f) => readFileSync(join(dir, f)).toString('latin1')).join('');
    const secrets = [inst.accessToken, inst.refreshToken, inst.applicationToken, 'fresh-access-XYZ', 'fresh-refresh-XYZ', sampleInstall('m-2').accessToken,
      user.accessToken, user.refreshToken, 'user-fresh-access-XYZ', 'user-fresh-refresh-XYZ', sampleUserToken('m-1', 7).refreshToken];
    const before = bytes();
    await store.close();
    const after = bytes();
    for (const s of secrets) {
      expect(before).not.toContain(s);
      expect(after).not.toContain(s);
    }
    expect(after).toContain(inst.domain); // the rows are there; only the tokens are sealed
    const rows = new Database(path, { readonly: true }).prepare('SELECT access_token, refresh_token FROM installs').all() as { access_token: string }[];
    expect(rows.every((r) => r.access_token.startsWith('v1.'))).toBe(true);

    await expect(openSqliteStore({ path, encryptionKey: OTHER_KEY })).rejects.toThrow(EncryptionKeyError);
    await expect(openSqliteStore({ path, encryptionKey: OTHER_KEY })).rejects.toThrow(/encryption key does not match this database/);
  });

  it('a token row copied to another portal does not decrypt', async () => {
    const path = nextPath();
    const store = await openSqliteStore({ path, encryptionKey: TEST_KEY });
    await store.installs.save(sampleInstall('m-1'));
    await store.installs.save(sampleInstall('m-2'));
    const db = new Database(path);
    db.prepare("UPDATE installs SET access_token = (SELECT access_token FROM installs WHERE member_id = 'm-1') WHERE member_id = 'm-2'").run();
    db.close();
    await expect(store.installs.get('m-2')).rejects.toThrow(/cannot decrypt installs:m-2:access_token/);
    expect((await store.installs.get('m-1'))?.accessToken).toBe(sampleInstall('m-1').accessToken);
    await store.close();
  });

  it('upgrades a version-1 database without losing its data', async () => {
    const path = nextPath();
    const db = openSqliteDatabase(path);
    expect(migrateSqlite(db, 1)).toEqual([1]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'sessions'").get()).toBeUndefined();
    const row = encodeInstall(sampleInstall('old'), createCipher(TEST_KEY));
    db.prepare(`INSERT INTO installs VALUES (@member_id, @domain, @domain_key, @client_endpoint, @server_endpoint, @scope, @access_token,
      @refresh_token, @refresh_token_mac, @application_token, @expires_at, @installed_by, @settings, @installed_at, @updated_at)`).run(row);
    db.prepare("INSERT INTO actions VALUES ('a1', 'old', 'task.create', 'done', '{\"taskId\":5}', NULL, 1, 2)").run();
    db.close();

    const store = await openSqliteStore({ path, encryptionKey: TEST_KEY });
    expect(await store.installs.get('old')).toEqual(sampleInstall('old'));
    expect(await store.actions.get('a1')).toEqual({ key: 'a1', memberId: 'old', kind: 'task.create', state: 'done', result: { taskId: 5 }, createdAt: 1, updatedAt: 2 });
    expect(await store.sessions.put('s', 1, 0, 1000, 0)).toBe(1);
    await store.close();
    const check = new Database(path, { readonly: true });
    expect((check.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map((r) => r.version)).toEqual(
      Array.from({ length: LATEST_VERSION }, (_, i) => i + 1),
    );
    check.close();
  });

  it('upgrading to version 4 keeps each user\'s newest code and gives old action records a week', async () => {
    const path = nextPath();
    const db = openSqliteDatabase(path);
    expect(migrateSqlite(db, 3)).toEqual([1, 2, 3]);
    const code = db.prepare('INSERT INTO link_codes VALUES (?, ?, ?, ?, ?)');
    code.run('old-1', 'm', 1, 9e12, 100);
    code.run('new-1', 'm', 1, 9e12, 200);
    code.run('only-2', 'm', 2, 9e12, 100);
    db.prepare("INSERT INTO link_failures (subject, at) VALUES ('alice:x', 1)").run();
    db.prepare("INSERT INTO actions VALUES ('a1', 'm', 'bot.event', 'done', NULL, NULL, 1, 1000)").run();
    // Version 4 first; later versions (5: per-user tokens) follow in the same upgrade.
    expect(migrateSqlite(db)[0]).toBe(4);
    expect((db.prepare('SELECT code_hash FROM link_codes ORDER BY code_hash').all() as { code_hash: string }[]).map((r) => r.code_hash)).toEqual(['new-1', 'only-2']);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'link_failures'").get()).toBeUndefined();
    expect(db.prepare("SELECT expires_at FROM actions WHERE key = 'a1'").get()).toEqual({ expires_at: 1000 + 7 * 86_400_000 });
    db.close();
  });

  it('upgrading to version 6 keeps the score history; old points have no factors, new ones do', async () => {
    const path = nextPath();
    const db = openSqliteDatabase(path);
    expect(migrateSqlite(db, 5)).toEqual([1, 2, 3, 4, 5]);
    db.prepare("INSERT INTO model_scores (member_id, entity, record_id, at, probability, model_version) VALUES ('m', 'lead', 17, 1000, 0.4, 1)").run();
    db.close();
    const store = await openSqliteStore({ path, encryptionKey: TEST_KEY });
    await store.models.addScore('m', 'lead', 17, 2000, 0.6, 1, [{ column: 'calls_in', value: '2', effect: 0.3 }]);
    expect(await store.models.scores('m', 'lead', 17)).toEqual([
      { at: 1000, probability: 0.4, modelVersion: 1 },
      { at: 2000, probability: 0.6, modelVersion: 1, factors: [{ column: 'calls_in', value: '2', effect: 0.3 }] },
    ]);
    await store.close();
  });

  it('reopening applies nothing; a database from a newer build is refused', async () => {
    const path = nextPath();
    await (await openSqliteStore({ path, encryptionKey: TEST_KEY })).close();
    const db = openSqliteDatabase(path);
    expect(migrateSqlite(db)).toEqual([]);
    db.prepare("INSERT INTO schema_migrations VALUES (?, 'future', 0)").run(LATEST_VERSION + 1);
    db.close();
    await expect(openSqliteStore({ path, encryptionKey: TEST_KEY })).rejects.toThrow(/newer than this build/);
  });

  it('locks, claims and token swaps hold across two connections to one file', async () => {
    const path = nextPath();
    const a = await openSqliteStore({ path, encryptionKey: TEST_KEY });
    const b = await openSqliteStore({ path, encryptionKey: TEST_KEY });
    try {
      const inst = sampleInstall();
      await a.installs.save(inst);
      const release = await a.locks.tryAcquire('refresh:m-1', 30_000);
      expect(release).not.toBeNull();
      expect(await b.locks.tryAcquire('refresh:m-1', 30_000)).toBeNull();
      await release!();
      expect(await b.locks.tryAcquire('refresh:m-1', 30_000)).not.toBeNull();
      expect((await b.actions.claim('k', 'm-1', 'x', 1)).claimed).toBe(true);
      expect((await a.actions.claim('k', 'm-1', 'x', 2)).claimed).toBe(false);
      const next = { accessToken: 'a2', refreshToken: 'r2', expiresAt: 2 };
      expect(await b.installs.updateTokens('m-1', next, inst.refreshToken)).toBe(true);
      expect(await a.installs.updateTokens('m-1', { ...next, refreshToken: 'r3' }, inst.refreshToken)).toBe(false);
      expect((await a.installs.get('m-1'))?.refreshToken).toBe('r2');
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('of several processes racing on one file, exactly one wins each claim, lock and token swap', async () => {
    const path = nextPath();
    const rounds = 120;
    const workers = 4;
    const seed = await openSqliteStore({ path, encryptionKey: TEST_KEY });
    for (let r = 0; r < rounds; r++) await seed.installs.save(sampleInstall(`m-${r}`));
    await seed.close();
    const goFile = join(dir, `go-${n}`);
    const root = resolve(__dirname, '../..');
    const procs = Array.from({ length: workers }, (_, id) => {
      const child = spawn(
        process.execPath,
        ['--require', 'tsx/cjs', join(__dirname, 'fixtures/sqlite-worker.ts'), path, TEST_KEY, goFile, String(id), String(rounds), String(workers)],
        { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (err += d));
      const ready = new Promise<void>((res, rej) => {
        const t = setInterval(() => out.includes('ready\n') && (clearInterval(t), res()), 5);
        child.on('exit', () => (clearInterval(t), rej(new Error(`worker ${id} exited early: ${err}`))));
      });
      // The result line comes before the worker exits: it waits for the stop file (see the fixture).
      const done = new Promise<{ claims: number[]; locks: number[]; swaps: number[] }>((res, rej) => {
        const t = setInterval(() => {
          const lines = out.split('\n').filter(Boolean);
          if (lines.length >= 2) (clearInterval(t), res(JSON.parse(lines[1]!)));
        }, 5);
        child.on('exit', (code) => (clearInterval(t), code === 0 ? undefined : rej(new Error(`worker ${id}: ${err}`))));
      });
      const exited = new Promise<void>((res) => child.on('exit', () => res()));
      return { ready, done, exited };
    });
    await Promise.all(procs.map((p) => p.ready));
    writeFileSync(goFile, 'go');
    const results = await Promise.all(procs.map((p) => p.done));
    writeFileSync(`${goFile}.stop`, 'stop');
    await Promise.all(procs.map((p) => p.exited));
    if (process.env.STORE_DEBUG) console.log(JSON.stringify(results.map((r) => [r.claims.length, r.locks.length, r.swaps.length])));
    for (const kind of ['claims', 'locks', 'swaps'] as const) {
      const all = results.flatMap((r) => r[kind]).sort((x, y) => x - y);
      expect(all).toEqual(Array.from({ length: rounds }, (_, i) => i));
    }
    // The stored refresh token of each portal is the one its winner wrote.
    const check = await openSqliteStore({ path, encryptionKey: TEST_KEY });
    for (let r = 0; r < rounds; r++) {
      const winner = results.findIndex((w) => w.swaps.includes(r));
      expect((await check.installs.get(`m-${r}`))?.refreshToken).toBe(`r-${winner}-${r}`);
    }
    await check.close();
  }, 60_000);
});
