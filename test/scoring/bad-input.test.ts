/** Bad CSVs to `train` get a clear error and exit code 1, never a crash; quantile edges with ties. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run as train } from '../../src/commands/train';
import { quantileEdges } from '../../src/scoring/dataset';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b24-badcsv-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function trainOn(csv: string, extra: string[] = []): Promise<{ code: number; err: string }> {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.csv`);
  fs.writeFileSync(file, csv);
  const err: string[] = [];
  const e = jest.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  const o = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    return { code: await train(['--csv', file, '--target', 'won', ...extra]), err: err.join('') };
  } finally {
    e.mockRestore();
    o.mockRestore();
  }
}

const rows = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('\n');

describe('train on bad input', () => {
  it.each([
    ['an empty file', ''],
    ['one row', 'calls,won\n1,yes'],
    ['a target with one class', `calls,won\n${rows(100, (i) => `${i % 5},yes`)}`],
    ['a wrong separator (the target is not a column)', `calls;won\n${rows(100, (i) => `${i % 5};${i % 2 ? 'yes' : 'no'}`)}`],
    ['ragged rows', `calls,source,won\n${rows(100, (i) => (i === 50 ? '1,web' : `${i % 5},web,${i % 2 ? 'yes' : 'no'}`))},extra`],
  ])('%s → a clear error', async (_name, csv) => {
    const r = await trainOn(csv, _name.startsWith('a wrong') ? ['--sep', ','] : []);
    expect(r.code).toBe(1); // the train command's exit code for data it cannot use
    expect(r.err).toMatch(/^train: \S.{10,}/);
  });

  it('an all-missing column is named, with the way out', async () => {
    const r = await trainOn(`calls,notes,won\n${rows(100, (i) => `${i % 5},,${i % 3 ? 'yes' : 'no'}`)}`);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/notes/);
    const ok = await trainOn(`calls,notes,won\n${rows(100, (i) => `${i % 5},,${i % 3 ? 'yes' : 'no'}`)}`, ['--drop', 'notes']);
    expect(ok.code).toBe(0);
  });
});

describe('quantileEdges', () => {
  it('collapses duplicate edges and keeps one bin per value for few distinct values', () => {
    const sorted = [1, 1, 1, 1, 1, 1, 1, 1, 2, 3];
    const edges = quantileEdges(sorted, 10);
    expect(new Set(edges).size).toBe(edges.length);
    expect(edges.every((e, i) => i === 0 || e > edges[i - 1]!)).toBe(true);
    const many = Array.from({ length: 1000 }, (_, i) => Math.floor(i / 100)); // 10 values, 100 each
    expect(quantileEdges(many, 10).length).toBeLessThanOrEqual(9);
  });
});
