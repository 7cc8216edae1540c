/**
 * `b24-assistant train --csv FILE --target COLUMN [...]`: train a scoring model on a CSV
 * and print its quality; `--portal` trains from a portal through src/bitrix's export.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from './args';
import { parseCsv } from '../scoring/csv';
import { DataError } from '../scoring/errors';
import { serialiseModel } from '../scoring/model';
import { trainTable, type TrainOptions } from '../scoring/pipeline';
import type { Balance } from '../scoring/split';

const USAGE = `usage: b24-assistant train --csv FILE --target COLUMN [--positive VALUE] [--sep ';']
         [--drop COL,COL] [--split-column COL] [--model OUT] [--json]
         [--balance upsample|weights|none] [--numeric bins|standard] [--seed N] [--C X] [--threshold P]
       b24-assistant train --portal MEMBER_ID [--entity lead|deal]
`;

function numberFlag(v: string | undefined, name: string, check: (n: number) => boolean): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || !check(n)) throw new DataError(`--${name}: bad value "${v}"`);
  return n;
}

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['json', 'help']);
  if (args.has('help')) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (args.has('portal')) {
    const exporter = path.join(__dirname, '..', 'bitrix', 'export.ts');
    if (!fs.existsSync(exporter)) {
      process.stderr.write('train --portal is not available yet: it needs the portal export in src/bitrix (a CrmSource); train from a CSV with --csv meanwhile\n');
      return 2;
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(exporter) as { trainPortalFromCli?: (argv: string[]) => Promise<number> };
    if (!mod.trainPortalFromCli) {
      process.stderr.write('train --portal is not available yet: src/bitrix/export.ts has no trainPortalFromCli export\n');
      return 2;
    }
    return mod.trainPortalFromCli(argv);
  }
  const csv = args.get('csv');
  const target = args.get('target');
  if (!csv || !target) {
    process.stderr.write(`train: --csv and --target are required\n${USAGE}`);
    return 2;
  }
  const json = args.has('json');
  try {
    let text: string;
    try {
      text = fs.readFileSync(csv, 'utf8');
    } catch (e) {
      throw new DataError(`cannot read ${csv}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
    const sep = args.get('sep');
    const table = parseCsv(text, sep === '\\t' ? '\t' : sep);
    const balance = args.get('balance') ?? 'upsample';
    if (!['upsample', 'weights', 'none'].includes(balance)) throw new DataError(`--balance must be upsample, weights or none, got "${balance}"`);
    const numeric = args.get('numeric') ?? 'bins';
    if (numeric !== 'bins' && numeric !== 'standard') throw new DataError(`--numeric must be bins or standard, got "${numeric}"`);
    const opts: TrainOptions = {
      target,
      positive: args.get('positive'),
      drop: args.get('drop')?.split(',').map((s) => s.trim()).filter(Boolean),
      splitColumn: args.get('split-column'),
      balance: balance as Balance,
      numeric,
      seed: numberFlag(args.get('seed'), 'seed', Number.isInteger),
      C: numberFlag(args.get('C'), 'C', (n) => n > 0),
      threshold: numberFlag(args.get('threshold'), 'threshold', (n) => n > 0 && n < 1),
      clock: () => performance.now() / 1000,
      onProgress: json || !process.stderr.isTTY ? undefined : (stage, f) => process.stderr.write(`\r${stage.padEnd(10)} ${'#'.repeat(Math.round(f * 30)).padEnd(30, '.')}`),
    };
    const { model, skipped } = trainTable(table, opts);
    if (opts.onProgress) process.stderr.write('\n');
    const out = args.get('model');
    if (out) fs.writeFileSync(out, serialiseModel(model));
    const m = model.meta.metrics;
    const summary = {
      auc: m.auc,
      precision: m.precision,
      recall: m.recall,
      f1: m.f1,
      accuracy: m.accuracy,
      fpr: m.fpr,
      threshold: m.threshold,
      confusion: m.confusion,
      rows: model.meta.rows,
      skippedRows: skipped,
      features: model.meta.features,
      trainSeconds: model.meta.trainSeconds,
      iterations: model.meta.iterations,
      converged: model.meta.converged,
      counts: model.meta.counts,
      columns: Object.fromEntries(model.meta.columns.map((c) => [c.name, c.kind])),
      positive: model.positive,
      model: out ?? null,
    };
    if (json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    else {
      const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
      const kinds = model.meta.columns.map((c) => `${c.name}:${c.kind}`).join(', ');
      process.stdout.write(
        [
          `rows ${summary.rows}${skipped ? ` (${skipped} without a target skipped)` : ''}, features ${summary.features}, positive "${model.positive}"`,
          `columns: ${kinds}`,
          `train ${summary.counts.train.success} successes / ${summary.counts.train.failure} failures; test ${summary.counts.test.success} / ${summary.counts.test.failure}`,
          `AUC ${m.auc.toFixed(4)}  precision ${pct(m.precision)}  recall ${pct(m.recall)}  F1 ${pct(m.f1)}  accuracy ${pct(m.accuracy)}  FPR ${pct(m.fpr)}  at threshold ${m.threshold}`,
          `confusion: tp ${m.confusion.tp}  fp ${m.confusion.fp}  tn ${m.confusion.tn}  fn ${m.confusion.fn}`,
          `fit ${summary.trainSeconds.toFixed(3)} s, ${summary.iterations} Newton steps${summary.converged ? '' : ' (not converged)'}${out ? `; model written to ${out}` : ''}`,
          '',
        ].join('\n'),
      );
    }
    return 0;
  } catch (e) {
    if (e instanceof DataError) {
      process.stderr.write(`train: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
