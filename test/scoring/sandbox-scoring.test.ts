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
    expect(r.text).toMatch(/^Лид «.+»: вероятность успеха \d+%, (низкая|средняя|высокая)\. Сильнее всего повлияли: .+\. Точность модели \d+%\.$/);
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
