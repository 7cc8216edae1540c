import { entityPanel, featureText } from '../../../src/web/pages/scoring';
import { loadTexts } from '../../../src/web/texts';
import type { FeatureWeight } from '../../../src/web/model-view';

const texts = loadTexts();
const f = (column: string, value: string, kind: FeatureWeight['kind']): FeatureWeight => ({ column, value, kind, weight: 1 });

describe('featureText: the dashboard names features the way the card states reasons', () => {
  it.each([
    ['ru', { ...f('calls_out_long', '2–4', 'numeric'), range: { lo: 2, hi: 4 } }, 'От 2 до 4 исходящих звонков дольше 5 минут'],
    ['en', { ...f('calls_out_long', '≥ 4', 'numeric'), range: { lo: 4 } }, '4 outgoing calls over 5 minutes or more'],
    ['ru', { ...f('operator_answer_hours', '258.07–331.28', 'numeric'), range: { lo: 258.07, hi: 331.28 } }, 'Время ответа менеджера — от 11 до 14 дней'],
    ['ru', { ...f('client_answer_hours', '4–6', 'numeric'), range: { lo: 4, hi: 6 } }, 'Время ответа клиента — от 4 до 6 часов'],
    ['ru', f('SOURCE_ID', 'CALL', 'categorical'), 'Источник — звонок'],
    ['en', f('created_daypart', 'morning', 'categorical'), 'Created in the morning'],
    ['ru', f('created_month', '3', 'categorical'), 'Создан в марте'],
    ['ru', f('HAS_PHONE', 'Y', 'binary'), 'Есть телефон'],
    ['ru', f('client_answer_hours', '\u0000missing', 'numeric'), 'Клиент ещё не отвечал'],
    ['en', f('UTM_SOURCE', '\u0000missing', 'categorical'), 'No UTM source'],
    ['ru', f('SOURCE_ID', '\u0000missing', 'categorical'), 'Источник не указан'],
    // A two-valued column whose flag level is the empty value: the column not filled in.
    ['ru', f('UTM_SOURCE', '', 'binary'), 'UTM-источник не указан'],
    ['en', f('SOURCE_ID', '\u0000other', 'categorical'), `Source: ${texts.in('en')('scoring.other')}`],
    // A column the grammar has no words for keeps its name.
    ['ru', f('UF_CRM_CUSTOM', 'x', 'categorical'), 'UF_CRM_CUSTOM: x'],
  ] as const)('%s %j', (lang, feature, said) => {
    expect(featureText(texts.in(lang), feature, lang)).toBe(said);
  });
  it('names the responsible person when the portal\'s users are known', () => {
    const names = new Map([[21, 'Иван Сергеев']]);
    expect(featureText(texts.in('en'), f('ASSIGNED_BY_ID', '21', 'categorical'), 'en', names)).toBe('Responsible: Иван Сергеев');
    expect(featureText(texts.in('ru'), f('ASSIGNED_BY_ID', '21', 'categorical'), 'ru')).toBe('Ответственный — сотрудник №21');
  });
});

describe('a panel without a model', () => {
  // entityPanel reads only the words and the language of the page context.
  const ctx = (lang: 'ru' | 'en') => ({ t: texts.in(lang), lang }) as unknown as Parameters<typeof entityPanel>[0];
  it('says "not enough data" with the counts and offers no button that could only fail', () => {
    const html = entityPanel(ctx('en'), { entity: 'deal', model: null, counts: { closed: 290, required: 2000, success: 90, failure: 200 }, canRetrain: true });
    expect(html).toContain('Not enough data yet: 290 closed of the 2,000 needed (90 won, 200 lost).');
    expect(html).not.toContain('deal-retrain');
  });
  it('says a portal with enough records can train now, with a Train button', () => {
    const html = entityPanel(ctx('ru'), { entity: 'lead', model: null, counts: { closed: 2237, required: 2000, success: 700, failure: 1537 }, canRetrain: true });
    expect(html).not.toContain('Пока мало данных');
    expect(html).toMatch(/Данных достаточно: 2\s237 закрытых .* Модель можно обучить сейчас\./);
    expect(html).toContain('>Обучить</button>');
  });
});
