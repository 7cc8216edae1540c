/** A PortalActions double that records what it creates and honours idempotency keys like the real one. */
import type { Account, LeadScoreAnswer, PortalActions } from '../../src/dialog/types';
import type { Directory, LeadRef } from '../../src/nlu/types';

export interface Created {
  kind: 'task' | 'event' | 'message';
  key: string;
  data: Record<string, unknown>;
}

export class FakePortal implements PortalActions {
  readonly created: Created[] = [];
  private readonly byKey = new Map<string, number>();
  delayMs = 0;
  /** Thrown by the next directory() call, once (a portal that fails). */
  failDirectoryOnce?: Error;
  constructor(readonly dir: Directory, readonly score?: (ref: LeadRef) => LeadScoreAnswer) {}

  async directory(_a: Account): Promise<Directory> {
    const fail = this.failDirectoryOnce;
    this.failDirectoryOnce = undefined;
    if (fail) throw fail;
    return this.dir;
  }
  /** Thrown by every write while set (a portal that refuses). */
  failWrites?: Error;
  private async write(kind: Created['kind'], key: string, data: Record<string, unknown>) {
    if (this.failWrites) throw this.failWrites;
    const had = this.byKey.get(key);
    if (had !== undefined) return { id: had };
    const id = this.created.length + 1;
    this.byKey.set(key, id); // claimed before the slow call, as the action log does
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    this.created.push({ kind, key, data });
    return { id };
  }
  createTask(_a: Account, task: Record<string, unknown> & { title: string }, key: string) {
    return this.write('task', key, task);
  }
  createEvent(_a: Account, event: Record<string, unknown> & { title: string }, key: string) {
    return this.write('event', key, event);
  }
  /** How the portal says messages went (PortalActions.sendMessage's `via`). */
  messagesVia?: 'user' | 'bot';
  async sendMessage(_a: Account, m: Record<string, unknown> & { text: string }, key: string) {
    return { ...(await this.write('message', key, m)), ...(this.messagesVia ? { via: this.messagesVia } : {}) };
  }
  async scoreLead(_a: Account, ref: LeadRef): Promise<LeadScoreAnswer> {
    return this.score ? this.score(ref) : { kind: 'no-model', entity: 'lead', closed: 1240, required: 2000 };
  }
}
