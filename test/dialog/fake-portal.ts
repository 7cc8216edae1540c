/** A PortalActions double that records what it creates and honours idempotency keys like the real one. */
import type { Account, AgendaQuery, EventItem, LeadScoreAnswer, PlanItem, PortalActions } from '../../src/dialog/types';
import type { Directory, LeadRef } from '../../src/nlu/types';

export interface Created {
  kind: 'task' | 'event' | 'message' | 'complete' | 'update' | 'move' | 'cancel';
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
  /** Existing tasks and events (times local to the test's zone). */
  items: PlanItem[] = [];
  agendaQueries: AgendaQuery[] = [];
  async agenda(_a: Account, q: AgendaQuery): Promise<PlanItem[]> {
    this.agendaQueries.push(q);
    const day = (v?: string) => v?.slice(0, 10);
    return this.items.filter((i) => {
      if (i.kind === 'task') {
        if (q.kind === 'events' || i.done || i.responsibleId !== q.userId) return false;
        if (!q.from) return true;
        return !!i.deadline && day(i.deadline)! >= q.from && day(i.deadline)! <= (q.to ?? q.from);
      }
      if (q.kind === 'tasks' || (i.ownerId !== q.userId && !i.attendeeIds.includes(q.userId))) return false;
      const from = q.from ?? '0000';
      return day(i.start)! >= from && day(i.start)! <= (q.to ?? '9999');
    });
  }
  async findItems(a: Account, q: { kind: 'task' | 'event'; id?: number; from?: string; to?: string }): Promise<PlanItem[]> {
    // Only what the speaker can see: a task they take part in, an event in their calendar.
    return this.items.filter((i) => {
      if (i.kind !== q.kind || (q.id !== undefined && i.id !== q.id)) return false;
      if (i.kind === 'task') return !i.done && [i.responsibleId, i.createdBy, ...i.auditorIds, ...i.accompliceIds].includes(a.userId);
      return (i.ownerId === a.userId || i.attendeeIds.includes(a.userId)) && (!q.from || (i.start.slice(0, 10) >= q.from && i.start.slice(0, 10) <= (q.to ?? q.from)));
    });
  }
  async completeTask(_a: Account, taskId: number, key: string) {
    await this.write('complete', key, { taskId });
  }
  async updateTask(_a: Account, taskId: number, change: Record<string, unknown>, key: string) {
    await this.write('update', key, { taskId, ...change });
  }
  async moveEvent(_a: Account, event: EventItem, change: Record<string, unknown>, key: string) {
    await this.write('move', key, { eventId: event.id, ...change });
  }
  async cancelEvent(_a: Account, event: EventItem, key: string) {
    await this.write('cancel', key, { eventId: event.id });
  }
  async scoreLead(_a: Account, ref: LeadRef): Promise<LeadScoreAnswer> {
    return this.score ? this.score(ref) : { kind: 'no-model', entity: 'lead', closed: 1240, required: 2000 };
  }
}
