import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { botMessage, createEvent, createTask, markerFor, sendMessage, type ActionDeps } from '../../src/bitrix/actions';
import { openSqliteStore } from '../../src/store/sqlite';
import { ActionInProgressError, BitrixApiError, BitrixTransportError, BitrixUserNotFoundError } from '../../src/bitrix/errors';
import { installed } from './helpers';
import { PortalDouble } from './portal-double';

describe('actions through the SDK against a portal double', () => {
  let d: PortalDouble;
  let deps: ActionDeps;
  beforeEach(async () => {
    d = await new PortalDouble().start();
    const { store, client } = await installed(d, undefined, { timeoutMs: 2000, readRetryBaseMs: 10 });
    deps = { client, actions: store.actions, locks: store.locks };
  });
  afterEach(() => d.stop());

  it('creates a task with the deadline in the user zone and reads it back', async () => {
    const out = await createTask(deps, 'k-task-1', { title: 'Позвонить Иванову', responsibleId: 2, creatorId: 1, deadline: '2026-12-01T10:00', timeZone: 'Europe/Moscow' });
    expect(out.replayed).toBe(false);
    const got = await deps.client.call<{ task: Record<string, unknown> }>('tasks.task.get', { taskId: out.result.taskId });
    expect(got.task.title).toBe('Позвонить Иванову');
    expect(got.task.responsibleId).toBe('2');
    expect(got.task.deadline).toBe('2026-12-01T10:00:00+03:00');
    expect(got.task.xmlId).toBe(markerFor('k-task-1'));
  });

  it('creates an event (timed, with attendees; and all-day) and reads it back', async () => {
    const a = await createEvent(deps, 'k-ev-1', { ownerId: 1, title: 'Планёрка', from: '2026-12-01T13:15', to: '2026-12-01T14:00', timeZone: 'Europe/Moscow', attendees: [2, 4] });
    const ev = await deps.client.call<Record<string, any>>('calendar.event.getbyid', { id: a.result.eventId });
    expect(ev.NAME).toBe('Планёрка');
    expect(ev.DATE_FROM).toBe('2026-12-01T13:15:00');
    expect(ev.TZ_FROM).toBe('Europe/Moscow');
    expect(ev.SKIP_TIME).toBe('N');
    expect(ev.ATTENDEE_LIST.map((x: { id: number }) => x.id).sort()).toEqual([1, 2, 4]);
    const b = await createEvent(deps, 'k-ev-2', { ownerId: 1, title: 'Отпуск', from: '2026-12-10', to: '2026-12-12', allDay: true, timeZone: 'Europe/Moscow' });
    const ev2 = await deps.client.call<Record<string, any>>('calendar.event.getbyid', { id: b.result.eventId });
    expect(ev2.SKIP_TIME).toBe('Y');
    expect(ev2.DATE_FROM).toBe('2026-12-10');
  });

  it('sends a message and a bot message with buttons, and reads them back', async () => {
    const m = await sendMessage(deps, 'k-msg-1', { to: 2, text: 'Привет!' });
    const hist = await deps.client.call<{ messages: { id: number; text: string }[] }>('im.dialog.messages.get', { DIALOG_ID: '2' });
    expect(hist.messages.map((x) => x.id)).toContain(m.result.messageId);
    const b = await botMessage(deps, 'k-bot-1', { botId: 7, dialogId: 'chat5', text: 'Создать задачу?', buttons: [{ text: 'Да', command: 'confirm', commandParams: 'x1', color: 'primary' }, { text: 'Открыть', link: 'https://example.org' }] });
    const sent = d.botMessages.find((x) => x.id === b.result.messageId)!;
    expect(sent.DIALOG_ID).toBe('chat5');
    expect((sent.KEYBOARD as any).BUTTONS[0]).toMatchObject({ TEXT: 'Да', COMMAND: 'confirm', COMMAND_PARAMS: 'x1', BG_COLOR_TOKEN: 'primary' });
    expect((sent.KEYBOARD as any).BUTTONS[1]).toMatchObject({ TEXT: 'Открыть', LINK: 'https://example.org' });
  });

  it('returns the logged result for a repeated key without calling the portal', async () => {
    const a = await createTask(deps, 'k-rep', { title: 'X', responsibleId: 1, creatorId: 1 });
    const calls = d.calls.length;
    const b = await createTask(deps, 'k-rep', { title: 'X', responsibleId: 1, creatorId: 1 });
    expect(b).toEqual({ result: a.result, replayed: true });
    expect(d.calls.length).toBe(calls);
    expect(d.tasks.size).toBe(1);
  });

  it('a task whose answer was lost is found by its marker on retry, not created twice', async () => {
    d.faults.push({ method: 'tasks.task.add', drop: 'after' });
    await expect(createTask(deps, 'k-lost', { title: 'Y', responsibleId: 1, creatorId: 1 })).rejects.toBeInstanceOf(BitrixTransportError);
    expect(d.tasks.size).toBe(1); // it was created
    expect((await deps.actions.get('k-lost'))!.state).toBe('pending');
    const again = await createTask(deps, 'k-lost', { title: 'Y', responsibleId: 1, creatorId: 1 });
    expect(again.replayed).toBe(true);
    expect(d.tasks.size).toBe(1);
    expect(again.result.taskId).toBe(Number([...d.tasks.values()][0]!.id));
    expect((await deps.actions.get('k-lost'))!.state).toBe('done');
  });

  it('a write dropped before the portal saw it is created on retry', async () => {
    d.faults.push({ method: 'tasks.task.add', drop: 'before' });
    await expect(createTask(deps, 'k-drop', { title: 'Z', responsibleId: 1, creatorId: 1 })).rejects.toBeInstanceOf(BitrixTransportError);
    expect(d.tasks.size).toBe(0);
    const again = await createTask(deps, 'k-drop', { title: 'Z', responsibleId: 1, creatorId: 1 });
    expect(again.replayed).toBe(false);
    expect(d.tasks.size).toBe(1);
  });

  it('events and messages whose answers were lost are found on retry', async () => {
    d.faults.push({ method: 'calendar.event.add', drop: 'after' }, { method: 'im.message.add', drop: 'after' });
    const ev = { ownerId: 1, title: 'Звонок', from: '2026-12-02T09:00', to: '2026-12-02T09:30', timeZone: 'Europe/Moscow' };
    await expect(createEvent(deps, 'k-ev-lost', ev)).rejects.toBeInstanceOf(BitrixTransportError);
    expect((await createEvent(deps, 'k-ev-lost', ev)).replayed).toBe(true);
    expect(d.events.size).toBe(1);
    await expect(sendMessage(deps, 'k-m-lost', { to: 2, text: 'Один раз' })).rejects.toBeInstanceOf(BitrixTransportError);
    expect((await sendMessage(deps, 'k-m-lost', { to: 2, text: 'Один раз' })).replayed).toBe(true);
    expect(d.messages.length).toBe(1);
  });

  it('a bot message whose answer was lost is not sent again (at most once)', async () => {
    d.faults.push({ method: 'imbot.message.add', drop: 'after' });
    const input = { botId: 7, dialogId: '2', text: 'ok' };
    await expect(botMessage(deps, 'k-b-lost', input)).rejects.toBeInstanceOf(BitrixTransportError);
    expect(await botMessage(deps, 'k-b-lost', input)).toEqual({ result: { messageId: null }, replayed: true });
    expect(d.botMessages.length).toBe(1);
  });

  it('records a portal refusal as failed and lets a later retry create', async () => {
    await expect(createTask(deps, 'k-fired', { title: 'T', responsibleId: 3, creatorId: 1 })).rejects.toBeInstanceOf(BitrixUserNotFoundError);
    expect((await deps.actions.get('k-fired'))!.state).toBe('failed');
    d.users.find((u) => u.ID === '3')!.ACTIVE = true; // rehired
    expect((await createTask(deps, 'k-fired', { title: 'T', responsibleId: 3, creatorId: 1 })).replayed).toBe(false);
  });

  it('refuses a concurrent attempt of a pending action', async () => {
    await deps.actions.claim('k-busy', deps.client.memberId, 'task.create', Date.now());
    const release = await deps.locks.tryAcquire('action:k-busy', 60_000);
    await expect(createTask(deps, 'k-busy', { title: 'T', responsibleId: 1, creatorId: 1 })).rejects.toBeInstanceOf(ActionInProgressError);
    await release!();
  });

  it('validates input before touching the portal', async () => {
    const n = d.calls.length;
    await expect(createTask(deps, 'k-bad1', { title: ' ', responsibleId: 1, creatorId: 1 })).rejects.toBeInstanceOf(BitrixApiError);
    await expect(createTask(deps, 'k-bad2', { title: 'x', responsibleId: 0, creatorId: 1 })).rejects.toThrow(/responsibleId/);
    await expect(createTask(deps, 'k-bad3', { title: 'x', responsibleId: 1, creatorId: 1, deadline: '2026-13-01', timeZone: 'Europe/Moscow' })).rejects.toThrow(/not a real date/);
    await expect(createEvent(deps, 'k-bad4', { ownerId: 1, title: 'x', from: '2026-12-01T10:00', to: '2026-12-01T09:00', timeZone: 'Europe/Moscow' })).rejects.toThrow(/ends before/);
    await expect(createEvent(deps, 'k-bad5', { ownerId: 1, title: 'x', from: '2026-12-01T10:00', to: '2026-12-01T11:00', timeZone: 'Mars/Base' })).rejects.toThrow(/IANA/);
    await expect(sendMessage(deps, '', { to: 2, text: 'x' })).rejects.toThrow(/idempotency key/);
    await expect(createTask(deps, 'k-rep2', { title: 'x', responsibleId: 1, creatorId: 1 })).resolves.toBeTruthy();
    await expect(sendMessage(deps, 'k-rep2', { to: 2, text: 'x' })).rejects.toThrow(/IDEMPOTENCY_KEY_REUSED/);
    expect(d.calls.length).toBe(n + 1);
  });

  it('a live holder renews its short lease: a slow call is not taken over and the task is created once', async () => {
    const slow: ActionDeps['client'] = Object.assign(Object.create(deps.client), {
      call: async (method: string, params?: Record<string, unknown>, opts?: unknown) => {
        if (method === 'tasks.task.add') await new Promise((r) => setTimeout(r, 900));
        return deps.client.call(method, params as never, opts as never);
      },
    });
    const quick = { ...deps, client: slow, lockTtlMs: 300 };
    const first = createTask(quick, 'k-slow', { title: 'Долго', responsibleId: 1, creatorId: 1 });
    await new Promise((r) => setTimeout(r, 600)); // twice the lease: only renewal keeps it
    await expect(createTask(quick, 'k-slow', { title: 'Долго', responsibleId: 1, creatorId: 1 })).rejects.toBeInstanceOf(ActionInProgressError);
    expect((await first).replayed).toBe(false);
    expect(d.tasks.size).toBe(1);
  });

  it('after its process died mid-action, a retry on the same host goes ahead at once and creates once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'b24-actions-crash-'));
    try {
      const path = join(dir, 'store.sqlite');
      const key = 'test-key-0123456789abcdef0123456789abcdef';
      const store = await openSqliteStore({ path, encryptionKey: key });
      const { client } = await installed(d, store, { timeoutMs: 2000, readRetryBaseMs: 10 });
      const child = spawn(process.execPath, ['--require', 'tsx/cjs', join(__dirname, 'fixtures/crashing-holder.ts'), path, key, client.memberId, 'k-crash'], {
        cwd: resolve(__dirname, '../..'),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (c) => (out += c));
      child.stderr.on('data', (c) => (err += c));
      await new Promise<void>((res, rej) => {
        const t = setInterval(() => out.includes('held\n') && (clearInterval(t), res()), 5);
        child.on('exit', () => (clearInterval(t), rej(new Error(`holder exited early: ${out} ${err}`))));
      });
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await gone;
      const started = Date.now();
      const out1 = await createTask({ client, actions: store.actions, locks: store.locks }, 'k-crash', { title: 'После сбоя', responsibleId: 1, creatorId: 1 });
      if (process.env.ACTIONS_DEBUG) console.log(`retry after crash took ${Date.now() - started} ms`);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(out1.replayed).toBe(false);
      expect(d.tasks.size).toBe(1);
      expect((await store.actions.get('k-crash'))?.state).toBe('done');
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
