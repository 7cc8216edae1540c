/**
 * Item 3: a lost answer of calendar.event.add / tasks.task.add is retried without a duplicate,
 * against a sandbox portal answering in each documented date format (calendar-event-get.md shows
 * the US one) and honouring only the documented tasks.task.list filters and orders.
 */
import { createEvent, createTask } from '../../src/bitrix/actions';
import type { BitrixCaller, CallOptions, Params } from '../../src/bitrix/client';
import { BitrixTransportError } from '../../src/bitrix/errors';
import { readPortalDate } from '../../src/bitrix/portal-dates';
import { fixture, sandboxClient } from './helpers';

const cal = fixture<{ row: Record<string, string>; wall: { from: string; to: string; timeZone: string } }>('bitrix-calendar-event-get.json');

/** The portal does the write, then the answer is lost on the way back (once per method). */
function losingAnswers(inner: BitrixCaller, methods: string[], strip: string[] = []): BitrixCaller {
  const lost = new Set<string>();
  return {
    memberId: inner.memberId,
    async call<T>(method: string, params?: Params, opts?: CallOptions): Promise<T> {
      const r = await inner.call<T>(method, params, opts);
      if (methods.includes(method) && !lost.has(method)) {
        lost.add(method);
        throw new BitrixTransportError(method, 'ECONNRESET', 'socket hang up');
      }
      // A portal that sends no DATE_FROM_TS_UTC: the lookup must read DATE_FROM itself.
      if (Array.isArray(r) && strip.length) return r.map((row) => Object.fromEntries(Object.entries(row as object).filter(([k]) => !strip.includes(k)))) as T;
      return r;
    },
    callPage: (m, p) => inner.callPage(m, p),
    batch: (c) => inner.batch(c),
  };
}

describe('portal dates in every documented format', () => {
  it('reads the documented US site format and the Russian and ISO ones', () => {
    expect(readPortalDate(cal.row.DATE_FROM)).toEqual({ date: '2024-12-11', time: '17:59:00' });
    expect(readPortalDate('12/05/2024 01:48:41 pm')).toEqual({ date: '2024-12-05', time: '13:48:41' });
    expect(readPortalDate('12/11/2024 12:05:00 am')).toEqual({ date: '2024-12-11', time: '00:05:00' });
    expect(readPortalDate('11.12.2024 17:59:00')).toEqual({ date: '2024-12-11', time: '17:59:00' });
    expect(readPortalDate('2024-12-11T17:59:00+02:00')).toEqual({ date: '2024-12-11', time: '17:59:00', offsetMinutes: 120 });
    expect(readPortalDate('12/24/2024')).toEqual({ date: '2024-12-24' });
    expect(readPortalDate('13/24/2024 01:00:00 pm')).toBeNull();
  });
});

describe.each([['ru'], ['us']] as const)('a lost answer, portal date format %s', (dateFormat) => {
  it.each([[[] as string[]], [['DATE_FROM_TS_UTC', 'DATE_TO_TS_UTC']]])('calendar.event.add is looked up, not repeated (stripped: %j)', async (strip) => {
    const s = await sandboxClient({ dateFormat });
    try {
      const deps = { client: losingAnswers(s.client, ['calendar.event.add'], strip), actions: s.store.actions, locks: s.store.locks };
      const input = { ownerId: 1, title: cal.row.NAME!, from: cal.wall.from, to: cal.wall.to, timeZone: cal.wall.timeZone };
      await expect(createEvent(deps, 'ev-1', input)).rejects.toBeInstanceOf(BitrixTransportError);
      const again = await createEvent(deps, 'ev-1', input);
      expect(again.replayed).toBe(true);
      expect(s.sb.state.calendar.size).toBe(1);
      // The sandbox answers the documented row for the documented instant.
      const rows = await s.client.call<Record<string, string>[]>('calendar.event.get', { type: 'user', ownerId: 1, from: '2024-12-11', to: '2024-12-12' });
      expect(rows[0]!.DATE_FROM_TS_UTC).toBe(cal.row.DATE_FROM_TS_UTC);
      if (dateFormat === 'us') expect(rows[0]!.DATE_FROM).toBe(cal.row.DATE_FROM);
    } finally {
      await s.close();
    }
  });

  it('tasks.task.add is looked up by documented filters and the marker, not repeated', async () => {
    const s = await sandboxClient({ dateFormat });
    try {
      // A same-titled task someone made by hand earlier must not be taken for ours.
      await s.client.call('tasks.task.add', { fields: { TITLE: 'Отчёт', RESPONSIBLE_ID: 2, CREATED_BY: 1 } });
      const deps = { client: losingAnswers(s.client, ['tasks.task.add']), actions: s.store.actions, locks: s.store.locks };
      const input = { title: 'Отчёт', responsibleId: 2, creatorId: 1 };
      await expect(createTask(deps, 'task-1', input)).rejects.toBeInstanceOf(BitrixTransportError);
      const again = await createTask(deps, 'task-1', input);
      expect(again.replayed).toBe(true);
      expect(s.sb.state.tasks.size).toBe(2);
      const mine = s.sb.state.tasks.values().sort((a, b) => b.ID - a.ID)[0]!;
      expect(again.result.taskId).toBe(mine.ID);
    } finally {
      await s.close();
    }
  });
});

describe('the sandbox honours only documented tasks.task.list filters (tasks-task-list.md)', () => {
  const doc = fixture<{ filterFields: string[]; selectOnly: string[] }>('bitrix-tasks-task-list.json');
  it('ignores a filter on XML_ID (select-only) and orders by descending ID by default', async () => {
    const s = await sandboxClient();
    try {
      expect(doc.filterFields).not.toContain('XML_ID');
      for (const t of ['a', 'b']) await s.client.call('tasks.task.add', { fields: { TITLE: t, RESPONSIBLE_ID: 1, XML_ID: `x-${t}` } });
      const r = await s.client.call<{ tasks: { id: string }[] }>('tasks.task.list', { filter: { XML_ID: 'x-a' }, select: ['ID'] });
      expect(r.tasks.map((t) => Number(t.id))).toEqual(s.sb.state.tasks.values().map((t) => t.ID).sort((a, b) => b - a));
    } finally {
      await s.close();
    }
  });
});
