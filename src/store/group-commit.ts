/**
 * Group commit for a synchronous SQLite connection: the reads and writes asked for in the same
 * turn of the event loop run together in one transaction when the turn ends (setImmediate).
 * Each statement on its own is mostly the price of its transaction — the lock round on the
 * shared-memory index, the WAL append — and every voice turn reads its voice link and session
 * and writes the session back, so a busy server, where many turns end together, pays that price
 * once per batch instead of once per statement (bench/webhook: ~11 per batch at saturation).
 * Each operation still gets its own result, in the order asked; a caller's promise settles only
 * after the transaction holding it has committed, so no write is acknowledged before it is in
 * the WAL. A batch of reads only is a deferred transaction and takes no write lock.
 */
import type Database from 'better-sqlite3';

interface Pending {
  /** The operation's synchronous statements. */
  run: () => unknown;
  writes: boolean;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

export interface GroupCommit {
  /** Run `write` (synchronous statements) in the next batch; resolves with its return value. */
  write<T>(write: () => T): Promise<T>;
  /** Run `read` (SELECTs only) in the next batch: reads of one turn share one read transaction. */
  read<T>(read: () => T): Promise<T>;
  /** Commit what is queued now (before closing the connection). */
  flush(): void;
  /** Batches committed and the operations (reads and writes) in them, for benchmarks and tests. */
  readonly stats: { batches: number; operations: number };
}

/** SQLITE_BUSY and its kinds: the whole file is locked, so writing alone would wait the same. */
const isBusy = (e: unknown) => typeof (e as { code?: unknown })?.code === 'string' && (e as { code: string }).code.startsWith('SQLITE_BUSY');

export function createGroupCommit(db: Database.Database): GroupCommit {
  let queue: Pending[] = [];
  let scheduled = false;
  const stats = { batches: 0, operations: 0 };
  const together = db.transaction((batch: Pending[]) => batch.map((p) => p.run()));

  const alone = (p: Pending) => {
    try {
      p.resolve(p.run());
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
    stats.operations += batch.length;
    if (batch.length === 1) return alone(batch[0]!);
    let results: unknown[];
    try {
      // Reads alone need no write lock: a deferred transaction leaves other processes' writers be.
      results = batch.some((p) => p.writes) ? together.immediate(batch) : together.deferred(batch);
    } catch (e) {
      // The transaction rolled back. A busy file fails every write alike; any other error came
      // from one write, which must not cost the others theirs: each runs again on its own.
      if (isBusy(e)) for (const p of batch) p.reject(e);
      else for (const p of batch) alone(p);
      return;
    }
    batch.forEach((p, i) => p.resolve(results[i]));
  }

  const enqueue = <T>(run: () => T, writes: boolean): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      queue.push({ run, writes, resolve: resolve as (v: unknown) => void, reject });
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    });

  return {
    write: (run) => enqueue(run, true),
    read: (run) => enqueue(run, false),
    flush,
    stats,
  };
}
