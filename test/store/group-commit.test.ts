import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGroupCommit } from '../../src/store/group-commit';
import { openSqliteDatabase, openSqliteStore } from '../../src/store/sqlite';
import { TEST_KEY } from './helpers';

let dir: string;
let n = 0;
const nextPath = () => join(dir, `gc-${++n}.sqlite`);
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'b24-group-commit-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function table(path: string, busyMs = 5000): Database.Database {
  const db = openSqliteDatabase(path, busyMs);
  db.exec('CREATE TABLE IF NOT EXISTS t (k TEXT PRIMARY KEY, v INTEGER NOT NULL)');
  return db;
}

describe('group commit', () => {
  it('operations asked for in one turn commit in one transaction, each with its own result, in order', async () => {
    const path = nextPath();
    const db = table(path);
    const group = createGroupCommit(db);
    const ins = db.prepare('INSERT INTO t (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v RETURNING v');
    const get = db.prepare('SELECT v FROM t WHERE k = ?').pluck();
    const asked = [group.write(() => ins.get('a', 1)), group.read(() => get.get('a')), group.write(() => ins.get('a', 2)), group.read(() => get.get('a'))];
    expect(group.stats.batches).toBe(0); // nothing runs before the turn ends
    expect(await Promise.all(asked)).toEqual([{ v: 1 }, 1, { v: 2 }, 2]);
    expect(group.stats).toEqual({ batches: 1, operations: 4 });
    // Settled means committed: another connection sees the rows.
    const other = new Database(path, { readonly: true });
    expect(other.prepare('SELECT v FROM t WHERE k = ?').pluck().get('a')).toBe(2);
    other.close();
    db.close();
  });

  it("one failing write costs the others nothing: it alone is refused, theirs are committed", async () => {
    const path = nextPath();
    const db = table(path);
    const group = createGroupCommit(db);
    const ins = db.prepare('INSERT INTO t (k, v) VALUES (?, ?)');
    const results = await Promise.allSettled([group.write(() => ins.run('x', 1)), group.write(() => ins.run('x', 2)), group.write(() => ins.run('y', 3))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/);
    expect(db.prepare('SELECT k, v FROM t ORDER BY k').all()).toEqual([{ k: 'x', v: 1 }, { k: 'y', v: 3 }]);
    db.close();
  });

  it('a busy file refuses the whole batch at once instead of retrying each write', async () => {
    const path = nextPath();
    const db = table(path, 300);
    const holder = table(path);
    holder.exec('BEGIN IMMEDIATE'); // another process holds the write lock past our busy timeout
    const group = createGroupCommit(db);
    const ins = db.prepare('INSERT INTO t (k, v) VALUES (?, ?)');
    const started = Date.now();
    const results = await Promise.allSettled([group.write(() => ins.run('a', 1)), group.write(() => ins.run('b', 2)), group.write(() => ins.run('c', 3))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect((results[0] as PromiseRejectedResult).reason).toMatchObject({ code: expect.stringMatching(/^SQLITE_BUSY/) });
    expect(Date.now() - started).toBeLessThan(700); // one wait of 300 ms, not four (the batch, then each write)
    holder.exec('ROLLBACK');
    holder.close();
    db.close();
  });

  it('a batch of reads takes no write lock: it completes while another connection is writing', async () => {
    const path = nextPath();
    const db = table(path, 50);
    db.prepare('INSERT INTO t (k, v) VALUES (?, ?)').run('a', 1);
    const holder = table(path);
    holder.exec('BEGIN IMMEDIATE');
    holder.prepare('UPDATE t SET v = 9').run();
    const group = createGroupCommit(db);
    const get = db.prepare('SELECT v FROM t WHERE k = ?').pluck();
    expect(await Promise.all([group.read(() => get.get('a')), group.read(() => get.get('a'))])).toEqual([1, 1]);
    holder.exec('COMMIT');
    expect(await group.read(() => get.get('a'))).toBe(9);
    holder.close();
    db.close();
  });

  it('the store commits a session write still waiting for its turn when it is closed', async () => {
    const path = nextPath();
    const store = await openSqliteStore({ path, encryptionKey: TEST_KEY });
    const put = store.sessions.put('s', { step: 1 }, 0, 60_000, 1000);
    await store.close();
    expect(await put).toBe(1);
    const again = await openSqliteStore({ path, encryptionKey: TEST_KEY });
    expect(await again.sessions.get('s', 1001)).toEqual({ value: { step: 1 }, version: 1 });
    await again.close();
  });
});
