import { installPage } from '../../../src/web/pages/install';
import { loadTexts } from '../../../src/web/texts';

const texts = loadTexts();
const ctx = (lang: 'ru' | 'en') => ({ lang, t: texts.in(lang), viewer: { memberId: 'm', userId: 1, admin: true, demo: false, lang }, token: 'tok', otherLangHref: '/x' }) as unknown as Parameters<typeof installPage>[0];
const result = { placements: ['CRM_LEAD_DETAIL_TAB', 'CRM_DEAL_DETAIL_TAB'], bots: ['b24_assistant', 'b24_assistant_ol'] };

describe('the install page says what it installed in words', () => {
  it.each(['ru', 'en'] as const)('%s: no placement or bot codes', (lang) => {
    const html = installPage(ctx(lang), { ok: true, result }, false);
    expect(html).not.toMatch(/CRM_LEAD_DETAIL_TAB|CRM_DEAL_DETAIL_TAB|b24_assistant/);
    expect(html).toContain(lang === 'ru' ? 'бот открытых линий' : 'an open-lines bot');
    if (lang === 'en') expect(html.replace(/<(\w+)[^>]*translate="no"[^>]*>[^<]*<\/\1>/g, '')).not.toMatch(/[\u0400-\u04ff]/);
  });

  it('keeps a code it has no words for as it is', () => {
    expect(installPage(ctx('en'), { ok: true, result: { placements: ['CRM_CONTACT_DETAIL_TAB'], bots: [] } }, false)).toContain('Placements: CRM_CONTACT_DETAIL_TAB');
  });
});
