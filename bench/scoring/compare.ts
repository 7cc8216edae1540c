/**
 * AUC beside scikit-learn on the public CRM data sets, same rows, same split, same protocol.
 * Run: npx tsx bench/scoring/compare.ts   (installs python3-sklearn if missing)
 *
 * For each data set, two splits: scikit-learn's own (train_test_split, stratified, seed 42)
 * and ours (seeded stratified 75/25); on each, both pipelines are fitted and evaluated on
 * the same test rows. Ours is run with its default class balancing (upsampling) and without.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseCsv } from '../../src/scoring/csv';
import { detectColumns } from '../../src/scoring/dataset';
import { resolveTarget, trainTable, type TrainOptions } from '../../src/scoring/pipeline';
import { stratifiedSplit } from '../../src/scoring/split';
import { ensureSklearn, runSklearn } from './sklearn';

// The public CRM data sets (13 MB) stay outside the repository: ../shared/data/crm beside it, or B24_CRM_DATA.
const DATA = process.env.B24_CRM_DATA ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'data', 'crm');
const sets = [
  { name: 'bank-additional without duration', file: 'bank-additional-full.csv', target: 'y', drop: ['duration'] },
  { name: 'bank-full without duration', file: 'bank-full.csv', target: 'y', drop: ['duration'] },
  { name: 'Leads without Tags, Lead Quality', file: 'Leads.csv', target: 'Converted', drop: ['Tags', 'Lead Quality'] },
];

const clock = () => performance.now() / 1000;

function main(): void {
  const version = ensureSklearn();
  console.log(`scikit-learn ${version} (lbfgs, C=1) vs b24-assistant (trust-region Newton, C=1); AUC on the same 25% test rows\n`);
  console.log(['data set', 'split', 'sklearn AUC', 'ours AUC', 'Δ', 'ours (upsampled) AUC', 'sklearn fit s', 'ours fit s'].join(' | '));
  let worst = 0;
  for (const s of sets) {
    const csv = `${DATA}/${s.file}`;
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
      const base: TrainOptions = { target: s.target, positive, drop: s.drop, splitColumn: '__split', clock };
      const plain = trainTable(withSplit, { ...base, balance: 'none' }).model.meta;
      const up = trainTable(withSplit, { ...base, balance: 'upsample' }).model.meta;
      const delta = plain.metrics.auc - ref.auc;
      worst = Math.max(worst, Math.abs(delta));
      console.log(
        [s.name, which, ref.auc.toFixed(4), plain.metrics.auc.toFixed(4), (delta >= 0 ? '+' : '') + delta.toFixed(4), up.metrics.auc.toFixed(4), ref.fitSeconds.toFixed(3), plain.trainSeconds.toFixed(3)].join(' | '),
      );
    }
  }
  console.log(`\nlargest |Δ AUC| (no balancing, same split): ${worst.toFixed(4)} — bar 0.003: ${worst <= 0.003 ? 'met' : 'NOT met'}`);
}

main();
