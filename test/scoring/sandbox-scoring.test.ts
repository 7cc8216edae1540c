/** "Какой скоринг у лида N" end to end: the sandbox portal's CRM exported through the SDK, a model trained, the answer said. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { createLogger, startRuntime, type Runtime } from '../../src/runtime';

describe('lead scores through the dialogue and the sandbox portal', () => {
  let dir: string;
  let rt: Runtime;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b24-scoring-'));
    rt = await startRuntime(loadConfig({ DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', SCORING_MIN_CLOSED: '1000' }), { log: createLogger('silent'), sandboxLeads: 1500 });
  });
  afterAll(async () => {
    await rt.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const say = (text: string) => rt.dialog.handle({ channel: 'console', sessionKey: 'score', account: { memberId: rt.sandboxMemberId!, userId: 1 }, text, locale: 'ru', timeZone: 'Europe/Moscow', now: new Date() });

  it('trains a model on first demand and answers with probability, reasons and quality', async () => {
    const r = await say('Какой скоринг у лида 17?');
    expect(r.text).toMatch(/^Лид «.+»: вероятность успеха \d+%, (низкая|средняя|высокая)\. Сильнее всего повлияли: .+\. Точность модели \d+%\.$/);
    const model = await rt.store.models.latest(rt.sandboxMemberId!, 'lead');
    expect(model?.version).toBe(1);
    expect((await say('оцени лид номер девяносто девять тысяч')).text).toBe('Не нашёл такой записи в CRM.');
  });
});
