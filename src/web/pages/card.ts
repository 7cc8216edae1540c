/** The lead / deal card tab ("AI-прогноз"): probability and level, the score over time, reasons, model quality. */
import type { LeadScoreAnswer } from '../../dialog/types';
import type { DataCounts, Entity } from '../deps';
import { esc, fmtDate, fmtInt, page, pct } from '../html';
import { timeSeries } from '../svg';
import type { PageCtx } from './context';
import { historyInWords, type HistoryPoint } from '../../scoring/history';
import { percentInWords, type UserNames } from '../../scoring/explain';

export interface CardModelInfo {
  version: number;
  trainedAt: number;
  nextTrainingAt: number;
  accuracy: number;
}

export interface CardData {
  entity: Entity;
  id: number;
  answer: LeadScoreAnswer;
  /** The record's score history, oldest first; points keep what made them (factors) since store version 6. */
  history: HistoryPoint[];
  model: CardModelInfo | null;
  counts?: DataCounts;
  /** The portal's users by id, so a point moved by a new responsible person names them. */
  names?: UserNames;
}

/** Rows of the history table: the newest points; older ones stay on the chart. */
const HISTORY_ROWS = 20;

/** Words for a model's quality (its AUC): "Качество модели (AUC) 87% — высокая". */
export function qualityWord(accuracy: number): 'high' | 'medium' | 'low' {
  return accuracy >= 0.8 ? 'high' : accuracy >= 0.65 ? 'medium' : 'low';
}

export function cardPage(ctx: PageCtx, d: CardData): string {
  const { t, lang } = ctx;
  const a = d.answer;
  let body = `<h1>${esc(t(`card.title_${d.entity}`))}</h1>`;
  if (a.kind === 'score') {
    body +=
      `<p class="muted"><span translate="no">${esc(a.title)}</span> · ${esc(t('card.number', { id: a.id }))}</p>` +
      `<section class="panel" aria-labelledby="prob-h"><h2 id="prob-h">${esc(t('card.probability'))}</h2>` +
      `<p><span class="big lvl-${a.level}" id="probability">${esc(a.percent ?? pct(a.probability).replace('%', ''))}%</span> <span class="lvl-${a.level}" id="level">${esc(t(`card.level_${a.level}`))}</span></p>` +
      // A small portal's model stands on the pooled prior: the card says so, with its own records' count.
      (a.preliminary ? `<p class="note" id="preliminary">${esc(t('card.preliminary', { records: fmtInt(a.preliminary.records, lang) }))}</p>` : '') +
      `</section>`;
    const pts = d.history.map((h) => ({ at: h.at, y: h.probability }));
    // Points within two days of each other differ by the hour, not the date.
    const span = pts.length ? Math.max(...pts.map((p) => p.at)) - Math.min(...pts.map((p) => p.at)) : 0;
    const tick = (ms: number) => fmtDate(ms, lang, span < 2 * 86_400_000);
    // What moved each point, said against the point before it (src/scoring/history.ts).
    const said = historyInWords(d.history, lang, { names: d.names });
    const percentOf = (p: number) => `${percentInWords(p, lang)}%`;
    body +=
      `<section aria-labelledby="hist-h"><h2 id="hist-h">${esc(t('card.history_title'))}</h2>` +
      (pts.length
        ? timeSeries(pts, {
            id: 'history',
            title: t('card.history_title'),
            desc: said.map((p) => `${fmtDate(p.at, lang, true)}: ${percentOf(p.probability)} (${p.text})`).join('; '),
            xLabel: t('card.history_x'),
            yLabel: t('card.history_y'),
            label: tick,
            note: (i) => said[i]!.text,
          }) +
          (pts.length < 2 ? `<p class="muted">${esc(t('card.history_empty'))}</p>` : '') +
          // Newest first, the last few: the latest change is what a manager looks for (the chart has them all).
          `<table id="history-points" class="history"><caption class="sr">${esc(t('card.history_table'))}</caption><thead><tr><th scope="col">${esc(t('card.history_x'))}</th><th scope="col">${esc(t('card.probability'))}</th><th scope="col">${esc(t('card.history_why'))}</th></tr></thead><tbody>` +
          said
            .slice(-HISTORY_ROWS)
            .map((p) => `<tr><td><time datetime="${new Date(p.at).toISOString()}">${esc(fmtDate(p.at, lang, true))}</time></td><td>${esc(percentOf(p.probability))}</td><td class="why">${esc(p.text)}</td></tr>`)
            .reverse()
            .join('') +
          `</tbody></table>`
        : `<p class="muted">${esc(t('card.history_empty'))}</p>`) +
      `</section>`;
    body +=
      `<section aria-labelledby="why-h"><h2 id="why-h">${esc(t('card.reasons_title'))}</h2>` +
      (a.reasons.length ? `<ul id="reasons">${a.reasons.map((r) => `<li>${esc(r)}</li>`).join('')}</ul>` : `<p class="muted">${esc(t('card.reasons_none'))}</p>`) +
      `</section>`;
    if (d.model) {
      // The model's quality is its AUC (how well it ranks), as the dialogue says it; accuracy at one threshold is the dashboard's.
      const acc = Number.isFinite(a.modelQuality.auc) ? a.modelQuality.auc : d.model.accuracy;
      body +=
        `<section class="panel" aria-label="${esc(t('scoring.metrics_title'))}"><p id="model-quality">${esc(t('card.model_quality', { percent: Math.round(acc * 100), quality: t(`scoring.quality_${qualityWord(acc)}`) }))}</p>` +
        `<p class="muted">${esc(t('card.model_line', { version: d.model.version, date: fmtDate(d.model.trainedAt, lang), next: fmtDate(d.model.nextTrainingAt, lang) }))}</p></section>`;
    }
  } else if (a.kind === 'no-model') {
    const c = d.counts ?? { closed: a.closed, required: a.required, success: 0, failure: 0 };
    body += `<p class="note" id="not-enough">${esc(t('scoring.not_enough', { closed: fmtInt(c.closed, lang), required: fmtInt(c.required, lang), success: fmtInt(c.success, lang), failure: fmtInt(c.failure, lang) }))}</p>`;
  } else if (a.kind === 'not-found') {
    body += `<p class="note" id="not-found">${esc(t('card.not_found', { id: d.id }))}</p>`;
  } else {
    body += `<p class="note">${esc(t('card.ambiguous'))}</p><ul>${a.options.map((o) => `<li><span translate="no">${esc(o.title)}</span> (${esc(t('card.number', { id: o.id }))})</li>`).join('')}</ul>`;
  }
  return page({ lang, t, title: t(`card.title_${d.entity}`), nav: { token: ctx.token, active: 'card' }, body, demo: ctx.viewer.demo, otherLangHref: ctx.otherLangHref });
}
