/**
 * Reading and changing existing tasks and events against the sandbox portal over HTTP through the
 * SDK, with the app installed by an ordinary user (no administrator rights): the agenda in one
 * batch call, what a reference may find, changes at most once, and the portal refusing a change
 * of an event the caller does not organise.
 */
import { createEvent, createTask } from '../../src/bitrix/actions';
import { cancelEvent, completeTask, findItems, moveEvent, readAgenda, updateTask } from '../../src/bitrix/agenda';
import type { BitrixCaller } from '../../src/bitrix/client';
import { installIntoSandbox } from '../helpers/sandbox-app';
import { createSandbox, type Sandbox } from '../../src/sandbox';
import type { EventItem, TaskItem } from '../../src/dialog/types';

const TZ = 'Europe/Moscow';
let sb: Sandbox;
const closers: (() => void)[] = [];

/** A client acting as `userId` (the app installed by that user), with its own action log. */
async function clientAs(userId: number) {
  const { store, clients, info, close } = await installIntoSandbox(sb, userId);
  closers.push(close);
  const client = await clients.get(info.memberId);
  // Count round trips: the agenda must be one.
  const calls: string[] = [];
  const counted: BitrixCaller = {
    memberId: client.memberId,
    call: (m, p, o) => (calls.push(m), client.call(m, p, o)),
    callPage: (m, p) => (calls.push(m), client.callPage(m, p)),
    batch: (cmd) => (calls.push('batch'), client.batch(cmd)),
  };
  return { client: counted, calls, deps: { client: counted, actions: store.actions, locks: store.locks } };
}

const day = (offset: number) => {
  const d = new Date(Date.now() + offset * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
};

beforeAll(async () => {
  sb = createSandbox({ leads: 100, seed: 3, rateLimit: false });
  await sb.listen(0);
});
afterAll(async () => {
  for (const close of closers) close();
  await sb.close();
});

describe('agenda and changes against the sandbox', () => {
  it('reads tasks and events of a day in one batch call, and changes them at most once', async () => {
    const two = await clientAs(2);
    const tomorrow = day(1);
    const after = day(2);
    const e1 = await createEvent(two.deps, 'ag-e1', { ownerId: 2, title: 'Планёрка по продажам', from: `${tomorrow}T11:00`, to: `${tomorrow}T11:30`, timeZone: TZ });
    const e2 = await createEvent(two.deps, 'ag-e2', { ownerId: 2, title: 'Встреча с Антоном', from: `${tomorrow}T15:00`, to: `${tomorrow}T16:30`, timeZone: TZ, attendees: [4] });
    const t1 = await createTask(two.deps, 'ag-t1', { title: 'Сверить акты', responsibleId: 2, creatorId: 2, deadline: `${tomorrow}T12:00`, timeZone: TZ });
    await createTask(two.deps, 'ag-t2', { title: 'Отчёт за ноябрь', responsibleId: 2, creatorId: 2, deadline: `${tomorrow}T18:00`, timeZone: TZ });
    await createTask(two.deps, 'ag-t3', { title: 'Вчерашнее', responsibleId: 2, creatorId: 2, deadline: `${day(-1)}T18:00`, timeZone: TZ });
    // Антон sets his own task (a portal lets only an administrator name another creator).
    const four = await clientAs(4);
    await createTask(four.deps, 'ag-t4', { title: 'Задача Антона', responsibleId: 4, creatorId: 4, deadline: `${tomorrow}T18:00`, timeZone: TZ });

    two.calls.length = 0;
    const items = await readAgenda(two.client, 2, { userId: 2, from: tomorrow, to: tomorrow, timeZone: TZ }, new Date());
    expect(two.calls).toEqual(['batch']);
    expect(items.filter((i) => i.kind === 'event').map((i) => i.title).sort()).toEqual(['Встреча с Антоном', 'Планёрка по продажам']);
    expect(items.filter((i) => i.kind === 'task').map((i) => i.title).sort()).toEqual(['Отчёт за ноябрь', 'Сверить акты']);
    const overdue = await readAgenda(two.client, 2, { userId: 2, overdue: true, kind: 'tasks', timeZone: TZ }, new Date());
    expect(overdue.map((i) => i.title)).toEqual(['Вчерашнее']);

    // Another person's plan: only tasks the speaker takes part in (none of Антон's here).
    const anton = await readAgenda(two.client, 2, { userId: 4, kind: 'tasks', timeZone: TZ }, new Date());
    expect(anton.map((i) => i.title)).not.toContain('Задача Антона');

    const events = (await findItems(two.client, 2, { kind: 'event', from: tomorrow, to: tomorrow, timeZone: TZ })) as EventItem[];
    const meeting = events.find((e) => e.id === e2.result.eventId)!;
    expect(meeting).toMatchObject({ start: `${tomorrow}T15:00`, end: `${tomorrow}T16:30`, organizerId: 2 });
    await moveEvent(two.deps, 'ag-move', meeting, { start: `${after}T16:00`, end: `${after}T17:30`, allDay: false, timeZone: TZ });
    await moveEvent(two.deps, 'ag-move', meeting, { start: `${after}T10:00`, end: `${after}T11:30`, allDay: false, timeZone: TZ }); // a repeated "да": not applied again
    const moved = (await findItems(two.client, 2, { kind: 'event', id: meeting.id, timeZone: TZ }))[0] as EventItem;
    expect(moved).toMatchObject({ start: `${after}T16:00`, end: `${after}T17:30` });

    const tasks = (await findItems(two.client, 2, { kind: 'task', timeZone: TZ })) as TaskItem[];
    expect(tasks.map((t) => t.title)).not.toContain('Задача Антона');
    await completeTask(two.deps, 'ag-done', t1.result.taskId);
    await completeTask(two.deps, 'ag-done', t1.result.taskId);
    expect((await findItems(two.client, 2, { kind: 'task', id: t1.result.taskId, timeZone: TZ })).length).toBe(0); // closed: no longer open
    const report = tasks.find((t) => t.title === 'Отчёт за ноябрь')!;
    await updateTask(two.deps, 'ag-upd', report.id, { deadline: `${after}T10:00`, timeZone: TZ });
    expect(((await findItems(two.client, 2, { kind: 'task', id: report.id, timeZone: TZ }))[0] as TaskItem).deadline).toBe(`${after}T10:00`);

    const e1item = (await findItems(two.client, 2, { kind: 'event', id: e1.result.eventId, timeZone: TZ }))[0] as EventItem;
    await cancelEvent(two.deps, 'ag-cancel', e1item);
    await cancelEvent(two.deps, 'ag-cancel', e1item);
    expect(await findItems(two.client, 2, { kind: 'event', id: e1item.id, timeZone: TZ })).toEqual([]);
  });

  it('the sandbox refuses to move or delete an event the caller does not organise', async () => {
    const three = await clientAs(3);
    const tomorrow = day(1);
    const e = await createEvent(three.deps, 'ag-foreign', { ownerId: 3, title: 'Обзор продаж', from: `${tomorrow}T17:00`, to: `${tomorrow}T18:00`, timeZone: TZ, attendees: [2] });
    const two = await clientAs(2);
    const seen = (await findItems(two.client, 2, { kind: 'event', id: e.result.eventId, timeZone: TZ }))[0] as EventItem;
    expect(seen).toMatchObject({ title: 'Обзор продаж', organizerId: 3 });
    // calendar.* errors carry an empty code; the SDK reports them as a 400 (the description is the sandbox's "Access denied").
    await expect(moveEvent(two.deps, 'ag-foreign-move', seen, { start: `${tomorrow}T18:00`, end: `${tomorrow}T19:00`, allDay: false, timeZone: TZ })).rejects.toMatchObject({ status: 400 });
    await expect(cancelEvent(two.deps, 'ag-foreign-cancel', seen)).rejects.toMatchObject({ status: 400 });
    expect((await findItems(two.client, 2, { kind: 'event', id: seen.id, timeZone: TZ }))[0]).toMatchObject({ start: `${tomorrow}T17:00` });
    // The organiser may.
    const own = (await findItems(three.client, 3, { kind: 'event', id: seen.id, timeZone: TZ }))[0] as EventItem;
    await moveEvent(three.deps, 'ag-own-move', own, { start: `${tomorrow}T18:00`, end: `${tomorrow}T19:00`, allDay: false, timeZone: TZ });
    expect((await findItems(two.client, 2, { kind: 'event', id: seen.id, timeZone: TZ }))[0]).toMatchObject({ start: `${tomorrow}T18:00`, end: `${tomorrow}T19:00` });
  });
});
