/**
 * The turn's steps beyond the happy path: the open-line policy (counters in the session, so any
 * process takes the next message), portal failures said per error kind, English without Russian
 * formatting, the way out of a stuck question, re-delivered messages, speech for voice.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createParser, type Parser } from '../../src/nlu';
import type { Directory } from '../../src/nlu/types';
import { createMemoryStore } from '../../src/store/memory';
import { createDialog, loadTexts, type DialogDeps } from '../../src/dialog';
import type { Turn } from '../../src/dialog/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { BitrixAccessDeniedError, BitrixRateLimitError, BitrixTransportError, BitrixUserNotFoundError } from '../../src/bitrix/errors';
import { FakePortal } from './fake-portal';
import { CORPUS_DIR } from '../helpers/data';

const SHARED = CORPUS_DIR;
const directory = JSON.parse(fs.readFileSync(path.join(SHARED, 'directory.json'), 'utf8')) as Directory;
const NOW = instantOfWallTime({ year: 2026, month: 11, day: 26, hour: 10, minute: 0 }, 'Europe/Moscow');
const account = { memberId: 'm1', userId: 1 };
const texts = loadTexts();

let parser: Parser;
beforeAll(async () => {
  parser = await createParser();
});

function setup(extra: Partial<DialogDeps> = {}, store = createMemoryStore()) {
  const portal = new FakePortal(directory);
  const make = () => createDialog({ parser, sessions: store.sessions, actions: portal, config: { defaultDeadlineHour: 12 }, ...extra });
  let dialog = make();
  let n = 0;
  const say = (text: string, over: Partial<Turn> = {}) =>
    dialog.handle({ channel: 'console', sessionKey: 's1', account, text, locale: 'ru', timeZone: 'Europe/Moscow', now: new Date(NOW.getTime() + 1000 * n++), ...over });
  /** Another server process: a new dialogue over the same store. */
  const restart = () => (dialog = make());
  return { say, portal, store, restart };
}

describe('open lines: the hand-off policy is a dialogue step', () => {
  const ol = (over: Partial<Turn> = {}): Partial<Turn> => ({ channel: 'openlines', sessionKey: 'ol:1', memberId: 'm1', ...over });

  it('a client asking for a person is handed over', async () => {
    const { say } = setup();
    const r = await say('Позовите оператора', ol({ account: undefined }));
    expect(r).toMatchObject({ handOff: true, text: texts.say('common', 'openline.handoff', 'ru') });
  });

  it('an outsider the dialogue cannot act for is handed over; an empty join is only greeted', async () => {
    const { say, store } = setup();
    expect((await say('', ol({ account: undefined, newSession: true }))).handOff).toBeUndefined();
    expect((await say('Сколько стоит доставка?', ol({ account: undefined }))).handOff).toBe(true);
    expect(await store.sessions.get('ol:1', NOW.getTime() + 60_000)).toBeNull(); // nothing to remember, no row
  });

  it('stuck: two turns in a row not understood hand over, counted in the session across processes', async () => {
    const { say, restart } = setup();
    const first = await say('абырвалг', ol());
    expect(first.handOff).toBeUndefined();
    restart(); // the next message reaches another process
    const second = await say('главрыба', ol());
    expect(second).toMatchObject({ handOff: true });
  });

  it('an understood turn resets the count', async () => {
    const { say } = setup();
    expect((await say('абырвалг', ol())).handOff).toBeUndefined();
    expect((await say('что ты умеешь?', ol())).handOff).toBeUndefined();
    expect((await say('главрыба', ol())).handOff).toBeUndefined();
  });

  it('a hot lead goes to an operator at once; the check runs once per chat, a failing check keeps the bot', async () => {
    const asked: unknown[] = [];
    const { say } = setup({ isHotRecord: async (m, rec) => (asked.push([m, rec]), true) });
    const r = await say('Здравствуйте', ol({ crm: { entity: 'lead', id: 1209 } }));
    expect(r).toMatchObject({ handOff: true, text: texts.say('common', 'openline_hot_lead', 'ru') });
    expect(asked).toEqual([['m1', { entity: 'lead', id: 1209 }]]);
    await say('что ты умеешь?', ol({ crm: { entity: 'lead', id: 1209 } }));
    expect(asked).toHaveLength(1);

    const broken = setup({ isHotRecord: () => Promise.reject(new Error('503')) });
    expect((await broken.say('что ты умеешь?', ol({ crm: { entity: 'lead', id: 1 } }))).handOff).toBeUndefined();
  });
});

describe('portal failures are sentences per error kind', () => {
  const cases: [string, Error, string][] = [
    ['access denied', new BitrixAccessDeniedError({ method: 'tasks.task.add', code: 'ACCESS_DENIED', status: 401 }), 'access_denied'],
    ['not found', new BitrixUserNotFoundError({ method: 'tasks.task.add', code: 'USER_NOT_FOUND', status: 400 }), 'not_found'],
    ['portal unavailable', new BitrixTransportError('tasks.task.add', 'ECONNREFUSED', 'connect ECONNREFUSED'), 'unavailable'],
    ['limit', new BitrixRateLimitError({ method: 'tasks.task.add', code: 'QUERY_LIMIT_EXCEEDED', status: 503 }), 'limit'],
    ['needs authorization', Object.assign(new Error('no token of user 1'), { kind: 'needs_authorization' }), 'needs_authorization'],
    ['anything else', new Error('tasks.task.add: WEIRD (HTTP 500)'), 'other'],
  ];
  it.each(cases)('%s', async (_name, error, sentence) => {
    const { say, portal } = setup();
    portal.failWrites = error;
    await say('Поставь задачу позвонить поставщику завтра');
    const r = await say('да');
    expect(r.text).toBe(texts.say('common', `errors.${sentence}`, 'ru'));
    expect(r.text).not.toMatch(/HTTP|ACCESS_DENIED|tasks\.task/);
  });
});

describe('English replies carry no Russian formatting', () => {
  it('quotes and numbers', async () => {
    const { say } = setup();
    const r = await say('Create a task call the bank tomorrow', { locale: 'en' });
    expect(r.text).toMatch(/“call the bank”/);
    expect(r.text).not.toMatch(/[«»]/);
    const noModel = await say("What's the score of lead 87?", { locale: 'en' });
    expect(noModel.text).toContain('1,240');
    expect(noModel.text).not.toMatch(/1\s240/);
  });
});

describe('out of a stuck question', () => {
  it('"да" is never a task title', async () => {
    const { say, portal } = setup();
    expect((await say('Создай задачу')).text).toBe('Как назвать задачу?');
    expect((await say('да')).text).toBe('Как назвать задачу?');
    expect(portal.created).toHaveLength(0);
  });

  it('a name nobody has: the closest names and the way out; a new command, "помощь" and "отмена" are taken as such', async () => {
    const { say, portal } = setup();
    const r = await say('Поставь задачу на Петрова подготовить отчёт');
    expect(r.text).toMatch(/^Не нашёл сотрудника «Петров»\. Может быть, .*Пётр Орлов.*\? Назовите ещё раз или скажите «отмена»\.$/);
    expect(r.buttons?.some((b) => (b.payload as { userId?: number }).userId === 30)).toBe(true);
    expect((await say('что ты умеешь?')).text).toBe(texts.say('common', 'help', 'ru'));
    const other = await say('Напиши Антону привет');
    expect(other.text).toMatch(/получатель — Антон Смирнов/);
    expect((await say('отмена')).text).toBe('Хорошо, отменил.');
    expect(portal.created).toHaveLength(0);
  });

  it('a second miss says how to cancel even with no close name', async () => {
    const { say } = setup();
    expect((await say('Напиши Григорию что я перезвоню')).text).toBe('Не нашёл сотрудника «Григорий». Назовите ещё раз.');
    expect((await say('Вольдемару')).text).toMatch(/скажите «отмена»/);
  });
});

describe('dead fields wired', () => {
  it('a message delivered again (same messageId) gets the same answer and acts once', async () => {
    const { say, portal } = setup();
    await say('Поставь задачу позвонить поставщику завтра', { messageId: 'a1' });
    const a = await say('да', { messageId: 'a2' });
    const b = await say('да', { messageId: 'a2' });
    expect(b.text).toBe(a.text);
    expect(portal.created).toHaveLength(1);
  });

  it('voice replies carry speech without quotes and signs', async () => {
    const { say } = setup();
    const r = await say('Поставь задачу позвонить поставщику завтра', { channel: 'alice', sessionKey: 'alice:1' });
    expect(r.text).toContain('«позвонить поставщику»');
    expect(r.tts).toBe(r.text.replace(/[«»]/g, ''));
    const chat = await say('Поставь задачу позвонить поставщику завтра');
    expect(chat.tts).toBeUndefined();
  });

  it('a new platform session drops a draft left from the last one', async () => {
    const { say } = setup();
    await say('Создай задачу', { channel: 'alice', sessionKey: 'alice:2' });
    await say('', { channel: 'alice', sessionKey: 'alice:2', newSession: true });
    expect((await say('да', { channel: 'alice', sessionKey: 'alice:2' })).text).toMatch(/Не понял/);
  });
});
