/**
 * Issue 12 end to end, over the wire only, on the server in sandbox mode: user 5 (Мария, not an
 * administrator) opens the voice page, links Alice with its code, and every action and answer then
 * carries her own rights — the portal (the sandbox) is asked only through HTTP.
 */
import request from 'supertest';
import type { Runtime } from '../src/runtime';
import { startTestRuntime, type TestRuntime } from './helpers/runtime';

const aliceBody = (sessionId: string, messageId: number, command: string, extra: { new?: boolean; payload?: unknown } = {}) => ({
  meta: { locale: 'ru-RU', timezone: 'Europe/Moscow', client_id: 'ru.yandex.searchplugin/7.16', interfaces: { screen: {} } },
  session: { message_id: messageId, session_id: sessionId, skill_id: 'skill-1', user: { user_id: 'alice-maria-5' }, application: { application_id: 'app-5' }, new: extra.new === true },
  request:
    extra.payload !== undefined
      ? { type: 'ButtonPressed', payload: extra.payload, nlu: { tokens: [], entities: [] } }
      : { command: command.toLowerCase(), original_utterance: command, type: 'SimpleUtterance', nlu: { tokens: command.toLowerCase().split(' ').filter(Boolean), entities: [] } },
  state: { session: {} },
  version: '1.0',
});

describe('acting as the speaker (issue 12), end to end over HTTP', () => {
  let t: TestRuntime;
  let rt: Runtime;
  let n = 1;
  const say = async (text: string, extra: { new?: boolean; payload?: unknown } = {}) => {
    const r = await request(rt.url).post('/webhook/alice').send(aliceBody('speaker-1', n++, text, extra));
    expect(r.status).toBe(200);
    return r.body as { response: { text: string; buttons?: { title: string; payload?: unknown; url?: string }[] } };
  };
  /** Confirm the pending action with the "Да" button. */
  const yes = async (b: Awaited<ReturnType<typeof say>>) => say('', { payload: b.response.buttons![0]!.payload });
  const viaWebhook = async <T>(method: string, query: Record<string, string>): Promise<T> => {
    const url = new URL(`${rt.sandbox!.info().webhook}${method}`);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    const r = await fetch(url);
    const body = (await r.json()) as { result: T };
    return body.result;
  };

  beforeAll(async () => {
    t = await startTestRuntime({ SCORING_MIN_CLOSED: '30' }, 400);
    rt = t.rt;
  });
  afterAll(() => t.stop());

  it('a linked user with no token of their own is told to open the app, and nothing is done', async () => {
    // Linked by the CLI/runtime code, never opened the page: no pair of hers is stored.
    const code = await rt.issueLinkCode({ memberId: rt.sandboxMemberId!, userId: 6 });
    const r = (body: ReturnType<typeof aliceBody>) => request(rt.url).post('/webhook/alice').send(body);
    const b = (m: number, text: string, extra: { payload?: unknown } = {}) => ({ ...aliceBody('speaker-6', m, text, extra), session: { ...aliceBody('speaker-6', m, text).session, user: { user_id: 'alice-ivan-6' } } });
    await r(b(1, code.split('').join(' ')));
    const before = { tasks: rt.sandbox!.state.tasks.size, messages: rt.sandbox!.state.messages.size };
    const confirm = (await r(b(2, 'напиши Насте привет'))).body;
    const done = (await r(b(3, '', { payload: confirm.response.buttons[0].payload }))).body;
    expect(done.response.text).toMatch(/откройте приложение «Голосовой помощник»/);
    expect(done.response.buttons).toEqual(expect.arrayContaining([expect.objectContaining({ url: `${rt.url}/app/voice?user=6` })]));
    // No relay by the bot either: nothing was sent in Ivan's name.
    expect({ tasks: rt.sandbox!.state.tasks.size, messages: rt.sandbox!.state.messages.size }).toEqual(before);
  });

  it('user 5 opens /app/voice?user=5, links Alice, books a meeting: organised by 5, user 1 not invited', async () => {
    const page = await request(rt.url).get('/app/voice?user=5');
    expect(page.status).toBe(200);
    const code = /data-code="(\d+)"/.exec(page.text)![1]!;
    await say('', { new: true });
    expect((await say(code.split('').join(' '))).response.text).toBe('Авторизация прошла успешно! Жду ваших команд.');
    const confirm = await say('запланируй встречу завтра с 11 до 13 с Антоном');
    expect(confirm.response.text).toMatch(/Антон/);
    expect((await yes(confirm)).response.text).toBe("Событие добавлено в календарь.");
    const events = await viaWebhook<{ NAME: string; CREATED_BY: string; MEETING_HOST: string; ATTENDEES_CODES: string[] }[]>('calendar.event.get', { type: 'user', ownerId: '5' });
    const ev = events.find((e) => e.CREATED_BY === '5');
    expect(ev).toMatchObject({ CREATED_BY: '5', MEETING_HOST: '5' });
    expect(ev!.ATTENDEES_CODES).toContain('U4');
    expect(ev!.ATTENDEES_CODES).not.toContain('U1');
  });

  it('lead scores: another manager\'s lead gives no title and no percentage; her own lead gives both', async () => {
    const leads = await viaWebhook<{ ID: string; TITLE: string; ASSIGNED_BY_ID: string }[]>('crm.lead.list', { 'select[0]': 'ID', 'select[1]': 'TITLE', 'select[2]': 'ASSIGNED_BY_ID' });
    const theirs = leads.find((l) => l.ASSIGNED_BY_ID !== '5')!;
    const mineList = await viaWebhook<{ ID: string; TITLE: string }[]>('crm.lead.list', { 'filter[ASSIGNED_BY_ID]': '5', 'select[0]': 'ID', 'select[1]': 'TITLE' });
    const mine = mineList[0]!;
    // The portal's model is trained first (with the installer's view of the whole CRM), so the answer fits Alice's budget.
    await rt.actions.scoreLead({ memberId: rt.sandboxMemberId!, userId: 1 }, { id: Number(mine.ID) });
    const denied = await say(`какой скоринг у лида ${theirs.ID}`);
    expect(denied.response.text).toBe('Нет доступа к этому лиду.');
    expect(denied.response.text).not.toContain(theirs.TITLE);
    expect(denied.response.text).not.toMatch(/%/);
    // The lead card page (placement) answers the same way for her.
    const card = await request(rt.url).get(`/app/card/lead/${theirs.ID}?user=5`);
    expect(card.status).toBe(403);
    expect(card.text).not.toContain(theirs.TITLE);
    const own = await say(`какой скоринг у лида ${mine.ID}`);
    expect(own.response.text).toContain(mine.TITLE);
    expect(own.response.text).toMatch(/\d+%/);
  });

  it('"лид <название>": the ambiguity list holds only leads she may open', async () => {
    const mineList = await viaWebhook<{ ID: string; TITLE: string }[]>('crm.lead.list', { 'filter[ASSIGNED_BY_ID]': '5', 'select[0]': 'ID', 'select[1]': 'TITLE' });
    const mineIds = new Set(mineList.map((l) => Number(l.ID)));
    // A word of her leads' titles that the whole portal also uses on other managers' leads.
    let query = '';
    for (const w of new Set(mineList.flatMap((l) => l.TITLE.split(/[\s:—«»,]+/)).filter((x) => x.length >= 5))) {
      const all = await viaWebhook<{ ID: string; ASSIGNED_BY_ID: string }[]>('crm.lead.list', { 'filter[%TITLE]': w, 'select[0]': 'ID', 'select[1]': 'ASSIGNED_BY_ID' });
      if (all.filter((l) => l.ASSIGNED_BY_ID === '5').length >= 2 && all.some((l) => l.ASSIGNED_BY_ID !== '5')) {
        query = w;
        break;
      }
    }
    expect(query).not.toBe('');
    const a = await rt.actions.scoreLead({ memberId: rt.sandboxMemberId!, userId: 5 }, { query });
    expect(a.kind).toBe('ambiguous');
    if (a.kind === 'ambiguous') expect(a.options.every((o) => mineIds.has(o.id))).toBe(true);
  });

  it('"напиши Насте привет" → "да": the message is authored by user 5 (im.dialog.messages.get)', async () => {
    const confirm = await say('напиши Насте привет');
    expect(confirm.response.text).toMatch(/Анастаси/);
    await yes(confirm);
    // Read as the recipient, with a token the sandbox portal issues for her.
    const token = rt.sandbox!.issueTokens(3).accessToken;
    const r = await fetch(`${rt.sandbox!.info().rest}im.dialog.messages.get`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ DIALOG_ID: '5', auth: token }) });
    const body = (await r.json()) as { result: { messages: { author_id: number; text: string }[] } };
    expect(body.result.messages[0]).toMatchObject({ author_id: 5, text: expect.stringMatching(/привет/i) });
  });
});
