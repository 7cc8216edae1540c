/**
 * The conversation end to end with the real parser, the memory store and a fake portal: every
 * command of the seed corpus through confirmation to creation, slot filling, disambiguation,
 * correction, cancel, at-most-once, lead scores and linking by code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createParser, type Parser } from '../../src/nlu';
import type { Directory, LeadRef } from '../../src/nlu/types';
import { createMemoryStore } from '../../src/store/memory';
import { createCodeHasher } from '../../src/store/crypto';
import { createDialog, issueLinkCode } from '../../src/dialog';
import { LINK_LIMITS } from '../../src/dialog/link';
import type { Account, Dialog, PortalActions, Reply, Turn } from '../../src/dialog/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { FakePortal } from './fake-portal';
import { CORPUS_DIR } from '../helpers/data';
import type { SessionStore } from '../../src/store/types';

const SHARED = CORPUS_DIR;
const directory = JSON.parse(fs.readFileSync(path.join(SHARED, 'directory.json'), 'utf8')) as Directory;
const NOW = instantOfWallTime({ year: 2026, month: 11, day: 26, hour: 10, minute: 0 }, 'Europe/Moscow');
const account = { memberId: 'm1', userId: 1 };

let parser: Parser;
beforeAll(async () => {
  parser = await createParser();
});

function setup() {
  const store = createMemoryStore();
  const portal = new FakePortal(directory, (ref) => ({
    kind: 'score', entity: ref.entity ?? 'lead', id: ref.id ?? 7, title: 'Заказ сайта', probability: 0.56, level: 'medium',
    reasons: ['3 исходящих звонка дольше 5 минут', 'источник: Сайт'], modelQuality: { auc: 0.87, precision: 0.7, recall: 0.6 },
  }));
  const hashCode = createCodeHasher('k'.repeat(32));
  const dialog = createDialog({ parser, sessions: store.sessions, actions: portal, config: { defaultDeadlineHour: 12 }, link: { linkCodes: store.linkCodes, voiceLinks: store.voiceLinks, hashCode } });
  let n = 0;
  const turn = (text: string, extra: Partial<Turn> = {}): Turn => ({
    channel: 'console', sessionKey: 's1', account, text, locale: 'ru', timeZone: 'Europe/Moscow', now: new Date(NOW.getTime() + 1000 * n++), ...extra,
  });
  const say = (text: string, extra: Partial<Turn> = {}) => dialog.handle(turn(text, extra));
  return { store, portal, dialog, say, turn, hashCode };
}

const seed = fs.readFileSync(path.join(SHARED, 'seed.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; text: string; expect: { intent: string } });

describe('every seed command reaches the portal after questions and "да"', () => {
  // Answers to whatever the assistant asks, by what it asks for.
  const answers: [RegExp, string][] = [
    [/назвать задачу|Что написать/i, 'подготовить отчёт'],
    [/Кому/i, 'Антону'],
    [/Кого именно/i, 'Воробьеву'],
    [/На когда/i, 'завтра в 15:00'],
    [/Во сколько/i, 'в 10'],
    [/Какой лид/i, '123'],
  ];
  for (const c of seed.filter((s) => ['task.create', 'event.create', 'message.send'].includes(s.expect.intent))) {
    it(`${c.id}: ${c.text}`, async () => {
      const { say, portal } = setup();
      let r: Reply = await say(c.text);
      for (let i = 0; i < 6 && !r.buttons?.some((b) => (b.payload as { answer?: string })?.answer === 'yes'); i++) {
        const a = answers.find(([q]) => q.test(r.text));
        if (!a) throw new Error(`unexpected question: ${r.text}`);
        r = await say(a[1]);
      }
      expect(r.buttons?.map((b) => b.title)).toEqual(['Да', 'Нет']);
      expect(r.text).not.toMatch(/\d{4}-\d{2}-\d{2}/); // dates as people say them, never ISO
      r = await say('Да');
      expect(portal.created).toHaveLength(1);
      expect(portal.created[0]!.kind).toBe({ 'task.create': 'task', 'event.create': 'event', 'message.send': 'message' }[c.expect.intent]);
    });
  }
});

describe('conversation', () => {
  it('creates a task with the parsed slots', async () => {
    const { say, portal } = setup();
    const r = await say('Поставь задачу на Сергея Иванова на следующий вторник в 13:15 подготовить отчёт');
    expect(r.text).toBe('Поставить задачу «подготовить отчёт», ответственный — Сергей Иванов со сроком 1 декабря в 13:15?');
    expect((await say('да')).text).toBe('Задача успешно создана в Битрикс24.');
    expect(portal.created[0]!.data).toMatchObject({ title: 'подготовить отчёт', responsibleId: 2, deadline: '2026-12-01T13:15', timeZone: 'Europe/Moscow' });
  });

  it('asks one question at a time and parses the answer in its context', async () => {
    const { say, portal } = setup();
    expect((await say('Напиши сообщение')).text).toBe('Кому отправить сообщение?');
    expect((await say('Насте')).text).toBe('Что написать?');
    expect((await say('привет, как дела?')).text).toBe('Отправить сообщение «привет, как дела?», получатель — Анастасия Кузнецова?');
    await say('да');
    expect(portal.created[0]!.data).toEqual({ toUserId: 3, text: 'привет, как дела?', relayText: 'Александр Сербул просит передать: привет, как дела?' });
  });

  it('offers a button per candidate and takes the pressed one', async () => {
    const { say, portal } = setup();
    const r = await say('Напиши Жене: созвон переносится');
    expect(r.text).toBe('Кого именно: Евгений Воробьев или Евгения Федорова?');
    expect(r.buttons).toEqual([{ title: 'Евгений Воробьев', payload: { userId: 22 } }, { title: 'Евгения Федорова', payload: { userId: 23 } }]);
    await say('Евгения Федорова', { payload: { userId: 23 } });
    await say('да');
    expect(portal.created[0]!.data).toMatchObject({ toUserId: 23 });
  });

  it('says so when nobody fits and asks again', async () => {
    const { say } = setup();
    expect((await say('Напиши Григорию что я перезвоню')).text).toBe('Не нашёл сотрудника «Григорий». Назовите ещё раз.');
    expect((await say('Антону')).text).toMatch(/получатель — Антон Смирнов/);
  });

  it('takes a correction in place of "да" and confirms again', async () => {
    const { say, portal } = setup();
    await say('Поставь задачу позвонить клиенту завтра');
    const r = await say('нет, на среду');
    expect(r.text).toMatch(/со сроком 2 декабря\?$/);
    await say('да');
    expect(portal.created[0]!.data).toMatchObject({ deadline: '2026-12-02' });
  });

  it('asks what to change after a plain "нет"', async () => {
    const { say, portal } = setup();
    await say('Напиши Антону привет');
    expect((await say('нет')).text).toBe('Что изменить?');
    expect((await say('лучше Насте')).text).toMatch(/получатель — Анастасия Кузнецова/);
    await say('да');
    expect(portal.created[0]!.data).toMatchObject({ toUserId: 3 });
  });

  it('cancels at any point', async () => {
    const { say, portal } = setup();
    await say('Напиши сообщение');
    expect((await say('отмена')).text).toBe('Хорошо, отменил.');
    expect((await say('да')).text).toMatch(/Не понял/);
    expect(portal.created).toHaveLength(0);
  });

  it('points out a deadline in the past', async () => {
    const { say } = setup();
    expect((await say('Создай задачу на себя на вчера: сдать авансовый отчёт')).text).toMatch(/^Обратите внимание: срок уже прошёл/);
  });

  it('asks for a time when an event has only a date, and offers the whole day', async () => {
    const { say, portal } = setup();
    const r = await say('Запланируй встречу на 12 декабря');
    expect(r.text).toBe('Во сколько? Или на весь день?');
    await say('На весь день', { payload: { allDay: true } });
    await say('да');
    expect(portal.created[0]!.data).toMatchObject({ title: 'встреча', start: '2026-12-12', allDay: true });
  });

  it('lists the commands on "что ты умеешь"', async () => {
    const { say } = setup();
    expect((await say('Что ты умеешь?')).text).toMatch(/поставить задачу.*запланировать встречу.*написать сообщение.*оценить лид/);
  });

  it('answers a lead score with probability, reasons and model quality', async () => {
    const { say } = setup();
    const r = await say('Какой скоринг у лида 123?');
    expect(r.text).toBe('Лид «Заказ сайта»: вероятность успеха 56%, средняя. Сильнее всего повлияли: 3 исходящих звонка дольше 5 минут и источник: Сайт. Качество модели (AUC) 87%.');
    const ctx = await say('какой скоринг у этого лида', { crm: { entity: 'lead', id: 9 } });
    expect(ctx.text).toMatch(/вероятность успеха 56%/);
  });

  it('offers the records a title matches and scores the one picked by number or button', async () => {
    const store = createMemoryStore();
    const asked: LeadRef[] = [];
    const portal = new FakePortal(directory, (ref) => {
      asked.push(ref);
      if (ref.query) return { kind: 'ambiguous', entity: ref.entity ?? 'lead', options: [{ id: 12, title: 'Ромашка: окна' }, { id: 40, title: 'Ромашка 2024' }] };
      return { kind: 'score', entity: ref.entity ?? 'lead', id: ref.id!, title: ref.id === 40 ? 'Ромашка 2024' : 'Ромашка: окна', probability: 0.3, level: 'low', reasons: [], modelQuality: { auc: 0.8, precision: 0.5, recall: 0.5 } };
    });
    const dialog = createDialog({ parser, sessions: store.sessions, actions: portal, config: { defaultDeadlineHour: 12 }, link: { linkCodes: store.linkCodes, voiceLinks: store.voiceLinks, hashCode: createCodeHasher('k'.repeat(32)) } });
    let n = 0;
    const say = (text: string, extra: Partial<Turn> = {}) => dialog.handle({ channel: 'console', sessionKey: 's9', account, text, locale: 'ru', timeZone: 'Europe/Moscow', now: new Date(NOW.getTime() + 1000 * n++), ...extra });
    const offer = await say('какой скоринг у сделки Ромашка');
    expect(offer.text).toBe('Нашёл несколько сделок: №12 «Ромашка: окна», №40 «Ромашка 2024». Какую оценить? Назовите номер.');
    expect(offer.buttons?.map((b) => b.payload)).toEqual([{ leadId: 12 }, { leadId: 40 }]);
    // A button read back as its title (the Bitrix24 keyboard) picks its own number, not the digits of the title.
    expect((await say('№40 «Ромашка 2024»')).text).toMatch(/^Сделка «Ромашка 2024»: вероятность успеха 30%/);
    expect(asked.at(-1)).toEqual({ id: 40, entity: 'deal' });
    await say('какой скоринг у сделки Ромашка');
    expect((await say('двенадцатая', { payload: { leadId: 12 } })).text).toMatch(/^Сделка «Ромашка: окна»/);
    await say('какой скоринг у сделки Ромашка');
    expect((await say('номер двенадцать')).text).toMatch(/^Сделка «Ромашка: окна»/);
    expect(asked.at(-1)).toEqual({ id: 12, entity: 'deal' });
  });
});

describe('at most once', () => {
  it('a repeated "да" creates one task and gets the same answer', async () => {
    const { say, portal } = setup();
    await say('Поставь задачу позвонить поставщику завтра');
    const a = await say('да');
    const b = await say('да');
    expect(portal.created).toHaveLength(1);
    expect(b.text).toBe(a.text);
  });

  it('two "да" delivered at once create one task', async () => {
    const { say, portal } = setup();
    portal.delayMs = 50;
    await say('Поставь задачу позвонить поставщику завтра');
    const [a, b] = await Promise.all([say('да'), say('да')]);
    expect(portal.created).toHaveLength(1);
    expect(a.text).toBe('Задача успешно создана в Битрикс24.');
    expect(b.text).toBe('Задача успешно создана в Битрикс24.');
  });
});

describe('a message the portal cannot send as the speaker', () => {
  it('goes with a text naming the speaker, and the reply says the bot sent it', async () => {
    const { say, portal } = setup();
    portal.messagesVia = 'bot';
    await say('Напиши Антону привет, как дела?');
    expect((await say('да')).text).toBe('Сообщение отправлено от имени бота, с вашим именем.');
    expect(portal.created[0]!.data).toMatchObject({ toUserId: 4, text: 'привет, как дела?', relayText: 'Александр Сербул просит передать: привет, как дела?' });
  });
});

describe('turns of one session that arrive together', () => {
  it('are taken in the order they came, each seeing what the one before wrote', async () => {
    const { say, portal, store } = setup();
    portal.delayMs = 20;
    const [asked, corrected, done] = await Promise.all([say('Поставь задачу позвонить поставщику'), say('на завтра в 15'), say('да')]);
    expect(asked.text).toMatch(/^Поставить себе задачу «позвонить поставщику»/);
    expect(corrected.text).toMatch(/завтра в 15:00\?$/);
    expect(done.text).toBe('Задача успешно создана в Битрикс24.');
    expect(portal.created).toHaveLength(1);
    expect(portal.created[0]).toMatchObject({ kind: 'task', data: { title: 'позвонить поставщику', deadline: '2026-11-27T15:00' } });
    expect((await store.sessions.get('s1', NOW.getTime() + 60_000))?.version).toBe(3);
  });

  it('a turn that fails does not hold up the next', async () => {
    const { say, portal } = setup();
    portal.failDirectoryOnce = new Error('portal down');
    const [first, second] = await Promise.allSettled([say('Поставь задачу позвонить поставщику завтра'), say('Поставь задачу позвонить поставщику завтра')]);
    expect(first).toMatchObject({ status: 'rejected', reason: { message: 'portal down' } });
    expect(second).toMatchObject({ status: 'fulfilled', value: { text: expect.stringMatching(/^Поставить себе задачу «позвонить поставщику»/) } });
  });
});

describe('linking by spoken code', () => {
  const voice = (text: string): Partial<Turn> => ({ channel: 'alice', voiceUser: 'alice-user-1', account: undefined, text });

  it('binds a voice user with a code said in words, once', async () => {
    const { store, hashCode, dialog, turn } = setup();
    const code = await issueLinkCode({ linkCodes: store.linkCodes, hashCode }, account, NOW.getTime(), 300_000);
    expect(code).toMatch(/^\d{8}$/);
    expect((await dialog.handle(turn('', voice('')))).text).toMatch(/назовите код/);
    const words = ['ноль', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];
    const spoken = code.split('').map((d) => words[+d]).join(' ');
    expect((await dialog.handle(turn(spoken, voice(spoken)))).text).toBe('Авторизация прошла успешно! Жду ваших команд.');
    expect(await store.voiceLinks.get('alice', 'alice-user-1')).toMatchObject({ memberId: 'm1', userId: 1 });
    // The code works once.
    const other = { ...voice(code), voiceUser: 'alice-user-2' };
    expect((await dialog.handle(turn(code, other))).text).toMatch(/Код не подошёл/);
  });

  it('refuses an expired code and locks a voice user out after five misses', async () => {
    const { store, hashCode, turn } = setup();
    // Roomy app/server limits, so this is the per-voice-user limit at work.
    const dialog = createDialog({
      parser, sessions: store.sessions, actions: new FakePortal(directory), config: { defaultDeadlineHour: 12 },
      link: { linkCodes: store.linkCodes, voiceLinks: store.voiceLinks, hashCode, limits: { ...LINK_LIMITS, app: { limit: 100, windowMs: 60_000 }, all: { limit: 100, windowMs: 60_000 } } },
    });
    const code = await issueLinkCode({ linkCodes: store.linkCodes, hashCode }, account, NOW.getTime() - 600_000, 300_000);
    expect((await dialog.handle(turn(code, voice(code)))).text).toMatch(/Код не подошёл/);
    for (let i = 0; i < 4; i++) await dialog.handle(turn('12345678', voice('12345678')));
    const fresh = await issueLinkCode({ linkCodes: store.linkCodes, hashCode }, account, NOW.getTime(), 300_000);
    expect((await dialog.handle(turn(fresh, voice(fresh)))).text).toBe('Слишком много неверных попыток. Попробуйте ещё раз через 15 мин.');
  });
});

describe('linking cannot be brute-forced', () => {
  const SKILL = 'skill-0001';
  /** The dialogue with the default limits, counting the guesses actually looked up. */
  function linkSetup() {
    const store = createMemoryStore();
    const hashCode = createCodeHasher('k'.repeat(32));
    const checked = { n: 0 };
    const linkCodes = { ...store.linkCodes, consume: (h: string, now: number) => (checked.n++, store.linkCodes.consume(h, now)) };
    const dialog = createDialog({ parser, sessions: store.sessions, actions: new FakePortal(directory), config: { defaultDeadlineHour: 12 }, link: { linkCodes, voiceLinks: store.voiceLinks, hashCode } });
    let n = 0;
    const hear = (text: string, voiceUser: string, extra: Partial<Turn> = {}) =>
      dialog.handle({ channel: 'alice', sessionKey: `alice:${voiceUser}`, voiceUser, voiceApp: SKILL, text, locale: 'ru', timeZone: 'Europe/Moscow', now: new Date(NOW.getTime() + 100 * n++), ...extra });
    const issue = (userId = 1, at = NOW.getTime()) => issueLinkCode({ linkCodes: store.linkCodes, hashCode }, { memberId: 'm1', userId }, at, 300_000);
    return { store, checked, hear, issue };
  }
  const wrongGuess = (i: number) => String(10_000_000 + ((i * 7_919_777) % 89_999_999));

  it('300 wrong guesses from 300 Alice user ids of one skill: at most 50 are checked, the rest refused unchecked', async () => {
    const { checked, hear, store, issue } = linkSetup();
    for (let u = 1; u <= 20; u++) await issue(u);
    const replies = await Promise.all(Array.from({ length: 300 }, (_, i) => hear(wrongGuess(i), `yx-${i}`)));
    const wrong = replies.filter((r) => /Код не подошёл/.test(r.text)).length;
    const refused = replies.filter((r) => /проверка кодов приостановлена/.test(r.text)).length;
    expect(wrong).toBeLessThanOrEqual(50);
    expect(wrong).toBe(LINK_LIMITS.app.limit);
    expect(checked.n).toBe(wrong);
    expect(wrong + refused).toBe(300);
    // Refusals leave no rows: 3 entries per checked guess, nothing else.
    expect((await store.linkCodes.size()).attempts).toBe(3 * wrong);
  });

  it('rotating the skill id as well meets the server-wide limit', async () => {
    const { checked, hear } = linkSetup();
    for (let i = 0; i < 100; i++) await hear(wrongGuess(i), `g-${i}`, { voiceApp: `skill-${i}` });
    expect(checked.n).toBe(LINK_LIMITS.all.limit);
  });

  it('a user who mistypes a few times still links with their own code', async () => {
    const { hear, issue, store } = linkSetup();
    const code = await issue();
    for (let i = 0; i < 3; i++) expect((await hear(wrongGuess(i), 'me')).text).toMatch(/Код не подошёл/);
    expect((await hear(code, 'me')).text).toBe('Авторизация прошла успешно! Жду ваших команд.');
    expect(await store.voiceLinks.get('alice', 'me')).toMatchObject({ memberId: 'm1', userId: 1 });
    // A guess that links costs nothing: the three misses are all that is counted.
    expect((await store.linkCodes.size()).attempts).toBe(9);
  });

  it('an ordinary command with a number is not a code attempt', async () => {
    const { checked, hear, issue, store } = linkSetup();
    for (const text of ['созвон в 11', 'задача на 5 декабря', 'поставь задачу на 12 число', 'позвони Антону в 15 30', '11', 'встреча 5 декабря в 10 00 с Антоном']) {
      for (let i = 0; i < 3; i++) expect((await hear(text, 'new-user')).text).toMatch(/назовите код/);
    }
    expect(checked.n).toBe(0);
    expect((await store.linkCodes.size()).attempts).toBe(0);
    // Something code-like of the wrong length is answered, not checked.
    expect((await hear('1234 567', 'new-user')).text).toMatch(/В коде восемь цифр/);
    expect(checked.n).toBe(0);
    const code = await issue();
    expect((await hear(code, 'new-user')).text).toMatch(/^Авторизация прошла успешно/);
  });

  it('a code said in groups, as number words, with "код", or only in YANDEX.NUMBER hints', async () => {
    const { hear, issue } = linkSetup();
    const say2 = (n: number) => ['ноль', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'][n]!;
    const tens = ['', 'десять', 'двадцать', 'тридцать', 'сорок', 'пятьдесят', 'шестьдесят', 'семьдесят', 'восемьдесят', 'девяносто'];
    const teens = ['десять', 'одиннадцать', 'двенадцать', 'тринадцать', 'четырнадцать', 'пятнадцать', 'шестнадцать', 'семнадцать', 'восемнадцать', 'девятнадцать'];
    const pair = (p: string) => (p[0] === '0' ? `ноль ${say2(+p[1]!)}` : p[0] === '1' ? teens[+p[1]!]! : p[1] === '0' ? tens[+p[0]!]! : `${tens[+p[0]!]} ${say2(+p[1]!)}`);
    const forms: ((c: string) => { text: string; hints?: number[] })[] = [
      (c) => ({ text: `${c.slice(0, 4)} ${c.slice(4)}` }),
      (c) => ({ text: `мой код ${c.slice(0, 2)}-${c.slice(2, 4)}-${c.slice(4, 6)}-${c.slice(6)}` }),
      (c) => ({ text: [0, 2, 4, 6].map((i) => pair(c.slice(i, i + 2))).join(' ') }),
      // A spoken form our number words read differently: the platform's numbers decide.
      (c) => ({ text: 'код один два', hints: [Number(c.slice(0, 4)), Number(c.slice(4))] }),
    ];
    for (const [k, form] of forms.entries()) {
      let code = await issue(10 + k);
      // Hints carry numbers, so leading zeros would vanish; draw a code without them for that form.
      while (k === 3 && (code[0] === '0' || code[4] === '0')) code = await issue(10 + k);
      const f = form(code);
      const r = await hear(f.text, `form-${k}`, f.hints ? { hints: { numbers: f.hints } } : {});
      expect([k, r.text]).toEqual([k, 'Авторизация прошла успешно! Жду ваших команд.']);
    }
  });

  it('a new code replaces the user\'s previous one', async () => {
    const { hear, issue } = linkSetup();
    const first = await issue();
    const second = await issue();
    expect((await hear(first, 'dev-1')).text).toMatch(/Код не подошёл/);
    expect((await hear(second, 'dev-1')).text).toMatch(/^Авторизация прошла успешно/);
  });
});

describe('session rows', () => {
  it('a greeting on a fresh session writes no row; a command does, and "отмена" keeps it', async () => {
    const { say, store } = setup();
    await say('');
    expect(await store.sessions.get('s1', NOW.getTime() + 60_000)).toBeNull();
    await say('поставь задачу сергею иванову');
    const started = await store.sessions.get<{ draft?: unknown }>('s1', NOW.getTime() + 60_000);
    expect(started?.value.draft).toBeDefined();
    await say('отмена');
    const after = await store.sessions.get<{ draft?: unknown }>('s1', NOW.getTime() + 60_000);
    expect(after?.version).toBe((started?.version ?? 0) + 1);
    expect(after?.value.draft).toBeUndefined();
  });
});

describe('a duplicate "да" reaching two processes at once', () => {
  /** The portal as src/bitrix/actions.ts makes it look: a key being carried out elsewhere is `in_progress`. */
  class LockingPortal extends FakePortal {
    private readonly running = new Set<string>();
    private readonly results = new Map<string, { id: number }>();
    constructor(private readonly callMs: () => number) {
      super(directory);
    }
    override async createTask(_a: unknown, task: Record<string, unknown> & { title: string }, key: string) {
      const done = this.results.get(key);
      if (done) return done;
      if (this.running.has(key)) throw Object.assign(new Error('in progress'), { kind: 'in_progress' });
      this.running.add(key);
      await new Promise((r) => setTimeout(r, this.callMs()));
      this.created.push({ kind: 'task', key, data: task });
      const r = { id: this.created.length };
      this.results.set(key, r);
      this.running.delete(key);
      return r;
    }
  }
  const t = (text: string, ms: number): Turn => ({ channel: 'alice', sessionKey: 'dup', account, text, locale: 'ru', timeZone: 'Europe/Moscow', now: new Date(NOW.getTime() + ms) });
  const DONE = 'Задача успешно создана в Битрикс24.';

  it('a slow portal call: the duplicate waits for the original and answers the same', async () => {
    const store = createMemoryStore();
    const portal = new LockingPortal(() => 1200);
    const make = () => createDialog({ parser, sessions: store.sessions, actions: portal, config: { defaultDeadlineHour: 12 } });
    const [p1, p2] = [make(), make()];
    await p1.handle(t('Поставь задачу позвонить поставщику завтра', 0));
    const [a, b] = await Promise.allSettled([p1.handle(t('да', 1000)), p2.handle(t('да', 1000))]);
    expect([a, b]).toEqual([{ status: 'fulfilled', value: expect.objectContaining({ text: DONE }) }, { status: 'fulfilled', value: expect.objectContaining({ text: DONE }) }]);
    expect(portal.created).toHaveLength(1);
  });

  it('an action still running elsewhere after the wait: says so without internals, and the next "да" gets its outcome', async () => {
    const store = createMemoryStore();
    const portal = new LockingPortal(() => 5);
    let busy = true;
    const held: PortalActions = Object.assign(Object.create(portal), {
      createTask: (a: Account, task: Record<string, unknown> & { title: string }, key: string) =>
        busy ? Promise.reject(Object.assign(new Error(`action ${key} is being performed by another attempt`), { kind: 'in_progress' })) : portal.createTask(a, task, key),
    });
    const d = createDialog({ parser, sessions: store.sessions, actions: held, config: { defaultDeadlineHour: 12, actionWaitMs: 300 } });
    await d.handle(t('Поставь задачу позвонить поставщику завтра', 0));
    const waiting = await d.handle(t('да', 1000));
    expect(waiting.text).toBe('Это ещё выполняется в Битрикс24. Скажите «да» чуть позже — я отвечу, чем закончилось.');
    busy = false;
    expect((await d.handle(t('да', 2000))).text).toBe(DONE);
    expect(portal.created).toHaveLength(1);
  });

  it('a duplicate whose session writes keep losing still answers what the action did', async () => {
    const store = createMemoryStore();
    const portal = new LockingPortal(() => 5);
    const p1 = createDialog({ parser, sessions: store.sessions, actions: portal, config: { defaultDeadlineHour: 12 } });
    await p1.handle(t('Поставь задачу позвонить поставщику завтра', 0));
    // Before each of this process's writes another process writes the session (its own turns of the same "да").
    const racing: SessionStore = {
      get: (k, now) => store.sessions.get(k, now),
      delete: (k) => store.sessions.delete(k),
      put: async (k, v, expected, ttl, now) => {
        const cur = await store.sessions.get(k, now);
        if (cur) await store.sessions.put(k, cur.value, cur.version, ttl, now);
        return store.sessions.put(k, v, expected, ttl, now);
      },
    };
    const p2 = createDialog({ parser, sessions: racing, actions: portal, config: { defaultDeadlineHour: 12 } });
    expect((await p2.handle(t('да', 1000))).text).toBe(DONE);
    expect((await p1.handle(t('да', 1001))).text).toBe(DONE);
    expect(portal.created).toHaveLength(1);
  });

  it('random timings: every answer is the original\'s, one task per round (10 rounds)', async () => {
    const jittery = (s: SessionStore): SessionStore => {
      const pause = () => new Promise((r) => setTimeout(r, Math.random() * 8));
      return {
        get: async (k, now) => (await pause(), s.get(k, now)),
        put: async (k, v, e, ttl, now) => (await pause(), s.put(k, v, e, ttl, now)),
        delete: async (k) => (await pause(), s.delete(k)),
      };
    };
    const answers: string[] = [];
    let created = 0;
    for (let round = 0; round < 10; round++) {
      const store = createMemoryStore();
      const portal = new LockingPortal(() => Math.random() * 30);
      const make = () => createDialog({ parser, sessions: jittery(store.sessions), actions: portal, config: { defaultDeadlineHour: 12 } });
      const [p1, p2] = [make(), make()];
      await p1.handle(t('Поставь задачу позвонить поставщику завтра', 0));
      answers.push(...(await Promise.all([p1.handle(t('да', 1000)), p2.handle(t('да', 1000))])).map((r) => r.text));
      created += portal.created.length;
    }
    expect(new Set(answers)).toEqual(new Set([DONE]));
    expect(created).toBe(10);
  });
});
