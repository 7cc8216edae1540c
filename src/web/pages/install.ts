/** The install page: what was registered, then BX24.installFinish so the placements appear. */
import type { InstallResult } from '../deps';
import { esc, page } from '../html';
import type { PageCtx } from './context';

/** A placement or bot code said as what it adds ("вкладка «AI-прогноз» в карточке лида"); an unknown code as it is. */
function inWords(t: PageCtx['t'], kind: 'placement' | 'bot', code: string): string {
  try {
    return t(`install.${kind}_${code}`);
  } catch {
    return code;
  }
}

export function installPage(ctx: PageCtx, r: { ok: true; result: InstallResult } | { ok: false; message: string }, inPortal: boolean): string {
  const { t, lang } = ctx;
  const body = r.ok
    ? `<h1>${esc(t('install.title'))}</h1><p role="status" id="install-status">${esc(t('install.done'))}</p>` +
      `<ul><li>${esc(t('install.placements', { list: r.result.placements.map((p) => inWords(t, 'placement', p)).join(', ') || '—' }))}</li><li>${esc(t('install.bots', { list: r.result.bots.map((b) => inWords(t, 'bot', b)).join(', ') || '—' }))}</li></ul>` +
      // Only inside the portal frame: the SDK script is the portal's, and the demo has no frame.
      (inPortal ? `<script src="//api.bitrix24.com/api/v1/"></script><script>window.BX24&&BX24.init(function(){BX24.installFinish();});</script>` : '')
    : `<h1>${esc(t('install.title'))}</h1><p role="alert" class="note" id="install-status">${esc(t('install.failed', { message: r.message }))}</p>`;
  return page({ lang, t, title: t('install.title'), nav: { token: ctx.token, active: 'install' }, body, demo: ctx.viewer.demo, otherLangHref: ctx.otherLangHref });
}
