/** `train --portal`: a portal's CRM exported through the SDK (the sandbox served by a running runtime), a model saved, metrics printed. */
import { run as train, progressBars } from '../../src/commands/train';
import { startTestRuntime, type TestRuntime } from '../helpers/runtime';

describe('train --portal', () => {
  let t: TestRuntime;
  const saved = { DATA_DIR: process.env.DATA_DIR, SCORING_MIN_CLOSED: process.env.SCORING_MIN_CLOSED };
  beforeAll(async () => {
    t = await startTestRuntime({ SCORING_MIN_CLOSED: '1000' }, 1500);
    // The command reads the same configuration the server was started with.
    process.env.DATA_DIR = t.dir;
    process.env.SCORING_MIN_CLOSED = '1000';
  });
  afterAll(async () => {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
    await t.stop();
  });
  const capture = async (argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const w = jest.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    const e = jest.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
    try {
      return { code: await train(argv), out: out.join(''), err: err.join('') };
    } finally {
      w.mockRestore();
      e.mockRestore();
    }
  };

  it('trains the lead model of the portal named by member id, with export and training progress, and saves it', async () => {
    const memberId = t.rt.sandboxMemberId!;
    const r = await capture(['--portal', memberId, '--json']);
    expect(r.err).not.toMatch(/^train:/m);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out) as { version: number; entity: string; auc: number; counts: { train: { success: number; failure: number } }; nextTrainingAt: string; columns: string[] };
    expect(s).toMatchObject({ entity: 'lead', version: 1, trained: true });
    expect(s.auc).toBeGreaterThan(0.6);
    expect(s.columns).toEqual(expect.arrayContaining(['activities_7d', 'activity_text']));
    const rec = await t.rt.store.models.latest(memberId, 'lead');
    expect(rec?.version).toBe(1);
    expect(Date.parse(s.nextTrainingAt) - rec!.trainedAt).toBe(30 * 86_400_000);
    // Export bars count up to the portal's own totals; the training bar goes through the stages.
    expect(r.err).toMatch(/^export leads +\[#{30}\] 1,500 \/ 1,500 rows$/m);
    const acts = /^export activities +\[#{30}\] ([\d,]+) \/ ([\d,]+) rows$/m.exec(r.err);
    expect(acts?.[1]).toBe(acts?.[2]);
    expect(r.err).toMatch(/^training +\[.+\] fit$/m);
    expect(r.err).toMatch(/^training +\[#{30}\] done$/m);
  });

  it('by domain, for deals: refuses below the minimum with the counts; unknown portals and entities are usage errors', async () => {
    const domain = t.rt.sandbox!.info().domain;
    const r = await capture(['--portal', domain, '--entity', 'deal', '--json']);
    expect(r.code).toBe(1);
    const s = JSON.parse(r.out) as { trained: boolean; closed: number; success: number; failure: number; required: number };
    expect(s).toMatchObject({ trained: false, required: 1000 });
    expect(s.closed).toBe(s.success + s.failure);
    expect(s.closed).toBeGreaterThan(100);
    expect(r.err).toMatch(new RegExp(`train: not enough data: ${domain.replace(/\./g, '\\.')} has ${s.closed} closed deals \\(${s.success} successful, ${s.failure} failed\\); a model needs 1000`));
    expect(await t.rt.store.models.latest(t.rt.sandboxMemberId!, 'deal')).toBeNull();
    expect((await capture(['--portal', 'nowhere.example', '--quiet'])).code).toBe(2);
    expect((await capture(['--portal', domain, '--entity', 'contact'])).code).toBe(2);
  });

  it('without a value, takes the only installed portal and prints a readable summary', async () => {
    const r = await capture(['--portal', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/: lead model version 2, next retraining \d{4}-\d\d-\d\d\n/);
    expect(r.out).toMatch(/AUC 0\.\d{4}  Brier 0\.\d{4}  ECE 0\.\d{4}  C [\d.]+ \(chosen by 3-fold CV/);
    expect(r.out).toMatch(/precision \d+\.\d%  recall/);
  });
});

describe('progressBars', () => {
  it('on a terminal redraws one line per bar; elsewhere writes a line per tenth', () => {
    const tty: string[] = [];
    const a = progressBars({ isTTY: true, write: (s: string) => tty.push(s) }, 10);
    a.rows('export leads', 0, 200);
    a.rows('export leads', 100, 200);
    a.rows('export leads', 200, 200);
    a.stage('training', 'fit', 0.5);
    a.end();
    expect(tty.join('')).toBe('\rexport leads       [..........] 0 / 200 rows\rexport leads       [#####.....] 100 / 200 rows\rexport leads       [##########] 200 / 200 rows\n\rtraining           [#####.....] fit\n');
    const log: string[] = [];
    const b = progressBars({ isTTY: false, write: (s: string) => log.push(s) }, 10);
    for (let i = 0; i <= 1000; i += 50) b.rows('export activities', i, 1000);
    b.rows('export leads', 7, undefined);
    expect(log.length).toBe(11 + 1);
    expect(log[11]).toBe('export leads       [##########] 7 rows\n');
  });
});
