import { cardPage, type CardData } from '../../../src/web/pages/card';
import { loadTexts } from '../../../src/web/texts';
import type { LeadScoreAnswer } from '../../../src/dialog/types';

const texts = loadTexts();
const ctx = (lang: 'ru' | 'en') => ({ lang, t: texts.in(lang), viewer: { memberId: 'm', userId: 1, admin: true, demo: false, lang }, token: 'tok', otherLangHref: '/x' }) as unknown as Parameters<typeof cardPage>[0];
const T0 = Date.UTC(2026, 11, 3, 9, 30);
const DAY = 86_400_000;

const answer: LeadScoreAnswer = {
  kind: 'score',
  entity: 'lead',
  id: 17,
  title: 'ООО Ромашка',
  probability: 0.52,
  percent: '52',
  level: 'medium',
  reasons: [],
  modelQuality: { auc: 0.8, precision: 0.5, recall: 0.5 },
} as LeadScoreAnswer;

const data = (history: CardData['history']): CardData => ({ entity: 'lead', id: 17, answer, history, model: null });
const rows = (html: string) => [...html.matchAll(/<tr><td><time[^>]*>([^<]*)<\/time><\/td><td>([^<]*)<\/td><td class="why">([^<]*)<\/td><\/tr>/g)].map((m) => [m[1], m[2], m[3]]);

describe('the card\'s history says what moved each point', () => {
  const history = [
    { at: T0, probability: 0.4, modelVersion: 1, factors: [{ column: 'calls_in', value: '2', effect: 0.1 }, { column: 'days_since_activity', value: '1', effect: 0.1 }] },
    { at: T0 + DAY, probability: 0.52, modelVersion: 1, factors: [{ column: 'calls_in', value: '3', effect: 0.5 }, { column: 'days_since_activity', value: '0', effect: 0.12 }] },
  ];

  it('lists the points newest first with the date in the page\'s language, Russian', () => {
    expect(rows(cardPage(ctx('ru'), data(history)))).toEqual([
      ['4 декабря 2026 г. в 12:30', '52%', '+12\u00a0%: ещё 1 входящий звонок'],
      ['3 декабря 2026 г. в 12:30', '40%', 'первая оценка'],
    ]);
  });

  it('and English, with no Cyrillic outside the record\'s title', () => {
    const html = cardPage(ctx('en'), data(history));
    expect(rows(html)).toEqual([
      ['4 December 2026 at 12:30', '52%', '+12%: 1 more incoming call'],
      ['3 December 2026 at 12:30', '40%', 'first score'],
    ]);
    expect(html.replace(/<(\w+)[^>]*translate="no"[^>]*>[^<]*<\/\1>/g, '')).not.toMatch(/[\u0400-\u04ff]/);
  });

  it('puts what moved a point into its tooltip on the chart', () => {
    expect(cardPage(ctx('ru'), data(history))).toMatch(/<circle[^>]*><title>[^<]*: 52% — \+12\u00a0%: ещё 1 входящий звонок<\/title>/);
  });

  it('says a preliminary score with how many records it stands on', () => {
    const html = cardPage(ctx('en'), { ...data([]), answer: { ...answer, preliminary: { records: 1234 } } as LeadScoreAnswer });
    expect(html).toContain('id="preliminary">A preliminary score: the portal&#39;s model stands on 1,234 closed records and the shared model.</p>');
    expect(cardPage(ctx('ru'), data([]))).not.toContain('id="preliminary"');
  });

  it('lists the newest 20 points and charts them all', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ at: T0 + i * DAY, probability: 0.3 + i / 100, modelVersion: 1 }));
    const html = cardPage(ctx('en'), data(many));
    expect(rows(html)).toHaveLength(20);
    expect(rows(html)[0]![1]).toBe('59%');
    expect(html.match(/<circle /g)).toHaveLength(30);
  });
});
