/**
 * Issue 14 "How it is checked", end to end over HTTP on the server in sandbox mode: two events and
 * two tasks are made for user 2 for tomorrow through the sandbox webhook; user 2 opens the voice
 * page (which authorises them, issue 12), links Alice, asks for tomorrow, moves an event, closes a
 * task and cancels an event — each confirmed with a typed "да", each "да" repeated changing nothing
 * a second time. The portal is read back only through the webhook.
 */
import request from 'supertest';
import { wallTimeAt } from '../../src/nlu/clock';
import type { Runtime } from '../../src/runtime';
import { startTestRuntime, type TestRuntime } from '../helpers/runtime';

const ZONE = 'Europe/Moscow';
const pad = (n: number) => String(n).padStart(2, '0');
/** The local date `days` after today in the speaker's zone. */
function dayAfter(days: number): string {
  const w = wallTimeAt(new Date(), ZONE);
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day + days));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

type AliceReply = { response: { text: string; buttons?: { title: string; payload?: unknown }[] } };
type EventRow = { ID: string; NAME: string; DATE_FROM_TS_UTC: string; DATE_TO_TS_UTC: string };

describe('issue 14: read and change over the wire (Alice, user 2)', () => {
  let t: TestRuntime;
  let rt: Runtime;
  let n = 1;
  const tomorrow = dayAfter(1);
  const afterTomorrow = dayAfter(2);
  const titles = { planning: 'Планёрка отдела продаж', budget: 'Обсуждение бюджета', acts: 'Сверить акты', report: 'Отчёт за ноябрь' };
  const ids = { planning: 0, budget: 0, acts: 0, report: 0 };

  const body = (messageId: number, command: string, isNew = false) => ({
    meta: { locale: 'ru-RU', timezone: ZONE, client_id: 'ru.yandex.searchplugin/7.16', interfaces: { screen: {} } },
    session: { message_id: messageId, session_id: 'change-e2e', skill_id: 'skill-1', user: { user_id: 'alice-user-2' }, application: { application_id: 'app-2' }, new: isNew },
    request: { command: command.toLowerCase(), original_utterance: command, type: 'SimpleUtterance', nlu: { tokens: command.toLowerCase().split(/\s+/).filter(Boolean), entities: [] } },
    state: { session: {} },
    version: '1.0',
  });
  const post = async (b: ReturnType<typeof body>): Promise<AliceReply> => {
    const r = await request(rt.url).post('/webhook/alice').send(b);
    expect(r.status).toBe(200);
    return r.body as AliceReply;
  };
  const say = (text: string, isNew = false) => post(body(n++, text, isNew));
  /** A typed "да", then the same request again (a platform retry) and a second "да" said anew. */
  const yesTwice = async () => {
    const first = body(n++, 'да');
    const answer = await post(first);
    const retry = await post(first);
    expect(retry.response.text).toBe(answer.response.text);
    const again = await say('да');
    return { answer, again };
  };
  const webhook = async <T>(method: string, params: Record<string, unknown>): Promise<T> => {
    const r = await fetch(`${rt.sandbox!.info().webhook}${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(params) });
    const b = (await r.json()) as { result: T; error?: string };
    if (b.error) throw new Error(`${method}: ${JSON.stringify(b)}`);
    return b.result;
  };
  const addEvent = (name: string, from: string, to: string) =>
    webhook<number>('calendar.event.add', { type: 'user', ownerId: 2, name, from, to, timezone_from: ZONE, timezone_to: ZONE, auto_detect_section: 'Y' });
  const addTask = async (title: string, deadline: string) =>
    Number((await webhook<{ task: { id: string } }>('tasks.task.add', { fields: { TITLE: title, RESPONSIBLE_ID: 2, DEADLINE: deadline } })).task.id);
  const eventsOf2 = (from: string, to: string) => webhook<EventRow[]>('calendar.event.get', { type: 'user', ownerId: 2, from, to });
  const eventById = async (id: number) => (await eventsOf2(tomorrow, dayAfter(3))).find((e) => Number(e.ID) === id);
  const taskStatus = async (id: number) => Number((await webhook<{ task: { status: string } }>('tasks.task.get', { taskId: id, select: ['ID', 'STATUS'] })).task.status);
  /** Wall time of a UTC timestamp in the speaker's zone, "YYYY-MM-DDTHH:MM". */
  const local = (tsUtc: string) => {
    const w = wallTimeAt(new Date(Number(tsUtc) * 1000), ZONE);
    return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
  };

  beforeAll(async () => {
    t = await startTestRuntime({}, 100);
    rt = t.rt;
    ids.planning = await addEvent(titles.planning, `${tomorrow}T10:00:00`, `${tomorrow}T11:00:00`);
    ids.budget = await addEvent(titles.budget, `${tomorrow}T15:00:00`, `${tomorrow}T16:30:00`);
    ids.acts = await addTask(titles.acts, `${tomorrow}T12:00:00+03:00`);
    ids.report = await addTask(titles.report, `${tomorrow}T18:00:00+03:00`);
    // User 2 opens "Голосовой помощник" in the portal: the page authorises them and shows the code.
    const page = await request(rt.url).get('/app/voice?user=2');
    expect(page.status).toBe(200);
    const code = /data-code="(\d+)"/.exec(page.text)![1]!;
    await say('', true);
    expect((await say(code.split('').join(' '))).response.text).toBe('Авторизация прошла успешно! Жду ваших команд.');
  }, 60_000);
  afterAll(() => t.stop());

  it('"что у меня завтра" names both events and the tasks', async () => {
    const r = await say('что у меня завтра');
    expect(r.response.text).toContain(titles.planning);
    expect(r.response.text).toContain(titles.budget);
    expect(r.response.text).toMatch(new RegExp(`${titles.acts}|${titles.report}`));
  });

  it('"перенеси встречу «…» на послезавтра в 16" → "да": starts the day after tomorrow at 16:00, 90 minutes long, once', async () => {
    const confirm = await say(`перенеси встречу «${titles.budget}» на послезавтра в 16`);
    expect(confirm.response.text).toContain(titles.budget);
    expect(confirm.response.text).toMatch(/16:00/);
    const { answer, again } = await yesTwice();
    const moved = (await eventById(ids.budget))!;
    expect({ from: local(moved.DATE_FROM_TS_UTC), to: local(moved.DATE_TO_TS_UTC) }).toEqual({ from: `${afterTomorrow}T16:00`, to: `${afterTomorrow}T17:30` });
    expect(answer.response.text).not.toMatch(/не так|ошибк/i);
    // "да" said twice is answered as the first one was (dialogue.md: a change runs at most once).
    expect(again.response.text).toBe(answer.response.text);
    // Someone moves it in the portal; a late "да" (retry or said again) must not move it back.
    await webhook('calendar.event.update', { id: ids.budget, type: 'user', ownerId: 2, name: titles.budget, section: '3', from: `${afterTomorrow}T18:00:00`, to: `${afterTomorrow}T19:30:00`, timezone_from: ZONE });
    await say('да');
    expect(local((await eventById(ids.budget))!.DATE_FROM_TS_UTC)).toBe(`${afterTomorrow}T18:00`);
  });

  it('"закрой задачу <title>" → "да": the task is completed, once', async () => {
    const confirm = await say(`закрой задачу ${titles.acts}`);
    expect(confirm.response.text).toContain(titles.acts);
    const { answer } = await yesTwice();
    expect(answer.response.text).not.toMatch(/не так|ошибк/i);
    expect(await taskStatus(ids.acts)).toBe(5);
    expect(await taskStatus(ids.report)).not.toBe(5);
    // Reopened in the portal; another "да" does not close it again.
    await webhook('tasks.task.update', { taskId: ids.acts, fields: { STATUS: 2 } });
    await say('да');
    expect(await taskStatus(ids.acts)).toBe(2);
  });

  it('"отмени встречу <title>" → "да": the event is gone, once, and the other one stays', async () => {
    const confirm = await say(`отмени встречу ${titles.planning}`);
    expect(confirm.response.text).toContain(titles.planning);
    const { answer, again } = await yesTwice();
    expect(answer.response.text).not.toMatch(/не так|ошибк/i);
    expect(again.response.text).toBe(answer.response.text);
    expect(await eventById(ids.planning)).toBeUndefined();
    expect(await eventById(ids.budget)).toBeDefined();
  });
});
