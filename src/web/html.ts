/** HTML building blocks: escaping, the page shell, number formats. No templates engine, no framework. */
import type { Lang } from './deps';
import type { Translate } from './texts';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ESC[c]!);
}

/**
 * Escapes `text` and marks the portal's own people's names in it `translate="no"`: a name is the
 * portal's data, not our page's language (an English page may say "responsible: Ирина Богданова").
 */
export function escNames(text: string, names: Iterable<string> = []): string {
  const found = [...new Set(names)].filter((n) => n && text.includes(n)).sort((a, b) => b.length - a.length);
  if (!found.length) return esc(text);
  const parts = text.split(new RegExp(`(${found.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`));
  return parts.map((p, k) => (k % 2 ? `<span translate="no">${esc(p)}</span>` : esc(p))).join('');
}

/** JSON for a `<script type="application/json">` block: `<` escaped so no data can close the tag. */
export function jsonScript(id: string, data: unknown): string {
  const json = JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return `<script type="application/json" id="${esc(id)}">${json}</script>`;
}

export function pct(x: number, digits = 0): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(digits)}%` : '—';
}

/** A date (and time) in the viewer's language; the portal's zone is Moscow unless told. */
export function fmtDate(ms: number, lang: Lang, withTime = false, timeZone = 'Europe/Moscow'): string {
  if (!Number.isFinite(ms) || ms <= 0) return '—';
  const opts: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric', timeZone };
  if (withTime) Object.assign(opts, { hour: '2-digit', minute: '2-digit' });
  return new Intl.DateTimeFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', opts).format(new Date(ms));
}

export function fmtInt(n: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'ru' ? 'ru-RU' : 'en-GB').format(n);
}

export interface ShellOptions {
  lang: Lang;
  t: Translate;
  title: string;
  /** Query string that keeps the viewer's token (and language) on navigation links. */
  nav?: { token: string; active: 'voice' | 'scoring' | 'card' | 'home' | 'install' };
  body: string;
  scripts?: string[];
  demo?: boolean;
  /** URL of this page in the other language, for the switch link. */
  otherLangHref?: string;
}

const CSS = `
:root{--fg:#1f2933;--muted:#52606d;--bg:#fff;--panel:#f5f7fa;--line:#cbd2d9;--accent:#0b63c5;--good:#1b7a3a;--bad:#b3261e;--mid:#8a5a00}
*{box-sizing:border-box}body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--fg);background:var(--bg)}
header{display:flex;gap:1rem;align-items:center;flex-wrap:wrap;padding:.6rem 1.2rem;border-bottom:1px solid var(--line);background:var(--panel)}
header .app{font-weight:600}header nav{display:flex;gap:.8rem}header .lang{margin-left:auto}
a{color:var(--accent)}a[aria-current=page]{font-weight:600;text-decoration:none;color:var(--fg)}
main{padding:1rem 1.2rem;max-width:1100px}h1{font-size:1.5rem;margin:.2rem 0 .6rem}h2{font-size:1.2rem;margin:1.2rem 0 .5rem}h3{font-size:1rem;margin:.8rem 0 .4rem}
.muted{color:var(--muted)}.note{background:#fff8e1;border:1px solid #e0c97f;padding:.4rem .7rem;border-radius:6px;font-size:.9rem}
.panel{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:.8rem 1rem;margin:.6rem 0}
.code{font:600 2.2rem/1.2 ui-monospace,"DejaVu Sans Mono",monospace;letter-spacing:.25em;margin:.3rem 0}
button,.button{font:inherit;padding:.45rem .9rem;border-radius:6px;border:1px solid var(--accent);background:var(--accent);color:#fff;cursor:pointer}
button.secondary{background:#fff;color:var(--accent)}button[disabled]{opacity:.6;cursor:default}
:focus-visible{outline:3px solid #f0a500;outline-offset:2px}
table{border-collapse:collapse}td,th{padding:.3rem .6rem;border-bottom:1px solid var(--line);text-align:left}th{font-weight:600}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:1rem}
.metrics{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:.5rem}
.metric{background:#fff;border:1px solid var(--line);border-radius:6px;padding:.4rem .6rem}.metric .v{font-size:1.3rem;font-weight:600}
.big{font-size:3rem;font-weight:700;line-height:1}.lvl-high{color:var(--good)}.lvl-medium{color:var(--mid)}.lvl-low{color:var(--bad)}
.confusion td{text-align:right;font-variant-numeric:tabular-nums}.confusion .hit{background:#e3f2e7}.confusion .miss{background:#fbe9e7}
.bar{display:inline-block;height:.7rem;border-radius:2px;vertical-align:middle}.bar.up{background:var(--good)}.bar.down{background:var(--bad)}
progress{flex:1 1 200px;height:1.1rem}.retrain{display:flex;gap:.8rem;align-items:center;flex-wrap:wrap}.retrain p{flex-basis:100%;margin:.2rem 0}.slider{width:100%}
svg text{font-family:inherit;fill:var(--fg)}.axis{stroke:var(--muted)}.gridline{stroke:#e4e7eb}.curve{fill:none;stroke:var(--accent);stroke-width:2.5}.diag{stroke:#9aa5b1;stroke-dasharray:4 4}
ol.steps li{margin:.2rem 0}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
@media (max-width:600px){.code{font-size:1.6rem}}
`;

export function page(o: ShellOptions): string {
  const { t } = o;
  const q = (active: string) => (o.nav && o.nav.active === active ? ' aria-current="page"' : '');
  const tq = o.nav ? `?t=${encodeURIComponent(o.nav.token)}` : '';
  const nav = o.nav
    ? `<nav aria-label="${esc(t('common.app'))}"><a href="/app/voice${tq}"${q('voice')}>${esc(t('common.nav_voice'))}</a><a href="/app/scoring${tq}"${q('scoring')}>${esc(t('common.nav_scoring'))}</a></nav>`
    : '';
  const langLink = o.otherLangHref ? `<a class="lang" href="${esc(o.otherLangHref)}" hreflang="${o.lang === 'ru' ? 'en' : 'ru'}" lang="${o.lang === 'ru' ? 'en' : 'ru'}" translate="no">${esc(t('common.lang_switch'))}</a>` : '';
  const demo = o.demo ? `<p class="note" role="note">${esc(t('common.sandbox_note'))}</p>` : '';
  const scripts = (o.scripts ?? []).map((s) => `<script src="${esc(s)}" defer></script>`).join('');
  return `<!doctype html><html lang="${o.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,"><title>${esc(o.title)} — ${esc(t('common.app'))}</title><style>${CSS}</style>${scripts}</head><body><header><span class="app">${esc(t('common.app'))}</span>${nav}${langLink}</header><main id="main">${demo}${o.body}</main></body></html>`;
}
