/**
 * Reading and changing what exists (dialogue.md "Asking what is planned, and changing it"), with
 * the parses nlu.md fixes for these intents given directly (the parser is another piece of work):
 * the agenda's counts and items, finding the item a reference means, confirming with old and new
 * values, at most once, refusing in words what the speaker may not change.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createParser, type Parser } from '../../src/nlu';
import type { Directory, ParseResult } from '../../src/nlu/types';
import { createMemoryStore } from '../../src/store/memory';
import { createDialog } from '../../src/dialog';
import type { EventItem, PlanItem, TaskItem, Turn } from '../../src/dialog/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { FakePortal } from './fake-portal';
import { CORPUS_DIR } from '../helpers/data';

const SHARED = CORPUS_DIR;
const directory = JSON.parse(fs.readFileSync(path.join(SHARED, 'directory.json'), 'utf8')) as Directory;
const NOW = instantOfWallTime({ year: 2026, month: 11, day: 26, hour: 10, minute: 0 }, 'Europe/Moscow'); // Thursday
const account = { memberId: 'm1', userId: 1 };

const ev = (id: number, title: string, start: string, end: string, organizerId: number, attendeeIds: number[]): EventItem => ({ kind: 'event', id, title, start, end, allDay: false, ownerId: 1, organizerId, attendeeIds });
const task = (id: number, title: string, deadline: string | undefined, responsibleId: number, createdBy: number, extra: Partial<TaskItem> = {}): TaskItem => ({
  kind: 'task', id, title, ...(deadline ? { deadline } : {}), done: false, responsibleId, createdBy, auditorIds: [], accompliceIds: [], ...extra,
});
const ITEMS: PlanItem[] = [
  ev(1001, 'Планёрка', '2026-11-27T11:00', '2026-11-27T11:30', 1, [1]),
  ev(1002, 'Встреча с Антоном', '2026-11-27T15:00', '2026-11-27T16:30', 1, [1, 4]),
  ev(1003, 'Обзор продаж', '2026-11-27T17:00', '2026-11-27T18:00', 2, [2, 1]),
  task(501, 'Сверить акты', '2026-11-27T12:00', 1, 1),
  task(502, 'Отчёт за ноябрь', '2026-11-27T18:00', 1, 2),
  task(503, 'Квартальный отчёт', '2026-11-25T18:00', 1, 1),
  task(504, 'Договор поставки', '2026-11-27T18:00', 4, 4),
  task(505, 'Подготовить отчёт для Антона', '2026-11-30T18:00', 4, 4, { auditorIds: [1] }),
];

let parser: Parser;
beforeAll(async () => {
  parser = await createParser();
});

function setup(voiceItems?: number) {
  const portal = new FakePortal(directory);
  portal.items = ITEMS.map((i) => ({ ...i }));
  // Utterances of the new intents are answered with the parse nlu.md gives them.
  const scripted = new Map<string, ParseResult>();
  const wrapped: Parser = { ...parser, parse: (text, ctx) => scripted.get(text) ?? parser.parse(text, ctx) };
  const dialog = createDialog({ parser: wrapped, sessions: createMemoryStore().sessions, actions: portal, config: { defaultDeadlineHour: 12, ...(voiceItems ? { voiceItems } : {}) } });
  let n = 0;
  const say = (text: string, over: Partial<Turn> = {}) =>
    dialog.handle({ channel: 'console', sessionKey: 's1', account, text, locale: 'ru', timeZone: 'Europe/Moscow', now: new Date(NOW.getTime() + 1000 * n++), ...over });
  const as = (text: string, p: Omit<ParseResult, 'lang'>) => {
    scripted.set(text, { ...p, lang: 'ru' } as ParseResult);
    return text;
  };
  return { say, as, portal };
}

describe('agenda', () => {
  it('"что у меня завтра": counts, then events and tasks in time order', async () => {
    const { say, as } = setup();
    const r = await say(as('что у меня завтра', { intent: 'agenda.query', slots: { from: '2026-11-27', to: '2026-11-27' } }));
    expect(r.text).toBe('Завтра у вас 3 встречи и 2 задачи. В 11:00 Планёрка, в 15:00 Встреча с Антоном, в 17:00 Обзор продаж. Задачи: «Сверить акты» до 12:00, «Отчёт за ноябрь» до 18:00.');
    expect(r.buttons).toBeUndefined();
  });

  it('by voice at most N items, "и ещё", and the whole list follows in the messenger', async () => {
    const { say, as } = setup(3);
    const r = await say(as('что у меня завтра', { intent: 'agenda.query', slots: { from: '2026-11-27', to: '2026-11-27' } }), { channel: 'alice', sessionKey: 'alice:1' });
    expect(r.text).toBe('Завтра у вас 3 встречи и 2 задачи. В 11:00 Планёрка, в 15:00 Встреча с Антоном, в 17:00 Обзор продаж и ещё 2.');
    const all = await r.followUp!;
    expect(all.text).toContain('«Отчёт за ноябрь» до 18:00');
  });

  it('nothing planned is said as such; overdue tasks are marked', async () => {
    const { say, as, portal } = setup();
    expect((await say(as('что у меня 5 декабря', { intent: 'agenda.query', slots: { from: '2026-12-05', to: '2026-12-05' } }))).text).toBe('5 декабря у вас ничего нет.');
    const open = await say(as('какие у меня задачи', { intent: 'agenda.query', slots: { kind: 'tasks' } }));
    expect(open.text).toMatch(/^У вас 3 задачи\. Задачи: .*«Квартальный отчёт» до 25 ноября в 18:00 \(просрочена\)/);
    expect(portal.agendaQueries.at(-1)).toMatchObject({ userId: 1, kind: 'tasks' });
  });

  it("another person's plan is asked for that person", async () => {
    const { say, as, portal } = setup();
    const r = await say(as('что у Антона завтра', { intent: 'agenda.query', slots: { from: '2026-11-27', to: '2026-11-27', person: { userId: 4 } } }));
    expect(portal.agendaQueries.at(-1)).toMatchObject({ userId: 4, from: '2026-11-27', to: '2026-11-27' });
    expect(r.text).toMatch(/^Завтра у сотрудника Антон Смирнов /);
  });
});

describe('changing an event', () => {
  it('moves the one meeting the reference fits, keeping its length, confirmed with old and new, once', async () => {
    const { say, as, portal } = setup();
    const r = await say(as('перенеси встречу с Антоном на четверг в 16', { intent: 'event.update', slots: { event: { person: { userId: 4 } }, start: '2026-12-03T16:00' } }));
    expect(r.text).toBe('Перенести «Встреча с Антоном» с завтра в 15:00 на 3 декабря в 16:00?');
    expect((await say('да')).text).toBe('Встреча перенесена. Участники получат уведомление.');
    await say('да');
    expect(portal.created.filter((x) => x.kind === 'move')).toEqual([expect.objectContaining({ data: { eventId: 1002, start: '2026-12-03T16:00', end: '2026-12-03T17:30', allDay: false, timeZone: 'Europe/Moscow' } })]);
  });

  it('a new date alone keeps the time of day', async () => {
    const { say, as, portal } = setup();
    await say(as('сдвинь планёрку на понедельник', { intent: 'event.update', slots: { event: { query: 'планёрка' }, start: '2026-11-30' } }));
    await say('да');
    expect(portal.created[0]!.data).toMatchObject({ eventId: 1001, start: '2026-11-30T11:00', end: '2026-11-30T11:30' });
  });

  it('several fit: a button each; the pressed one is used', async () => {
    const { say, as, portal } = setup();
    const r = await say(as('перенеси завтрашнюю встречу на 16', { intent: 'event.update', slots: { event: { at: '2026-11-27' }, start: '2026-11-27T16:00' } }));
    expect(r.text).toBe('Какую встречу: «Планёрка» завтра в 11:00 или «Встреча с Антоном» завтра в 15:00 или «Обзор продаж» завтра в 17:00?');
    expect(r.buttons?.map((b) => b.payload)).toEqual([{ itemId: 1001 }, { itemId: 1002 }, { itemId: 1003 }]);
    expect((await say('«Планёрка» завтра в 11:00', { payload: { itemId: 1001 } })).text).toBe('Перенести «Планёрка» с завтра в 11:00 на завтра в 16:00?');
    await say('да');
    expect(portal.created[0]!.data).toMatchObject({ eventId: 1001, start: '2026-11-27T16:00', end: '2026-11-27T16:30' });
  });

  it('a meeting the speaker does not organise is refused in words, before any confirmation', async () => {
    const { say, as, portal } = setup();
    const r = await say(as('отмени обзор продаж', { intent: 'event.cancel', slots: { event: { query: 'обзор продаж' } } }));
    expect(r.text).toBe('Эту встречу организует Сергей Иванов — изменить или отменить её может только организатор.');
    expect(r.buttons).toBeUndefined();
    expect((await say('да')).text).toMatch(/Не понял/);
    expect(portal.created).toHaveLength(0);
  });

  it('cancels an event the speaker organises, once', async () => {
    const { say, as, portal } = setup();
    expect((await say(as('отмени планёрку', { intent: 'event.cancel', slots: { event: { query: 'планёрка' } } }))).text).toBe('Отменить «Планёрка» завтра в 11:00?');
    await say('да');
    await say('да');
    expect(portal.created).toEqual([expect.objectContaining({ kind: 'cancel', data: { eventId: 1001 } })]);
  });
});

describe('changing a task', () => {
  it('completes the task its title words name (stems, any order, ё/е)', async () => {
    const { say, as, portal } = setup();
    expect((await say(as('закрой задачу акты сверить', { intent: 'task.complete', slots: { task: { query: 'акты сверить' } } }))).text).toBe('Закрыть задачу «Сверить акты» со сроком завтра в 12:00?');
    await say('да');
    expect(portal.created).toEqual([expect.objectContaining({ kind: 'complete', data: { taskId: 501 } })]);
    const { say: say2, as: as2 } = setup();
    expect((await say2(as2('закрой задачу про отчет за ноябрь', { intent: 'task.complete', slots: { task: { query: 'отчет за ноябрь' } } }))).text).toMatch(/«Отчёт за ноябрь»/);
  });

  it('several tasks fit: a button each; none fits: what was searched for is said, and a new name is taken', async () => {
    const { say, as } = setup();
    const r = await say(as('закрой задачу про отчёт', { intent: 'task.complete', slots: { task: { query: 'отчёт' } } }));
    expect(r.buttons?.map((b) => b.payload)).toEqual([{ itemId: 503 }, { itemId: 502 }, { itemId: 505 }]); // the watched one too: the speaker can see it
    const none = setup();
    expect((await none.say(none.as('закрой задачу бюджет', { intent: 'task.complete', slots: { task: { query: 'бюджет' } } }))).text).toBe('Не нашёл задачу «бюджет». Назовите её иначе или скажите «отмена».');
    expect((await none.say('сверить акты')).text).toBe('Закрыть задачу «Сверить акты» со сроком завтра в 12:00?');
  });

  it("only items the speaker can see: someone else's task is not found", async () => {
    const { say, as } = setup();
    expect((await say(as('закрой задачу договор поставки', { intent: 'task.complete', slots: { task: { query: 'договор поставки' } } }))).text).toMatch(/^Не нашёл задачу «договор поставки»/);
  });

  it("a task the speaker only watches, or a deadline only its creator may move, is refused in words", async () => {
    const { say, as, portal } = setup();
    expect((await say(as('закрой задачу подготовить отчёт для антона', { intent: 'task.complete', slots: { task: { query: 'подготовить отчёт для антона' } } }))).text).toBe(
      'Это задача сотрудника Антон Смирнов, и вы не её постановщик — изменить её я не могу.',
    );
    expect((await say(as('перенеси срок задачи отчёт за ноябрь на пятницу', { intent: 'task.update', slots: { task: { query: 'отчёт за ноябрь' }, deadline: '2026-11-27' } }))).text).toBe(
      'Срок этой задачи может менять только постановщик (Сергей Иванов).',
    );
    expect(portal.created).toHaveLength(0);
  });

  it('moves a deadline and hands a task over, confirmed with old and new values', async () => {
    const { say, as, portal } = setup();
    expect((await say(as('перенеси срок задачи сверить акты на пятницу', { intent: 'task.update', slots: { task: { query: 'сверить акты' }, deadline: '2026-12-04T12:00' } }))).text).toBe(
      'Изменить в задаче «Сверить акты» срок с завтра в 12:00 на 4 декабря в 12:00?',
    );
    await say('да');
    expect(portal.created[0]).toMatchObject({ kind: 'update', data: { taskId: 501, deadline: '2026-12-04T12:00' } });
    expect((await say(as('передай задачу отчёт за ноябрь Антону', { intent: 'task.update', slots: { task: { query: 'отчёт за ноябрь' }, responsible: { userId: 4 } } }))).text).toBe(
      'Изменить в задаче «Отчёт за ноябрь» ответственного с Александр Сербул на Антон Смирнов?',
    );
    await say('да');
    expect(portal.created[1]).toMatchObject({ kind: 'update', data: { taskId: 502, responsibleId: 4 } });
  });
});
