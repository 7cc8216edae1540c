/**
 * What was created through the API (tasks, calendar events, messages, bots, bindings, tokens)
 * survives a restart: one SQLite file under `dataDir` holding JSON documents by collection.
 * The synthetic CRM is not stored — it is regenerated from the seed. Without a `dataDir`
 * everything stays in memory (unit tests).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export interface DocStore {
  load<T>(collection: string): Map<string, T>;
  put(collection: string, id: string, doc: unknown): void;
  delete(collection: string, id: string): void;
  close(): void;
}

export function memoryStore(): DocStore {
  const data = new Map<string, Map<string, string>>();
  const col = (c: string) => {
    let m = data.get(c);
    if (!m) data.set(c, (m = new Map()));
    return m;
  };
  return {
    load: <T>(c: string) => new Map([...col(c)].map(([k, v]) => [k, JSON.parse(v) as T])),
    put: (c, id, doc) => void col(c).set(id, JSON.stringify(doc)),
    delete: (c, id) => void col(c).delete(id),
    close: () => undefined,
  };
}

/**
 * The file holds the app's client secret and OAuth tokens in plain text: owner-only, like the main
 * database. Made 0600 before SQLite opens it, so its -wal and -shm (created with the database's
 * mode) are 0600 too; an older file with wider rights is narrowed.
 */
function privateDbFile(dataDir: string): string {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, 'sandbox.sqlite');
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      if ((fs.statSync(f).mode & 0o077) !== 0) fs.chmodSync(f, 0o600);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
  return file;
}

export function sqliteStore(dataDir: string): DocStore {
  const db = new Database(privateDbFile(dataDir));
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE IF NOT EXISTS docs (collection TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (collection, id))');
  const sel = db.prepare<[string], { id: string; body: string }>('SELECT id, body FROM docs WHERE collection = ?');
  const put = db.prepare('INSERT INTO docs (collection, id, body) VALUES (?, ?, ?) ON CONFLICT(collection, id) DO UPDATE SET body = excluded.body');
  const del = db.prepare('DELETE FROM docs WHERE collection = ? AND id = ?');
  return {
    load: <T>(c: string) => new Map(sel.all(c).map((r) => [r.id, JSON.parse(r.body) as T])),
    put: (c, id, doc) => void put.run(c, id, JSON.stringify(doc)),
    delete: (c, id) => void del.run(c, id),
    close: () => db.close(),
  };
}

/** A persisted collection kept in memory: reads are map lookups, writes go through to the store. */
export class Collection<T extends object> {
  private readonly items: Map<string, T>;
  constructor(private readonly store: DocStore, private readonly name: string) {
    this.items = store.load<T>(name);
  }
  get(id: string | number): T | undefined {
    return this.items.get(String(id));
  }
  set(id: string | number, doc: T): T {
    this.items.set(String(id), doc);
    this.store.put(this.name, String(id), doc);
    return doc;
  }
  delete(id: string | number): boolean {
    const had = this.items.delete(String(id));
    if (had) this.store.delete(this.name, String(id));
    return had;
  }
  values(): T[] {
    return [...this.items.values()];
  }
  get size(): number {
    return this.items.size;
  }
}
