/**
 * "AI-скоринг": per entity the model's status, counts, metrics, ROC and PR curves, the threshold
 * slider (assets/scoring.js moves the numbers live), the strongest features and the retrain button.
 */
import type { DataCounts, Entity } from '../deps';
import { esc, escNames, fmtDate, fmtInt, jsonScript, page, pct } from '../html';
import { operatingPoint, type FeatureWeight, type ModelView } from '../model-view';
import { reliability, unitCurve } from '../svg';
import type { Translate } from '../texts';
import type { PageCtx } from './context';
import { binInWords, featureInWords, scoringWords, type UserNames } from '../../scoring/explain';

export interface EntityPanelData {
  entity: Entity;
  model: ModelView | null;
  /** Closed-record counts; shown when there is no model. */
  counts?: DataCounts;
  /** A job already running for this entity. */
  runningJob?: string;
  canRetrain: boolean;
  /** The newest training run, when it failed after the model in use was made: its outcome as a code and numbers. */
  lastFailure?: { at: number; code: string; vars: Record<string, number> };
  /** The portal's users by id: "ответственный — Иван Сергеев" in the feature list, not a number. */
  names?: UserNames;
}

/** Outcome codes the pages have words for (texts.yaml, `scoring.error_<code>`); any other is said as `error_unknown`. */
export const FAILURE_CODES = ['not_enough_data', 'timeout', 'no_model', 'unknown'] as const;

/** A failed training run in the page's language, numbers in its format ("2 000" / "2,000"). */
export function failureText(t: Translate, lang: PageCtx['lang'], f: { code: string; vars: Record<string, number> }): string {
  const code = (FAILURE_CODES as readonly string[]).includes(f.code) ? f.code : 'unknown';
  const vars = Object.fromEntries(Object.entries(f.vars).map(([k, v]) => [k, fmtInt(v, lang)]));
  return t(`scoring.error_${code}`, vars);
}

export const ENTITIES: readonly Entity[] = ['lead', 'deal'];

/**
 * A feature as the card's reasons say it, for the dashboard's list: a bin as a range with its unit
 * ("от 4 до 6 входящих звонков", "клиент отвечает в среднем за от 2 до 3 часов" is avoided by the
 * grammar's sentences), a category by its name, a flag as a fact; the column name when the grammar
 * has no words for it.
 */
export function featureText(t: Translate, f: FeatureWeight, lang: string, names?: UserNames): string {
  const l = lang === 'en' ? 'en' : 'ru';
  const words = scoringWords(l);
  let said: string | null = null;
  // A binary flag whose level is the empty value is the column said as missing ("UTM-источник не указан").
  if (f.value === '\u0000missing' || (f.kind === 'binary' && !f.value.trim())) said = words.features[f.column]?.missing ?? (words.features[f.column] ? `${binInWords(f.column, undefined, undefined, l, words) ?? f.column}` : null);
  else if (f.value === '\u0000other') said = words.features[f.column]?.value?.replace('{value}', t('scoring.other')) ?? null;
  else if (f.kind === 'numeric' && f.range) said = binInWords(f.column, f.range.lo, f.range.hi, l, words);
  else said = featureInWords(f.column, f.value, l, { words, names });
  if (!said) {
    const v = f.value === '\u0000missing' ? t('scoring.missing') : f.value === '\u0000other' ? t('scoring.other') : f.value;
    return v ? `${f.column}: ${v}` : f.column;
  }
  return said.charAt(0).toUpperCase() + said.slice(1);
}

function countsTable(ctx: PageCtx, m: ModelView): string {
  const { t, lang } = ctx;
  if (!m.counts) return '';
  const row = (label: string, c: { success: number; failure: number }) => `<tr><th scope="row">${esc(label)}</th><td>${fmtInt(c.success, lang)}</td><td>${fmtInt(c.failure, lang)}</td></tr>`;
  return (
    `<h3>${esc(t('scoring.counts_title'))}</h3><table class="counts"><thead><tr><td></td><th scope="col">${esc(t('scoring.counts_success'))}</th><th scope="col">${esc(t('scoring.counts_failure'))}</th></tr></thead>` +
    `<tbody>${row(t('scoring.counts_train'), m.counts.train)}${row(t('scoring.counts_test'), m.counts.test)}</tbody></table>`
  );
}

function metric(id: string, label: string, value: string): string {
  return `<div class="metric"><div class="muted" id="${id}-l">${esc(label)}</div><div class="v" id="${id}" aria-labelledby="${id}-l">${esc(value)}</div></div>`;
}

function modelBlock(ctx: PageCtx, e: Entity, m: ModelView, names?: UserNames): string {
  const { t } = ctx;
  const op = operatingPoint(m.curve, m.positives, m.negatives, m.threshold);
  const rocPts = m.curve.map((p) => ({ x: p.fpr, y: p.tpr }));
  const prPts = m.curve.filter((p) => Number.isFinite(p.threshold)).map((p) => ({ x: p.recall, y: p.precision }));
  const features = m.features.length
    ? `<table class="features"><thead><tr><th scope="col">${esc(t('scoring.feature'))}</th><th scope="col">${esc(t('scoring.weight'))}</th><th scope="col"><span class="sr">±</span></th></tr></thead><tbody>${m.features
        .map((f) => {
          const max = Math.abs(m.features[0]!.weight) || 1;
          const w = Math.round((Math.abs(f.weight) / max) * 80);
          return `<tr><td>${escNames(featureText(t, f, ctx.lang, names), names?.values())}</td><td>${f.weight >= 0 ? '+' : '−'}${Math.abs(f.weight).toFixed(2)}</td><td><span class="bar ${f.weight >= 0 ? 'up' : 'down'}" style="width:${w}px" aria-hidden="true"></span> <span class="muted">${esc(t(f.weight >= 0 ? 'scoring.raises' : 'scoring.lowers'))}</span></td></tr>`;
        })
        .join('')}</tbody></table>`
    : `<p class="muted">${esc(t('scoring.features_none'))}</p>`;
  const id = (s: string) => `${e}-${s}`;
  const cell = (k: 'tp' | 'fp' | 'tn' | 'fn', cls: string) => `<td id="${id(k)}" class="${cls}">${op[k]}</td>`;
  return (
    countsTable(ctx, m) +
    `<h3>${esc(t('scoring.metrics_title'))}</h3><div class="metrics">` +
    metric(id('auc'), t('scoring.auc'), Number.isFinite(m.auc) ? m.auc.toFixed(3) : '—') +
    metric(id('precision'), t('scoring.precision'), pct(op.precision, 1)) +
    metric(id('recall'), t('scoring.recall'), pct(op.recall, 1)) +
    metric(id('fpr'), t('scoring.fpr'), pct(op.fpr, 1)) +
    metric(id('accuracy'), t('scoring.accuracy'), pct(op.accuracy, 1)) +
    (m.calibration ? metric(id('ece'), t('scoring.ece'), pct(m.calibration.ece, 1)) + metric(id('brier'), t('scoring.brier'), m.calibration.brier.toFixed(3)) : '') +
    (m.C !== undefined ? metric(id('c'), t('scoring.c'), m.cvAuc !== undefined ? t('scoring.c_cv', { C: String(m.C), auc: m.cvAuc.toFixed(3) }) : String(m.C)) : '') +
    `</div><div class="panel" style="background:#fff"><label for="${id('threshold')}">${esc(t('scoring.threshold'))}: <output id="${id('threshold-out')}" for="${id('threshold')}">${m.threshold.toFixed(2)}</output></label>` +
    `<input class="slider" type="range" id="${id('threshold')}" data-entity="${e}" min="0.01" max="0.99" step="0.01" value="${m.threshold.toFixed(2)}" aria-describedby="${id('threshold-hint')}">` +
    `<p class="muted" id="${id('threshold-hint')}">${esc(t('scoring.threshold_hint'))}</p>` +
    `<table class="confusion" aria-label="${esc(t('scoring.confusion_title'))}"><caption>${esc(t('scoring.confusion_title'))}</caption><thead><tr><td></td><th scope="col">${esc(t('scoring.predicted'))}: ${esc(t('scoring.success'))}</th><th scope="col">${esc(t('scoring.predicted'))}: ${esc(t('scoring.failure'))}</th></tr></thead>` +
    `<tbody><tr><th scope="row">${esc(t('scoring.actual'))}: ${esc(t('scoring.success'))}</th>${cell('tp', 'hit')}${cell('fn', 'miss')}</tr><tr><th scope="row">${esc(t('scoring.actual'))}: ${esc(t('scoring.failure'))}</th>${cell('fp', 'miss')}${cell('tn', 'hit')}</tr></tbody></table></div>` +
    `<div class="grid"><div>` +
    unitCurve(rocPts, { id: id('roc'), title: t('scoring.roc_title'), desc: `${t('scoring.auc')} ${Number.isFinite(m.auc) ? m.auc.toFixed(3) : '—'}`, xLabel: t('scoring.roc_x'), yLabel: t('scoring.roc_y'), diagonal: true, marker: { x: op.fpr, y: op.recall } }) +
    `</div><div>` +
    unitCurve(prPts, { id: id('pr'), title: t('scoring.pr_title'), desc: `${t('scoring.precision')} ${pct(op.precision, 1)}, ${t('scoring.recall')} ${pct(op.recall, 1)}`, xLabel: t('scoring.pr_x'), yLabel: t('scoring.pr_y'), marker: { x: op.recall, y: op.precision } }) +
    `</div>` +
    (m.calibration
      ? `<div>` +
        reliability(m.calibration.bins, {
          id: id('reliability'),
          title: t('scoring.reliability_title'),
          desc: m.calibration.bins
            .filter((b) => b.count > 0)
            .map((b) => t('scoring.reliability_bin', { lo: Math.round(b.lo * 100), hi: Math.round(b.hi * 100), observed: Math.round(b.observed * 100), count: b.count }))
            .join('; '),
          xLabel: t('scoring.reliability_x'),
          yLabel: t('scoring.reliability_y'),
        }) +
        `<p class="muted">${esc(t('scoring.reliability_hint'))}</p></div>`
      : '') +
    `</div><h3>${esc(t('scoring.features_title'))}</h3>${features}` +
    jsonScript(id('curve'), { positives: m.positives, negatives: m.negatives, curve: m.curve.map((p) => [Number.isFinite(p.threshold) ? p.threshold : null, p.tpr, p.fpr]) })
  );
}

export function entityPanel(ctx: PageCtx, d: EntityPanelData): string {
  const { t, lang } = ctx;
  const e = d.entity;
  const m = d.model;
  const status = m
    ? `<p><strong>${esc(t('scoring.status_ready'))}</strong> · <span id="${e}-version" data-version="${m.version}">${esc(t('scoring.version', { version: m.version }))}</span> · ${esc(t('scoring.trained_at', { date: fmtDate(m.trainedAt, lang, true) }))}</p>` +
      `<p>${esc(t('scoring.next_training', { date: fmtDate(m.nextTrainingAt, lang) }))}</p>`
    : `<p><strong>${esc(t('scoring.status_none'))}</strong></p>`;
  const counts = d.counts;
  // No model yet: either the portal has enough closed records and can train now, or it has too few
  // and a Retrain button could only fail — then the counts are said instead of the button.
  const canTrainNow = !m && counts !== undefined && counts.closed >= counts.required;
  const notEnough =
    !m && counts
      ? canTrainNow
        ? `<p class="note" id="${e}-can-train">${esc(t('scoring.can_train', { closed: fmtInt(counts.closed, lang), required: fmtInt(counts.required, lang), success: fmtInt(counts.success, lang), failure: fmtInt(counts.failure, lang) }))}</p>`
        : `<p class="note" id="${e}-not-enough">${esc(t('scoring.not_enough', { closed: fmtInt(counts.closed, lang), required: fmtInt(counts.required, lang), success: fmtInt(counts.success, lang), failure: fmtInt(counts.failure, lang) }))}</p>`
      : '';
  const retrain =
    d.canRetrain && (m || !counts || canTrainNow)
      ? `<div class="retrain"><button type="button" id="${e}-retrain" data-entity="${e}" ${d.runningJob ? `data-job="${esc(d.runningJob)}" disabled` : ''} aria-label="${esc(t(m ? 'scoring.retrain_label' : 'scoring.train_label', { entity: t(`scoring.entity_${e}`) }))}">${esc(t(m ? 'scoring.retrain' : 'scoring.train'))}</button>` +
        `<label for="${e}-progress" class="sr">${esc(t('scoring.progress_label'))}</label><progress id="${e}-progress" max="100" value="0" hidden></progress>` +
        `<p id="${e}-status" role="status" aria-live="polite"></p></div>`
      : '';
  const failed = d.lastFailure && !d.runningJob ? `<p class="note" id="${e}-last-failed">${esc(t('scoring.last_failed', { date: fmtDate(d.lastFailure.at, lang, true), message: failureText(t, lang, d.lastFailure) }))}</p>` : '';
  return (
    `<section class="panel entity" id="panel-${e}" data-entity="${e}" aria-labelledby="${e}-h"><h2 id="${e}-h">${esc(t(`scoring.entity_${e}`))}</h2>` +
    status + notEnough + failed + retrain + (m ? modelBlock(ctx, e, m, d.names) : '') + `</section>`
  );
}

/** Words the browser script needs (progress, outcome), in the viewer's language. */
function clientTexts(t: Translate): Record<string, string> {
  const keys = ['progress', 'queued', 'done', 'failed', 'busy', 'stage_export', 'stage_features', 'stage_fit', 'stage_evaluate', 'stage_save', 'stage_queued', ...FAILURE_CODES.map((c) => `error_${c}`)];
  return Object.fromEntries(keys.map((k) => [k, t(`scoring.${k}`)]));
}

export function scoringPage(ctx: PageCtx, panels: EntityPanelData[]): string {
  const { t, lang } = ctx;
  const body =
    `<h1>${esc(t('scoring.title'))}</h1><p>${esc(t('scoring.intro'))}</p>` +
    panels.map((p) => entityPanel(ctx, p)).join('') +
    jsonScript('scoring-config', { token: ctx.token, lang: ctx.lang, texts: clientTexts(t) });
  return page({ lang, t, title: t('scoring.title'), nav: { token: ctx.token, active: 'scoring' }, body, scripts: ['/app/assets/scoring.js'], demo: ctx.viewer.demo, otherLangHref: ctx.otherLangHref });
}
