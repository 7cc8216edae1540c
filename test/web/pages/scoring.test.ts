import { featureText } from '../../../src/web/pages/scoring';
import { loadTexts } from '../../../src/web/texts';
import type { FeatureWeight } from '../../../src/web/model-view';

const texts = loadTexts();
const f = (column: string, value: string, kind: FeatureWeight['kind']): FeatureWeight => ({ column, value, kind, weight: 1 });

describe('featureText: the dashboard names features the way the card states reasons', () => {
  it.each([
    ['ru', f('calls_out_long', '2–4', 'numeric'), 'Исходящих звонков дольше 5 минут: 2–4'],
    ['en', f('calls_out_long', '≥ 4', 'numeric'), 'Outgoing calls over 5 minutes: ≥ 4'],
    ['ru', f('SOURCE_ID', 'CALL', 'categorical'), 'Источник: Звонок'],
    ['en', f('created_daypart', 'morning', 'categorical'), 'Created in the morning'],
    ['ru', f('HAS_PHONE', 'Y', 'binary'), 'Есть телефон'],
    ['ru', f('meetings', '\u0000missing', 'numeric'), `Встреч: ${texts.in('ru')('scoring.missing')}`],
    ['en', f('SOURCE_ID', '\u0000other', 'categorical'), `Source: ${texts.in('en')('scoring.other')}`],
    // A column the grammar has no words for keeps its name.
    ['ru', f('UF_CRM_CUSTOM', 'x', 'categorical'), 'UF_CRM_CUSTOM: x'],
  ] as const)('%s %j', (lang, feature, said) => {
    expect(featureText(texts.in(lang), feature, lang)).toBe(said);
  });
});
