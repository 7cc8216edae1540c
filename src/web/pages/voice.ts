/** "Голосовой помощник": the one-time code, the steps for Alice and Google, the linked devices. */
import type { VoiceLink } from '../../store/types';
import type { IssuedCode } from '../deps';
import { esc, fmtDate, page } from '../html';
import type { PageCtx } from './context';

/** "552 913 407" for reading; digits spaced for saying. */
export const groupCode = (code: string) => (code.length % 4 === 0 ? code.replace(/(\d{4})(?=\d)/g, '$1 ') : code.replace(/(\d{3})(?=\d)/g, '$1 '));
export const spokenCode = (code: string) => code.split('').join(' ');

export function voicePage(ctx: PageCtx, data: { code: IssuedCode; links: VoiceLink[]; unlinked?: boolean }): string {
  const { t, lang } = ctx;
  const time = new Intl.DateTimeFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Moscow' }).format(new Date(data.code.expiresAt));
  const platform = (p: VoiceLink['platform']) => t(`voice.platform_${p}`);
  const devices = data.links.length
    ? `<ul class="devices">${data.links
        .map(
          (l) =>
            `<li><form method="post" action="/app/voice/unlink"><input type="hidden" name="t" value="${esc(ctx.token)}"><input type="hidden" name="platform" value="${esc(l.platform)}"><input type="hidden" name="voiceUserId" value="${esc(l.voiceUserId)}">` +
            `<span>${esc(t('voice.device_row', { platform: platform(l.platform), date: fmtDate(l.createdAt, lang, true) }))}</span> <span class="muted">${esc(shortId(l.voiceUserId))}</span> ` +
            `<button type="submit" class="secondary" aria-label="${esc(t('voice.unlink_label', { platform: platform(l.platform), id: shortId(l.voiceUserId) }))}">${esc(t('voice.unlink'))}</button></form></li>`,
        )
        .join('')}</ul>`
    : `<p class="muted" id="no-devices">${esc(t('voice.devices_none'))}</p>`;
  const body =
    `<h1>${esc(t('voice.title'))}</h1><p>${esc(t('voice.intro'))}</p>` +
    (data.unlinked ? `<p class="note" role="status">${esc(t('voice.unlinked'))}</p>` : '') +
    `<section class="panel" aria-labelledby="code-h"><h2 id="code-h">${esc(t('voice.code_label'))}</h2>` +
    `<p class="code" id="link-code" data-code="${esc(data.code.code)}" aria-label="${esc(spokenCode(data.code.code))}">${esc(groupCode(data.code.code))}</p>` +
    `<p class="muted">${esc(t('voice.code_expires', { time }))}</p>` +
    `<form method="get" action="/app/voice"><input type="hidden" name="t" value="${esc(ctx.token)}"><button type="submit" class="secondary">${esc(t('voice.new_code'))}</button></form></section>` +
    `<div class="grid"><section class="panel" aria-labelledby="alice-h"><h2 id="alice-h">${esc(t('voice.alice_title'))}</h2><ol class="steps"><li>${esc(t('voice.alice_step1'))}</li><li>${esc(t('voice.alice_step2', { spoken: spokenCode(data.code.code) }))}</li><li>${esc(t('voice.alice_step3'))}</li></ol></section>` +
    `<section class="panel" aria-labelledby="google-h"><h2 id="google-h">${esc(t('voice.google_title'))}</h2><ol class="steps"><li>${esc(t('voice.google_step1'))}</li><li>${esc(t('voice.google_step2'))}</li></ol></section></div>` +
    `<section aria-labelledby="dev-h"><h2 id="dev-h">${esc(t('voice.devices_title'))}</h2>${devices}<p class="muted">${esc(t('voice.by_voice'))}</p></section>`;
  return page({ lang, t, title: t('voice.title'), nav: { token: ctx.token, active: 'voice' }, body, demo: ctx.viewer.demo, otherLangHref: ctx.otherLangHref });
}

/** Voice platform ids are long opaque strings: show enough to tell two devices apart. */
function shortId(id: string): string {
  return id.length > 10 ? `${id.slice(0, 6)}…${id.slice(-3)}` : id;
}
