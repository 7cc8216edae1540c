/**
 * AUC beside scikit-learn on the public CRM data sets, same rows, same split, same protocol.
 * Run: npx tsx bench/scoring/compare.ts   (installs python3-sklearn if missing)
 *
 * For each data set, two splits: scikit-learn's own (train_test_split, stratified, seed 42)
 * and ours (seeded stratified 75/25); on each, both pipelines are fitted and evaluated on
 * the same test rows. Ours is run with its default class balancing (upsampling) and without.
 *
 * Then calibration, the way a user meets it: `train --csv … --json` (upsampling, prior
 * correction, C chosen by cross-validation — the defaults) on scikit-learn's split passed with
 * --split-column; its ECE (10 equal-width bins) and Brier score beside scikit-learn's L2 model
 * (C = 1) trained without upsampling on the same split. Bars: ECE ≤ 0.02, |Δ Brier| ≤ 0.005.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseCsv } from '../../src/scoring/csv';
import { detectColumns } from '../../src/scoring/dataset';
import { resolveTarget, trainTable, type TrainOptions } from '../../src/scoring/pipeline';
import { stratifiedSplit } from '../../src/scoring/split';
import { ensureSklearn, runSklearn } from './sklearn';
import { crmDataFile } from './crm-data';
import { TS_NODE_ARGS } from '../ts-node-args';

const sets = [
  { name: 'bank-additional without duration', file: 'bank-additional-full.csv', target: 'y', drop: ['duration'] },
  { name: 'bank-full without duration', file: 'bank-full.csv', target: 'y', drop: ['duration'] },
  { name: 'Leads without Tags, Lead Quality', file: 'Leads.csv', target: 'Converted', drop: ['Tags', 'Lead Quality'] },
];

const clock = () => performance.now() / 1000;
const ROOT = path.join(__dirname, '..', '..');

const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;

/** `train --csv … --json` in a child process, exactly as a user runs it. */
function trainCli(file: string, target: string, drop: string[]): Record<string, number> {
  const out = execFileSync(process.execPath, [...TS_NODE_ARGS, path.join(ROOT, 'src/main.ts'), 'train', '--csv', file, '--target', target, '--drop', drop.join(','), '--split-column', '__split', '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  return JSON.parse(out.trim().split('\n').pop()!) as Record<string, number>;
}

function main(): void {
  const version = ensureSklearn();
  console.log(`scikit-learn ${version} (lbfgs, C=1) vs b24-assistant (trust-region Newton, C=1); AUC on the same 25% test rows\n`);
  console.log(['data set', 'split', 'sklearn AUC', 'ours AUC', 'Δ', 'ours (upsampled) AUC', 'sklearn fit s', 'ours fit s'].join(' | '));
  let worst = 0;
  const calibrationRows: string[] = [];
  let calibrationMet = true;
  for (const s of sets) {
    const csv = crmDataFile(s.file);
    const table = parseCsv(fs.readFileSync(csv, 'utf8'));
    const { labels, keep, positive } = resolveTarget(table, s.target);
    const rows = keep.map((i) => table.rows[i]!);
    const kept = { header: table.header, rows };
    const columns = detectColumns(kept, new Set([s.target, ...s.drop]));
    const kinds = Object.fromEntries(columns.filter((c) => c.kind !== 'identifier').map((c) => [c.name, c.kind]));
    const ourSplit = stratifiedSplit(labels, 0.25, 42);
    for (const which of ['sklearn', 'ours'] as const) {
      const ref = runSklearn({ csv, sep: table.separator, target: s.target, positive, kinds, test: which === 'ours' ? Array.from(ourSplit.test) : null });
      const isTest = new Uint8Array(rows.length);
      for (const i of ref.testIndices) isTest[i] = 1;
      const withSplit = { header: [...kept.header, '__split'], rows: rows.map((r, i) => [...r, isTest[i] ? 'test' : 'train']) };
      // C = 1 as scikit-learn's: this table compares the solvers, not the choice of C.
      const base: TrainOptions = { target: s.target, positive, drop: s.drop, splitColumn: '__split', clock, C: 1 };
      const plain = trainTable(withSplit, { ...base, balance: 'none' }).model.meta;
      const up = trainTable(withSplit, { ...base, balance: 'upsample' }).model.meta;
      const delta = plain.metrics.auc - ref.auc;
      worst = Math.max(worst, Math.abs(delta));
      console.log(
        [s.name, which, ref.auc.toFixed(4), plain.metrics.auc.toFixed(4), (delta >= 0 ? '+' : '') + delta.toFixed(4), up.metrics.auc.toFixed(4), ref.fitSeconds.toFixed(3), plain.trainSeconds.toFixed(3)].join(' | '),
      );
      if (which !== 'sklearn') continue;
      // The CLI on the same rows with scikit-learn's split in a column.
      const tmp = path.join(os.tmpdir(), `b24-compare-${process.pid}.csv`);
      const sep = table.separator;
      fs.writeFileSync(tmp, [withSplit.header, ...withSplit.rows].map((r) => r.map(quote).join(sep)).join('\n') + '\n');
      try {
        const cli = trainCli(tmp, s.target, s.drop);
        const dBrier = cli.brier! - ref.brier;
        const met = cli.ece! <= 0.02 && Math.abs(dBrier) <= 0.005;
        calibrationMet &&= met;
        calibrationRows.push(
          [s.name, cli.auc!.toFixed(4), cli.ece!.toFixed(4), ref.ece.toFixed(4), cli.brier!.toFixed(4), ref.brier.toFixed(4), (dBrier >= 0 ? '+' : '') + dBrier.toFixed(4), String(cli.C), cli.cvAuc!.toFixed(4), cli.searchSeconds!.toFixed(2), cli.trainSeconds!.toFixed(3), met ? 'met' : 'NOT met'].join(' | '),
        );
      } finally {
        fs.rmSync(tmp, { force: true });
      }
    }
  }
  console.log(`\nlargest |Δ AUC| (no balancing, same split): ${worst.toFixed(4)} — bar 0.003: ${worst <= 0.003 ? 'met' : 'NOT met'}`);
  console.log('\ncalibration: train --csv … --split-column (defaults: upsampled, prior-corrected, C by 3-fold CV) vs scikit-learn L2 C=1 without upsampling, scikit-learn\'s split');
  console.log(['data set', 'ours AUC', 'ours ECE', 'sklearn ECE', 'ours Brier', 'sklearn Brier', 'Δ Brier', 'chosen C', 'CV AUC', 'search s', 'fit s', 'ECE ≤ 0.02, |Δ Brier| ≤ 0.005'].join(' | '));
  for (const r of calibrationRows) console.log(r);
  console.log(`calibration bars: ${calibrationMet ? 'met' : 'NOT met'}`);
}

main();
