/** Sandbox only: the demo users, each opening the app's pages without a portal frame. */
import type { DemoUser, Entity } from '../deps';
import { esc, page } from '../html';
import type { Lang } from '../deps';
import type { Translate } from '../texts';

export function homePage(lang: Lang, t: Translate, users: DemoUser[], records: { entity: Entity; id: number }[], otherLangHref: string): string {
  const q = (u: DemoUser) => `user=${u.id}&lang=${lang}`;
  const rows = users
    .map(
      (u) =>
        `<tr><th scope="row"><span translate="no">${esc(u.name)}</span> <span class="muted">#${u.id}</span></th><td><a href="/app/voice?${q(u)}">${esc(t('common.nav_voice'))}</a></td><td><a href="/app/scoring?${q(u)}">${esc(t('common.nav_scoring'))}</a></td>` +
        `<td>${records.map((r) => `<a href="/app/card/${r.entity}/${r.id}?${q(u)}">${esc(t(`home.card_${r.entity}`, { id: r.id }))}</a>`).join(' · ')}</td></tr>`,
    )
    .join('');
  const body = `<h1>${esc(t('home.title'))}</h1><p>${esc(t('home.pick_user'))}</p><table><caption class="sr">${esc(t('home.title'))}</caption><tbody>${rows}</tbody></table>`;
  return page({ lang, t, title: t('home.title'), body, demo: true, otherLangHref });
}
