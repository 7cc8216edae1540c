/**
 * Server-rendered SVG charts: a unit-square curve (ROC, precision–recall) and a time series (the
 * score history). Accessible: role="img" with a title and a description that states the numbers.
 */
import { esc } from './html';

export interface XY {
  x: number;
  y: number;
}

export interface ChartOptions {
  id: string;
  title: string;
  desc: string;
  xLabel: string;
  yLabel: string;
  width?: number;
  height?: number;
}

const M = { left: 48, right: 14, top: 12, bottom: 40 };

const fmt = (n: number) => (Math.round(n * 10) / 10).toString();

function frame(o: ChartOptions, w: number, h: number, inner: string): string {
  return (
    `<svg id="${esc(o.id)}" viewBox="0 0 ${w} ${h}" width="100%" role="img" aria-labelledby="${esc(o.id)}-t ${esc(o.id)}-d" style="max-width:${w}px">` +
    `<title id="${esc(o.id)}-t">${esc(o.title)}</title><desc id="${esc(o.id)}-d">${esc(o.desc)}</desc>${inner}` +
    `<text x="${M.left + (w - M.left - M.right) / 2}" y="${h - 6}" text-anchor="middle" font-size="12">${esc(o.xLabel)}</text>` +
    `<text transform="translate(12 ${M.top + (h - M.top - M.bottom) / 2}) rotate(-90)" text-anchor="middle" font-size="12">${esc(o.yLabel)}</text></svg>`
  );
}

/** A curve in [0,1]², with grid, ticks, an optional diagonal and a movable marker (`<id>-marker`). */
export function unitCurve(points: XY[], o: ChartOptions & { diagonal?: boolean; marker?: XY; /** More marks drawn over the curve, in the plot's coordinates. */ extra?: (X: (x: number) => number, Y: (y: number) => number) => string }): string {
  const w = o.width ?? 340;
  const h = o.height ?? 300;
  const pw = w - M.left - M.right;
  const ph = h - M.top - M.bottom;
  const X = (x: number) => M.left + Math.min(1, Math.max(0, x)) * pw;
  const Y = (y: number) => M.top + (1 - Math.min(1, Math.max(0, y))) * ph;
  let g = '';
  for (let i = 0; i <= 4; i++) {
    const v = i / 4;
    g += `<line class="gridline" x1="${fmt(X(v))}" y1="${M.top}" x2="${fmt(X(v))}" y2="${M.top + ph}"/><line class="gridline" x1="${M.left}" y1="${fmt(Y(v))}" x2="${M.left + pw}" y2="${fmt(Y(v))}"/>`;
    g += `<text x="${fmt(X(v))}" y="${M.top + ph + 15}" text-anchor="middle" font-size="11">${v}</text><text x="${M.left - 6}" y="${fmt(Y(v) + 4)}" text-anchor="end" font-size="11">${v}</text>`;
  }
  g += `<rect class="axis" x="${M.left}" y="${M.top}" width="${pw}" height="${ph}" fill="none"/>`;
  if (o.diagonal) g += `<line class="diag" x1="${X(0)}" y1="${Y(0)}" x2="${X(1)}" y2="${Y(1)}"/>`;
  const d = points.map((p, i) => `${i ? 'L' : 'M'}${fmt(X(p.x))} ${fmt(Y(p.y))}`).join('');
  if (d) g += `<path class="curve" d="${d}"/>`;
  if (o.marker) {
    g += `<circle id="${esc(o.id)}-marker" data-x0="${M.left}" data-y0="${M.top}" data-w="${pw}" data-h="${ph}" cx="${fmt(X(o.marker.x))}" cy="${fmt(Y(o.marker.y))}" r="6" fill="#f0a500" stroke="#1f2933" stroke-width="1.5"/>`;
  }
  if (o.extra) g += o.extra(X, Y);
  return frame(o, w, h, g);
}

/**
 * A reliability diagram: per bin of stated probability, the share that succeeded, drawn as a point
 * (its area by how many records the bin holds) joined in order, beside the diagonal of a perfectly
 * calibrated model.
 */
export function reliability(bins: { predicted: number; observed: number; count: number }[], o: ChartOptions): string {
  const filled = bins.filter((b) => b.count > 0);
  const max = Math.max(1, ...filled.map((b) => b.count));
  const dots = (X: (x: number) => number, Y: (y: number) => number) =>
    filled
      .map((b) => `<circle cx="${fmt(X(b.predicted))}" cy="${fmt(Y(b.observed))}" r="${fmt(2.5 + 5 * Math.sqrt(b.count / max))}" fill="var(--accent)" fill-opacity="0.75"><title>${Math.round(b.predicted * 100)}% → ${Math.round(b.observed * 100)}% (${b.count})</title></circle>`)
      .join('');
  return unitCurve(
    filled.map((b) => ({ x: b.predicted, y: b.observed })),
    { ...o, diagonal: true, extra: dots },
  );
}

/**
 * Probability (0–1) over time, with dated ticks formatted by `label`; `note(i)` adds words to the
 * i-th point's tooltip (what moved it). Points are drawn in the order given, oldest first.
 */
export function timeSeries(points: { at: number; y: number }[], o: ChartOptions & { label: (ms: number) => string; note?: (i: number) => string }): string {
  const w = o.width ?? 560;
  const h = o.height ?? 240;
  const pw = w - M.left - M.right;
  const ph = h - M.top - M.bottom;
  const pts = points.map((p, i) => ({ ...p, i })).sort((a, b) => a.at - b.at || a.i - b.i);
  const t0 = pts[0]?.at ?? 0;
  const t1 = pts.length > 1 ? pts[pts.length - 1]!.at : t0 + 1;
  const X = (t: number) => M.left + ((t - t0) / (t1 - t0 || 1)) * pw;
  const Y = (y: number) => M.top + (1 - Math.min(1, Math.max(0, y))) * ph;
  let g = '';
  for (const v of [0, 0.25, 0.5, 0.75, 1]) {
    g += `<line class="gridline" x1="${M.left}" y1="${fmt(Y(v))}" x2="${M.left + pw}" y2="${fmt(Y(v))}"/><text x="${M.left - 6}" y="${fmt(Y(v) + 4)}" text-anchor="end" font-size="11">${v * 100}</text>`;
  }
  g += `<rect class="axis" x="${M.left}" y="${M.top}" width="${pw}" height="${ph}" fill="none"/>`;
  if (pts.length) {
    const ticks = pts.length === 1 ? [pts[0]!] : [pts[0]!, pts[pts.length - 1]!];
    for (const [i, p] of ticks.entries()) {
      // One point sits in the middle (as its circle does), so its label is centred there, not cut at the edge.
      const x = ticks.length === 1 ? M.left + pw / 2 : X(p.at);
      g += `<text x="${fmt(x)}" y="${M.top + ph + 15}" text-anchor="${ticks.length === 1 ? 'middle' : i === 0 ? 'start' : 'end'}" font-size="11">${esc(o.label(p.at))}</text>`;
    }
    const xs = pts.length === 1 ? [M.left + pw / 2] : pts.map((p) => X(p.at));
    g += `<path class="curve" d="${pts.map((p, i) => `${i ? 'L' : 'M'}${fmt(xs[i]!)} ${fmt(Y(p.y))}`).join('')}"/>`;
    g += pts
      .map((p, i) => `<circle cx="${fmt(xs[i]!)}" cy="${fmt(Y(p.y))}" r="3.5" fill="var(--accent)"><title>${esc(o.label(p.at))}: ${Math.round(p.y * 100)}%${o.note ? ` — ${esc(o.note(p.i))}` : ''}</title></circle>`)
      .join('');
  }
  return frame(o, w, h, g);
}
