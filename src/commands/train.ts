/**
 * `b24-assistant train --csv FILE --target COLUMN [...]`: train a scoring model on a CSV and print
 * its quality. `train --portal MEMBER_ID|DOMAIN [--entity lead|deal]`: export a portal's leads or
 * deals and their activities through src/bitrix (the same path the server takes), train, save the
 * model as that portal's next version in the configured store, print its metrics; progress bars for
 * the export (rows of the portal's total) and the training stages go to stderr.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, type Args, type OptionSpec } from './args';
import { parseCsv } from '../scoring/csv';
import { DataError } from '../scoring/errors';
import { parseModel, serialiseModel, type ScoringModel } from '../scoring/model';
import { trainTable, type TrainOptions } from '../scoring/pipeline';
import type { Balance } from '../scoring/split';
import { loadConfig, isSandboxMode } from '../config';
import { openConfiguredStore } from '../store';
import { PortalClients, type AppCredentials } from '../bitrix/client';
import { portalCrmSource } from '../bitrix/crm-source';
import { createPortalScorer } from '../scoring/portal-scorer';
import { pooledMembers } from '../scoring/pooled';
import type { ModelMeta } from '../scoring/model';
import type { Metrics } from '../scoring/metrics';

/** The metrics both forms of `train` report, in their JSON and as text: ranking, calibration and the chosen C. */
const metricFields = (meta: ModelMeta) => {
  const m = meta.metrics;
  return {
    auc: m.auc,
    brier: meta.calibration?.brier ?? null,
    ece: meta.calibration?.ece ?? null,
    C: meta.C ?? null,
    cvAuc: meta.search?.cvAuc ?? null,
    cvRule: meta.search?.rule ?? null,
    precision: m.precision,
    recall: m.recall,
    f1: m.f1,
    accuracy: m.accuracy,
    fpr: m.fpr,
    threshold: m.threshold,
    confusion: m.confusion,
  };
};
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const metricLines = (meta: ModelMeta) => {
  const m: Metrics = meta.metrics;
  const c = meta.calibration;
  return [
    `AUC ${m.auc.toFixed(4)}${c ? `  Brier ${c.brier.toFixed(4)}  ECE ${c.ece.toFixed(4)}` : ''}  C ${meta.C ?? '?'}${meta.search ? ` (chosen by ${meta.search.folds}-fold CV${(meta.search.repeats ?? 1) > 1 ? ` ×${meta.search.repeats}` : ''} on ${meta.search.rows} rows${meta.search.rule === 'one-se' ? ', the strongest pull within one SE of the best' : ''}, CV AUC ${meta.search.cvAuc.toFixed(4)})` : ' (given)'}`,
    `precision ${pct(m.precision)}  recall ${pct(m.recall)}  F1 ${pct(m.f1)}  accuracy ${pct(m.accuracy)}  FPR ${pct(m.fpr)}  at threshold ${m.threshold}`,
    `confusion: tp ${m.confusion.tp}  fp ${m.confusion.fp}  tn ${m.confusion.tn}  fn ${m.confusion.fn}`,
  ];
};

export const usage = `usage: b24-assistant train --csv FILE --target COLUMN [--positive VALUE] [--sep ';']
         [--drop COL,COL] [--split-column COL] [--model OUT] [--json]
         [--balance upsample|weights|none] [--numeric bins|standard] [--seed N] [--C X] [--threshold P]
         [--prior MODEL.json]
  --C X           fix the regularisation (default: chosen by 3-fold cross-validation on the training part)
  --prior FILE    a model written by --model: use its bins and pull the weights toward its weights
                  (a small portal's model near a pooled one); the pull's C by 5-fold CV twice, the
                  strongest pull within one standard error of the best
       b24-assistant train --portal [MEMBER_ID|DOMAIN] [--entity lead|deal] [--json] [--quiet]
`;

function numberFlag(v: string | undefined, name: string, check: (n: number) => boolean): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || !check(n)) throw new DataError(`--${name}: bad value "${v}"`);
  return n;
}

/**
 * Progress bars on a stream: on a terminal one line redrawn in place per bar; elsewhere (a log, a
 * test) one line each time a bar passes another tenth, so the output stays short.
 */
export function progressBars(out: NodeJS.WriteStream | { isTTY?: boolean; write(s: string): unknown }, width = 30) {
  const tty = !!out.isTTY;
  let current = '';
  let lastTenth = -1;
  const fmt = (n: number) => n.toLocaleString('en-US');
  const draw = (label: string, fraction: number, tail: string) => {
    const f = Math.max(0, Math.min(1, fraction));
    const line = `${label.padEnd(18)} [${'#'.repeat(Math.round(f * width)).padEnd(width, '.')}] ${tail}`;
    if (label !== current) {
      if (tty && current) out.write('\n');
      current = label;
      lastTenth = -1;
    }
    if (tty) out.write(`\r${line}`);
    else {
      const tenth = Math.floor(f * 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        out.write(`${line}\n`);
      }
    }
  };
  return {
    rows(label: string, done: number, total: number | undefined) {
      const t = total ?? 0;
      draw(label, t > 0 ? done / t : done > 0 ? 1 : 0, t ? `${fmt(done)} / ${fmt(t)} rows` : `${fmt(done)} rows`);
    },
    stage(label: string, stage: string, fraction: number) {
      draw(label, fraction, stage);
    },
    end() {
      if (tty && current) out.write('\n');
      current = '';
    },
  };
}

/** The app credentials the server uses for this configuration (sandbox mode: kept in DATA_DIR by `npm start`). */
function appCredentials(config: ReturnType<typeof loadConfig>): AppCredentials {
  if (!isSandboxMode(config)) return { clientId: config.B24_CLIENT_ID!, clientSecret: config.B24_CLIENT_SECRET! };
  const file = path.join(config.DATA_DIR, 'sandbox-app.json');
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as AppCredentials;
  } catch {
    throw new DataError(`no ${file}: start the server once (npm start) so the sandbox portal installs the app`);
  }
}

async function trainPortal(args: Args): Promise<number> {
  const entity = args.get('entity') ?? 'lead';
  if (entity !== 'lead' && entity !== 'deal') {
    process.stderr.write(`train: --entity must be lead or deal, got "${entity}"\n`);
    return 2;
  }
  const json = args.has('json');
  const config = loadConfig();
  const store = await openConfiguredStore(config);
  try {
    const installs = await store.installs.list();
    const wanted = args.get('portal');
    const install = wanted
      ? ((await store.installs.get(wanted)) ?? (await store.installs.getByDomain(wanted)))
      : installs.length === 1
        ? installs[0]
        : undefined;
    if (!install) {
      process.stderr.write(
        installs.length === 0
          ? 'train: no portal installed; start the server once (npm start) so the sandbox portal installs the app\n'
          : wanted
            ? `train: no installed portal "${wanted}"; installed: ${installs.map((i) => `${i.domain} (${i.memberId})`).join(', ')}\n`
            : `train: name the portal with --portal: ${installs.map((i) => i.domain).join(', ')}\n`,
      );
      return 2;
    }
    let app: AppCredentials;
    try {
      app = appCredentials(config);
    } catch (e) {
      process.stderr.write(`train: ${(e as Error).message}\n`);
      return 2;
    }
    const clients = new PortalClients({ installs: store.installs, locks: store.locks, app });
    const scorer = createPortalScorer({ crm: portalCrmSource(clients), models: store.models, minClosed: config.SCORING_MIN_CLOSED, retrainDays: config.SCORING_RETRAIN_DAYS, pooled: async () => pooledMembers(config.SCORING_POOLED, await store.installs.list()) });
    const bars = progressBars(args.has('quiet') ? { isTTY: false, write: () => true } : process.stderr);
    const t0 = performance.now();
    let exportSeconds = 0;
    let refused;
    try {
      refused = await scorer.train(install.memberId, entity, undefined, {
        export: (what, done, total) => {
          bars.rows(`export ${what}`, done, total);
          exportSeconds = (performance.now() - t0) / 1000;
        },
        stage: (stage, f) => bars.stage('training', stage, f),
      });
    } catch (e) {
      bars.end();
      if (e instanceof DataError) {
        process.stderr.write(`train: ${e.message}\n`);
        return 1;
      }
      const hint = isSandboxMode(config) ? ' (the sandbox portal is served by the server: is npm start running?)' : '';
      process.stderr.write(`train: cannot export from ${install.domain}: ${(e as Error).message}${hint}\n`);
      return 1;
    }
    bars.end();
    const plural = entity === 'deal' ? 'deals' : 'leads';
    if (refused) {
      const msg = `${install.domain} has ${refused.closed} closed ${plural} (${refused.success} successful, ${refused.failure} failed); a model needs ${refused.required} (SCORING_MIN_CLOSED)`;
      if (json) process.stdout.write(`${JSON.stringify({ portal: install.domain, memberId: install.memberId, entity, trained: false, closed: refused.closed, success: refused.success, failure: refused.failure, required: refused.required })}\n`);
      process.stderr.write(`train: not enough data: ${msg}\n`);
      return 1;
    }
    const rec = (await store.models.latest(install.memberId, entity))!;
    const meta = rec.meta as unknown as ModelMeta;
    const summary = {
      portal: install.domain,
      memberId: install.memberId,
      entity,
      trained: true,
      version: rec.version,
      trainedAt: new Date(rec.trainedAt).toISOString(),
      nextTrainingAt: new Date(rec.nextTrainingAt).toISOString(),
      ...metricFields(meta),
      counts: meta.counts,
      rows: meta.rows,
      features: meta.features,
      columns: meta.columns.map((c) => c.name),
      exportSeconds,
      fitSeconds: meta.trainSeconds,
      searchSeconds: meta.searchSeconds ?? 0,
      totalSeconds: (performance.now() - t0) / 1000,
    };
    if (json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    else {
      process.stdout.write(
        [
          `${install.domain}: ${entity} model version ${rec.version}, next retraining ${summary.nextTrainingAt.slice(0, 10)}`,
          `closed ${plural}: train ${meta.counts.train.success} successes / ${meta.counts.train.failure} failures; test ${meta.counts.test.success} / ${meta.counts.test.failure}`,
          ...metricLines(meta),
          `export ${exportSeconds.toFixed(1)} s, C search ${(meta.searchSeconds ?? 0).toFixed(2)} s, fit ${meta.trainSeconds.toFixed(2)} s, ${meta.features} features from ${meta.columns.length} columns`,
          '',
        ].join('\n'),
      );
    }
    return 0;
  } finally {
    await store.close();
  }
}

export const options: OptionSpec = {
  flags: ['json', 'quiet'],
  values: ['csv', 'target', 'positive', 'sep', 'drop', 'split-column', 'model', 'balance', 'numeric', 'seed', 'C', 'threshold', 'entity', 'prior'],
  optionalValues: ['portal'],
};

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, options);
  if (args.has('portal')) return trainPortal(args);
  const csv = args.get('csv');
  const target = args.get('target');
  if (!csv || !target) {
    process.stderr.write(`train: --csv and --target are required\n${usage}`);
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
    const priorFile = args.get('prior');
    let prior: ScoringModel | undefined;
    if (priorFile !== undefined) {
      let priorText: string;
      try {
        priorText = fs.readFileSync(priorFile, 'utf8');
      } catch (e) {
        throw new DataError(`--prior: cannot read ${priorFile}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
      }
      try {
        prior = parseModel(priorText);
      } catch (e) {
        throw new DataError(`--prior ${priorFile}: ${(e as Error).message}`);
      }
    }
    const opts: TrainOptions = {
      prior,
      target,
      // A prior's weights mean "toward success" for its positive value: keep that side.
      positive: args.get('positive') ?? prior?.positive,
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
    const summary = {
      ...metricFields(model.meta),
      rows: model.meta.rows,
      skippedRows: skipped,
      features: model.meta.features,
      trainSeconds: model.meta.trainSeconds,
      searchSeconds: model.meta.searchSeconds ?? 0,
      cvGrid: model.meta.search?.grid ?? null,
      prior: priorFile ?? null,
      iterations: model.meta.iterations,
      converged: model.meta.converged,
      counts: model.meta.counts,
      columns: Object.fromEntries(model.meta.columns.map((c) => [c.name, c.kind])),
      positive: model.positive,
      model: out ?? null,
    };
    if (json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    else {
      const kinds = model.meta.columns.map((c) => `${c.name}:${c.kind}`).join(', ');
      process.stdout.write(
        [
          `rows ${summary.rows}${skipped ? ` (${skipped} without a target skipped)` : ''}, features ${summary.features}, positive "${model.positive}"`,
          `columns: ${kinds}`,
          `train ${summary.counts.train.success} successes / ${summary.counts.train.failure} failures; test ${summary.counts.test.success} / ${summary.counts.test.failure}`,
          ...metricLines(model.meta),
          `C search ${summary.searchSeconds.toFixed(3)} s, fit ${summary.trainSeconds.toFixed(3)} s, ${summary.iterations} Newton steps${summary.converged ? '' : ' (not converged)'}${out ? `; model written to ${out}` : ''}`,
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
