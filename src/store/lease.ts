/**
 * Who holds a lease, so a crashed holder can be recognised without waiting for its lease to lapse.
 * A lock row's owner is `<host>|<pid>|<boot>|<random>`: `boot` is random per process start. A
 * holder on this host whose process is gone — or whose pid is ours but from an earlier start (a
 * restarted container is pid 1 again) — is dead, and its lease may be taken over at once. Holders
 * on other hosts are never judged: their leases lapse by time (kept short and renewed by the
 * holder, src/bitrix/actions.ts).
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

const HOST = hostname().replace(/\|/g, '_');
const BOOT = randomUUID().slice(0, 8);

/** A fresh owner id of this process. */
export function newOwner(): string {
  return `${HOST}|${process.pid}|${BOOT}|${randomUUID()}`;
}

/** Whether a process with this pid exists (EPERM: it exists but is another user's). */
function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True only when `owner` certainly names a process of this host that no longer runs. */
export function ownerIsDead(owner: string, alive: (pid: number) => boolean = pidAlive): boolean {
  const [host, pidText, boot] = owner.split('|');
  if (host !== HOST || boot === undefined || !/^\d+$/.test(pidText ?? '')) return false;
  const pid = Number(pidText);
  if (pid === process.pid) return boot !== BOOT;
  return !alive(pid);
}
