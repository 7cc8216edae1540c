/** "Какой скоринг у лида N" end to end: the sandbox portal's CRM exported through the SDK, a model trained, the answer said. */
import type { Runtime } from '../../src/runtime';
import { startTestRuntime, type TestRuntime } from '../helpers/runtime';

describe('lead scores through the dialogue and the sandbox portal', () => {
  let t: TestRuntime;
  let rt: Runtime;
  beforeAll(async () => {
    t = await startTestRuntime({ SCORING_MIN_CLOSED: '1000' }, 1500);
    rt = t.rt;
  });
  afterAll(() => t.stop());
  const say = (text: string) => rt.dialog.handle({ channel: 'console', sessionKey: 'score', account: { memberId: rt.sandboxMemberId!, userId: 1 }, text, locale: 'ru', timeZone: 'Europe/Moscow', now: new Date() });

  it('trains a model on first demand and answers with probability, reasons and quality', async () => {
    const r = await say('Какой скоринг у лида 17?');
    expect(r.text).toMatch(/^Лид «.+»: вероятность успеха (больше |меньше )?\d+%, (низкая|средняя|высокая)\. Сильнее всего повлияли: .+\. Качество модели \(AUC\) \d+%\.$/);
    const model = await rt.store.models.latest(rt.sandboxMemberId!, 'lead');
    expect(model?.version).toBe(1);
    expect((await say('оцени лид номер девяносто девять тысяч')).text).toBe('Не нашёл такой записи в CRM.');
  });

  it('retrains on demand through the job queue, with progress recorded', async () => {
    const id = await rt.trainingQueue.enqueue({ memberId: rt.sandboxMemberId!, entity: 'lead' });
    await rt.trainingQueue.drain();
    expect(await rt.store.jobs.get(id)).toMatchObject({ state: 'done', progress: 1, message: 'model version 2 trained' });
    expect((await rt.store.models.latest(rt.sandboxMemberId!, 'lead'))?.version).toBe(2);
  });
});

describe('deal scores through the dialogue and the sandbox portal', () => {
  let t: TestRuntime;
  let rt: Runtime;
  beforeAll(async () => {
    // 6,000 sandbox leads make 1,500 deals, about 1,300 of them closed (won or lost).
    t = await startTestRuntime({ SCORING_MIN_CLOSED: '1000' }, 6000);
    rt = t.rt;
  });
  afterAll(() => t.stop());
  const say = (text: string, locale: 'ru' | 'en' = 'ru') =>
    rt.dialog.handle({ channel: 'console', sessionKey: `deal-${locale}`, account: { memberId: rt.sandboxMemberId!, userId: 1 }, text, locale, timeZone: 'Europe/Moscow', now: new Date() });

  it('trains a deal model from crm.deal.list and the deals\' activities, and answers a deal with reasons', async () => {
    const client = await rt.clients.get(rt.sandboxMemberId!);
    const open = await client.call<{ ID: string }[]>('crm.deal.list', { filter: { STAGE_SEMANTIC_ID: 'P' }, select: ['ID'], order: { ID: 'ASC' } });
    expect(open.length).toBeGreaterThan(0);
    const id = Number(open[0]!.ID);
    const r = await say(`Какой скоринг у сделки ${id}?`);
    expect(r.text).toMatch(/^Сделка «.+»: вероятность успеха (больше |меньше )?\d+%, (низкая|средняя|высокая)\.( Сильнее всего повлияли: .+\.)? Качество модели \(AUC\) \d+%\.$/);
    const model = await rt.store.models.latest(rt.sandboxMemberId!, 'deal');
    expect(model?.version).toBe(1);
    expect(await rt.store.models.latest(rt.sandboxMemberId!, 'lead')).toBeNull(); // a deal question trains deals only
    const meta = model!.meta as { counts: { train: { success: number; failure: number }; test: { success: number; failure: number } }; metrics: { auc: number }; columns: { name: string }[] };
    const closed = meta.counts.train.success + meta.counts.train.failure + meta.counts.test.success + meta.counts.test.failure;
    expect(closed).toBeGreaterThanOrEqual(1000);
    expect(meta.metrics.auc).toBeGreaterThan(0.6);
    // The windows and the activity text were built from the export (not dropped as empty).
    expect(meta.columns.map((c) => c.name)).toEqual(expect.arrayContaining(['activities_30d', 'calls_7d', 'activity_text', 'OPPORTUNITY']));
    expect((await rt.store.models.scores(rt.sandboxMemberId!, 'deal', id)).length).toBe(1);
  });

  it('looks deals up by title words through crm.deal.list', async () => {
    const account = { memberId: rt.sandboxMemberId!, userId: 1 };
    const several = await rt.actions.scoreLead(account, { query: 'сделка', entity: 'deal' });
    expect(several.kind).toBe('ambiguous');
    expect(several.kind === 'ambiguous' && several.options.length).toBe(5);
    expect(several.kind === 'ambiguous' && several.options.every((o) => /^Сделка: /.test(o.title))).toBe(true);
    expect(await rt.actions.scoreLead(account, { query: 'нет такой сделки нигде', entity: 'deal' })).toMatchObject({ kind: 'not-found', entity: 'deal' });
  });

  it('retrains deals through the job queue', async () => {
    const id = await rt.trainingQueue.enqueue({ memberId: rt.sandboxMemberId!, entity: 'deal' });
    await rt.trainingQueue.drain();
    expect(await rt.store.jobs.get(id)).toMatchObject({ state: 'done', progress: 1, message: 'model version 2 trained' });
  });
});
