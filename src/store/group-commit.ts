/**
 * Group commit for a synchronous SQLite connection: writes asked for in the same turn of the
 * event loop run together in one transaction when the turn ends (setImmediate), so a busy server
 * pays the lock round and the WAL append once per batch rather than once per write — every
 * voice turn writes its session, and under load many turns end together. Each write still gets
 * its own result; a caller's promise settles only after the transaction holding its write has
 * committed, so nothing is acknowledged before it is durable in the WAL.
 */
import type Database from 'better-sqlite3';

interface Pending {
  write: () => unknown;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

export interface GroupCommit {
  /** Run `write` (synchronous statements) in the next batch; resolves with its return value. */
  write<T>(write: () => T): Promise<T>;
  /** Commit what is queued now (before closing the connection). */
  flush(): void;
  /** Batches committed and writes in them, for benchmarks and tests. */
  readonly stats: { batches: number; writes: number };
}

/** SQLITE_BUSY and its kinds: the whole file is locked, so writing alone would wait the same. */
const isBusy = (e: unknown) => typeof (e as { code?: unknown })?.code === 'string' && (e as { code: string }).code.startsWith('SQLITE_BUSY');

export function createGroupCommit(db: Database.Database): GroupCommit {
  let queue: Pending[] = [];
  let scheduled = false;
  const stats = { batches: 0, writes: 0 };
  const together = db.transaction((batch: Pending[]) => batch.map((p) => p.write()));

  const alone = (p: Pending) => {
    try {
      p.resolve(p.write());
    } catch (e) {
      p.reject(e);
    }
  };

  function flush(): void {
    scheduled = false;
    const batch = queue;
    queue = [];
    if (!batch.length) return;
    stats.batches++;
    stats.writes += batch.length;
    if (batch.length === 1) return alone(batch[0]!);
    let results: unknown[];
    try {
      results = together.immediate(batch);
    } catch (e) {
      // The transaction rolled back. A busy file fails every write alike; any other error came
      // from one write, which must not cost the others theirs: each runs again on its own.
      if (isBusy(e)) for (const p of batch) p.reject(e);
      else for (const p of batch) alone(p);
      return;
    }
    batch.forEach((p, i) => p.resolve(results[i]));
  }

  return {
    write<T>(write: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ write, resolve: resolve as (v: unknown) => void, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
    flush,
    stats,
  };
}
