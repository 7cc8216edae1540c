/** CRM records → feature rows: reference times, activity windows, no activity after the close, activity text. */
import { crmTable, referenceTime, TARGET, DEAL_FEATURE_KINDS, LEAD_FEATURE_KINDS } from '../../src/scoring/crm-features';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const CLOSE = Date.parse('2026-06-30T12:00:00Z');
const NOW = Date.parse('2026-11-26T07:00:00Z');

const call = (owner: number, at: number, minutes: number, dir = 2) => ({ OWNER_ID: String(owner), TYPE_ID: '2', DIRECTION: String(dir), START_TIME: iso(at), END_TIME: iso(at + minutes * 60_000), SUBJECT: 'Исходящий звонок' });
const email = (owner: number, at: number, subject: string, body: string, dir = 1) => ({ OWNER_ID: String(owner), TYPE_ID: '4', DIRECTION: String(dir), START_TIME: iso(at), END_TIME: iso(at), SUBJECT: subject, DESCRIPTION: body, DESCRIPTION_TYPE: '3' });
const chat = (owner: number, at: number, text: string) => ({ OWNER_ID: String(owner), TYPE_ID: '6', PROVIDER_ID: 'IMOPENLINES_SESSION', DIRECTION: '1', START_TIME: iso(at), END_TIME: iso(at + 60_000), SUBJECT: 'Диалог в открытой линии', DESCRIPTION: text });

function valuesOf(t: { header: string[]; rows: string[][] }, i: number) {
  return Object.fromEntries(t.header.map((h, k) => [h, t.rows[i]![k]!]));
}

describe('crm features', () => {
  it('reference time: the closing time of a closed record, now for an open one; a bare date is the end of its day', () => {
    expect(referenceTime('lead', { STATUS_SEMANTIC_ID: 'S', DATE_CLOSED: iso(CLOSE) }, NOW)).toBe(CLOSE);
    expect(referenceTime('lead', { STATUS_SEMANTIC_ID: 'P', DATE_CLOSED: '' }, NOW)).toBe(NOW);
    expect(referenceTime('deal', { STAGE_SEMANTIC_ID: 'F', CLOSEDATE: '2026-06-30' }, NOW)).toBe(Date.parse('2026-06-30T23:59:59Z'));
    expect(referenceTime('deal', { STAGE_SEMANTIC_ID: 'S', CLOSEDATE: '', MOVED_TIME: iso(CLOSE) }, NOW)).toBe(CLOSE);
    expect(referenceTime('lead', { STATUS_SEMANTIC_ID: 'F' }, NOW)).toBeNaN();
  });

  it('counts activities in the last week, the last month and before, and nothing after the close', () => {
    const lead = { ID: '1', TITLE: 'Заявка', STATUS_SEMANTIC_ID: 'S', DATE_CREATE: iso(CLOSE - 60 * DAY), DATE_CLOSED: iso(CLOSE) };
    const acts = [
      call(1, CLOSE - 2 * DAY, 9), // last week, long
      call(1, CLOSE - 6 * DAY, 0.5), // last week, short
      call(1, CLOSE - 20 * DAY, 4, 1), // last month, incoming
      email(1, CLOSE - 3 * DAY, 'Re: договор', '<p>Пришлите <b>счёт</b>&nbsp;пожалуйста</p>'),
      call(1, CLOSE - 45 * DAY, 12), // before the last month
      // After the close: the thank-you e-mail and a follow-up call must not count (leakage).
      email(1, CLOSE + DAY, 'Спасибо за покупку', 'благодарим', 2),
      call(1, CLOSE + 2 * DAY, 30),
      call(2, CLOSE - DAY, 3), // another lead's
    ];
    const t = crmTable('lead', [lead], acts, NOW);
    const v = valuesOf(t, 0);
    expect(v).toMatchObject({
      calls_out: '3', calls_in: '1', calls_out_long: '2', emails_in: '1', emails_out: '0',
      activities_7d: '3', activities_30d: '4', activities_before: '1', calls_7d: '2', calls_30d: '3', emails_7d: '1', emails_30d: '1',
      days_since_activity: '2', [TARGET]: 'success',
      // By length, every direction, before the close only: 0.5 | — | 4 | 9 | 12 minutes.
      calls_under_1m: '1', calls_1_3m: '0', calls_3_5m: '1', calls_5_10m: '1', calls_over_10m: '1',
    });
    expect(v.activity_text).toBe('Re: договор Пришлите счёт пожалуйста');
    expect(v.activity_text).not.toMatch(/Спасибо|звонок/);
    expect(t.header).toEqual(['ID', ...Object.keys(LEAD_FEATURE_KINDS), TARGET]);
  });

  it('answer times: median hours from their message to our next one and back, only what came before the close', () => {
    const H = 3_600_000;
    const t0 = CLOSE - 10 * DAY;
    const lead = { ID: '8', STATUS_SEMANTIC_ID: 'S', DATE_CREATE: iso(t0 - DAY), DATE_CLOSED: iso(CLOSE) };
    const acts = [
      email(8, t0, 'Вопрос', 'сколько стоит', 1), // client writes
      email(8, t0 + H, 'Re: вопрос', 'вот цена', 1), // and writes again before we answer: still one wait from t0
      call(8, t0 + 3 * H, 5, 2), // we answer after 3 h
      email(8, t0 + 9 * H, 'Re', 'беру', 1), // client answers after 6 h
      email(8, t0 + 10 * H, 'Счёт', 'счёт во вложении', 2), // we answer after 1 h
      email(8, CLOSE + DAY, 'Спасибо', 'ответ после закрытия', 1), // after the close: not counted
    ];
    const v = valuesOf(crmTable('lead', [lead], acts, NOW), 0);
    expect(v).toMatchObject({ operator_answer_hours: '2', client_answer_hours: '6' });
    // Nothing exchanged: missing, its own bin.
    expect(valuesOf(crmTable('lead', [{ ...lead, ID: '9' }], [], NOW), 0)).toMatchObject({ operator_answer_hours: '', client_answer_hours: '' });
  });

  it('takes the UTM fields of leads and deals as they are, empty when the portal has none', () => {
    const lead = { ID: '5', STATUS_SEMANTIC_ID: 'F', DATE_CREATE: iso(CLOSE - DAY), DATE_CLOSED: iso(CLOSE), UTM_SOURCE: 'yandex', UTM_MEDIUM: 'cpc', UTM_CAMPAIGN: null };
    expect(valuesOf(crmTable('lead', [lead], [], NOW), 0)).toMatchObject({ UTM_SOURCE: 'yandex', UTM_MEDIUM: 'cpc', UTM_CAMPAIGN: '' });
    const deal = { ID: '6', STAGE_SEMANTIC_ID: 'S', CLOSEDATE: '2026-06-30', UTM_SOURCE: 'google' };
    expect(valuesOf(crmTable('deal', [deal], [], NOW), 0)).toMatchObject({ UTM_SOURCE: 'google', UTM_MEDIUM: '' });
    expect(DEAL_FEATURE_KINDS.UTM_SOURCE).toBe('categorical');
  });

  it('an open record is measured now: old activities fall out of the windows', () => {
    const lead = { ID: '7', STATUS_SEMANTIC_ID: 'P', DATE_CREATE: iso(NOW - 40 * DAY) };
    const v = valuesOf(crmTable('lead', [lead], [call(7, NOW - DAY, 6), call(7, NOW - 35 * DAY, 6), chat(7, NOW - 10 * DAY, 'Сколько стоит доставка?')], NOW), 0);
    expect(v).toMatchObject({ activities_7d: '1', activities_30d: '2', activities_before: '1', openline_sessions: '1', openline_30d: '1', [TARGET]: '' });
    expect(v.activity_text).toBe('Диалог в открытой линии Сколько стоит доставка?');
  });

  it('keeps a bounded amount of text: one long e-mail does not crowd out the next one', () => {
    const lead = { ID: '3', STATUS_SEMANTIC_ID: 'P', DATE_CREATE: iso(NOW - 5 * DAY) };
    const long = `<div>${'очень длинное письмо '.repeat(400)}</div>`;
    const v = valuesOf(crmTable('lead', [lead], [email(3, NOW - 2 * DAY, 'Прайс', long), email(3, NOW - DAY, 'Счёт', 'оплатили')], NOW), 0);
    expect(v.activity_text!.length).toBeLessThanOrEqual(1000 + 1 + 'Счёт оплатили'.length);
    expect(v.activity_text).toMatch(/^Прайс очень длинное письмо .* Счёт оплатили$/);
  });

  it('deals: stage semantic is the target, deal fields are features, the stage itself is not', () => {
    const deals = [
      { ID: '1', TITLE: 'Поставка', STAGE_ID: 'WON', STAGE_SEMANTIC_ID: 'S', OPPORTUNITY: '125000.00', TYPE_ID: 'SALE', CATEGORY_ID: '0', CONTACT_ID: '5', COMPANY_ID: '0', IS_RETURN_CUSTOMER: 'Y', CLOSEDATE: '2026-06-30', DATE_CREATE: iso(CLOSE - 9 * DAY) },
      { ID: '2', TITLE: 'Поставка', STAGE_ID: 'LOSE', STAGE_SEMANTIC_ID: 'F', OPPORTUNITY: '5000.00', CONTACT_ID: null, CLOSEDATE: '2026-06-30', DATE_CREATE: iso(CLOSE - 9 * DAY) },
      { ID: '3', TITLE: 'Поставка', STAGE_ID: 'NEW', STAGE_SEMANTIC_ID: 'P', DATE_CREATE: iso(NOW - DAY) },
    ];
    const t = crmTable('deal', deals, [call(1, CLOSE - DAY, 7)], NOW);
    expect(t.header).toEqual(['ID', ...Object.keys(DEAL_FEATURE_KINDS), TARGET]);
    expect(t.header).not.toContain('STAGE_ID');
    expect(valuesOf(t, 0)).toMatchObject({ OPPORTUNITY: '125000', HAS_CONTACT: 'Y', HAS_COMPANY: 'N', IS_RETURN_CUSTOMER: 'Y', calls_7d: '1', [TARGET]: 'success' });
    expect(valuesOf(t, 1)).toMatchObject({ HAS_CONTACT: 'N', [TARGET]: 'failure', activities_30d: '0', days_since_activity: '' });
    expect(valuesOf(t, 2)[TARGET]).toBe('');
  });
});
