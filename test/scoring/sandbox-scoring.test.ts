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
});
