import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run as train } from '../../src/commands/train';
import { run as score } from '../../src/commands/score';
import { seededRng } from '../../src/util/prng';

describe('score command', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b24-score-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const capture = async (f: () => Promise<number>) => {
    const out: string[] = [];
    const w = jest.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    const e = jest.spyOn(process.stderr, 'write').mockImplementation((s) => (out.push(String(s)), true));
    try {
      return { code: await f(), out: out.join('') };
    } finally {
      w.mockRestore();
      e.mockRestore();
    }
  };

  it('writes each row probability with a model trained by the train command, and refuses a CSV that lacks its columns', async () => {
    const r = seededRng(9);
    const rows = ['id,calls,source,won'];
    for (let i = 1; i <= 400; i++) {
      const calls = Math.floor(r() * 6);
      const source = r() < 0.5 ? 'web' : 'call';
      rows.push(`${i},${calls},${source},${r() < 0.1 + calls * 0.15 ? 'yes' : 'no'}`);
    }
    fs.writeFileSync(path.join(dir, 'leads.csv'), rows.join('\n'));
    const model = path.join(dir, 'm.json');
    expect((await capture(() => train(['--csv', path.join(dir, 'leads.csv'), '--target', 'won', '--drop', 'id', '--model', model, '--json']))).code).toBe(0);
    fs.writeFileSync(path.join(dir, 'new.csv'), 'id,calls,source\n501,0,web\n502,5,call\n');
    const res = await capture(() => score(['--model', model, '--csv', path.join(dir, 'new.csv'), '--id', 'id']));
    expect(res.code).toBe(0);
    const [head, a, b] = res.out.trim().split('\n');
    expect(head).toBe('id,probability');
    const pa = Number(a!.split(',')[1]);
    const pb = Number(b!.split(',')[1]);
    expect(pb).toBeGreaterThan(pa); // five calls beat none
    fs.writeFileSync(path.join(dir, 'bad.csv'), 'x,y\n1,2\n');
    const bad = await capture(() => score(['--model', model, '--csv', path.join(dir, 'bad.csv')]));
    expect(bad.code).toBe(2);
    expect(bad.out).toMatch(/lacks columns the model was trained on: calls, source/);
  });

  it('train --json reports brier, ece, the chosen C with its CV AUC and searchSeconds; --C skips the search; --prior pulls toward a model', async () => {
    const r = seededRng(10);
    const rows = ['calls,source,won,part'];
    for (let i = 1; i <= 600; i++) {
      const calls = Math.floor(r() * 6);
      const source = r() < 0.5 ? 'web' : 'call';
      rows.push(`${calls},${source},${r() < 0.05 + calls * 0.08 ? 'yes' : 'no'},${i % 4 === 0 ? 'test' : 'train'}`);
    }
    const csv = path.join(dir, 'split.csv');
    fs.writeFileSync(csv, rows.join('\n'));
    const a = await capture(() => train(['--csv', csv, '--target', 'won', '--split-column', 'part', '--json']));
    expect(a.code).toBe(0);
    const j = JSON.parse(a.out);
    expect(j.brier).toBeGreaterThan(0);
    expect(j.ece).toBeGreaterThanOrEqual(0);
    expect(j.ece).toBeLessThan(0.1);
    expect([0.01, 0.03, 0.1, 0.3, 1, 3]).toContain(j.C);
    expect(j.cvAuc).toBeGreaterThan(0.5);
    expect(j.searchSeconds).toBeGreaterThan(0);
    expect(j.trainSeconds).toBeGreaterThan(0);
    const fixed = JSON.parse((await capture(() => train(['--csv', csv, '--target', 'won', '--split-column', 'part', '--C', '0.5', '--json', '--model', path.join(dir, 'prior.json')]))).out);
    expect([fixed.C, fixed.cvAuc, fixed.searchSeconds]).toEqual([0.5, null, 0]);
    const pulled = await capture(() => train(['--csv', csv, '--target', 'won', '--split-column', 'part', '--prior', path.join(dir, 'prior.json'), '--json']));
    expect(pulled.code).toBe(0);
    expect(JSON.parse(pulled.out).prior).toBe(path.join(dir, 'prior.json'));
    const bad = await capture(() => train(['--csv', csv, '--target', 'won', '--prior', path.join(dir, 'split.csv')]));
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/--prior .*split\.csv: the model file is not JSON/);
  });
});
