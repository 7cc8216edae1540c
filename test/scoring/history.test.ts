import { historyInWords, pointChange, pointChangeInWords, pointFactors, type HistoryPoint, type PointFactor } from '../../src/scoring/history';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 11, 1, 9);

const base: PointFactor[] = [
  { column: 'calls_in', value: '2', effect: 0.1 },
  { column: 'days_since_activity', value: '1', effect: 0.05 },
  { column: 'client_answer_hours', value: '3', effect: 0.2 },
  { column: 'ASSIGNED_BY_ID', value: '14', effect: 0 },
  { column: 'activities_7d', value: '4', effect: 0.3 },
  { column: 'created_month', value: '3', effect: 0.4 },
];
const change = (over: Record<string, Partial<PointFactor>>): PointFactor[] => base.map((f) => ({ ...f, ...(over[f.column] ?? {}) }));
const point = (at: number, probability: number, factors?: PointFactor[], modelVersion = 1): HistoryPoint => ({ at, probability, modelVersion, ...(factors ? { factors } : {}) });

describe('pointChange', () => {
  it('names the changed columns that moved the score its way, strongest first, at most two', () => {
    const prev = point(T0, 0.4, base);
    const cur = point(T0 + DAY, 0.52, change({ calls_in: { value: '3', effect: 0.5 }, activities_7d: { value: '5', effect: 0.45 }, days_since_activity: { value: '0', effect: 0.1 } }));
    const c = pointChange(prev, cur);
    expect(c.delta).toBe(12);
    expect(c.factors.map((f) => f.column)).toEqual(['calls_in', 'activities_7d']);
    expect(c.factors[0]).toMatchObject({ before: '2', after: '3' });
    expect(c.factors[0]!.effect).toBeCloseTo(0.4);
  });

  it('leaves out a changed column that pushed against the move, and one that did not change', () => {
    const prev = point(T0, 0.5, base);
    const cur = point(T0 + DAY, 0.42, change({ calls_in: { value: '3', effect: 0.3 }, days_since_activity: { value: '10', effect: -0.6 }, created_month: { effect: -1 } }));
    const c = pointChange(prev, cur);
    expect(c.delta).toBe(-8);
    // created_month's effect moved, but its value did not: not what moved this record.
    expect(c.factors.map((f) => f.column)).toEqual(['days_since_activity']);
  });

  it('says a new model instead of comparing two models\' effects; the first point and points without factors explain nothing', () => {
    expect(pointChange(undefined, point(T0, 0.3, base))).toEqual({ delta: 0, first: true, factors: [] });
    const c = pointChange(point(T0, 0.3, base), point(T0 + 1, 0.27, change({ calls_in: { value: '9', effect: -2 } }), 2));
    expect(c).toEqual({ delta: -3, first: false, model: 2, factors: [] });
    expect(pointChange(point(T0, 0.3), point(T0 + DAY, 0.5, base)).factors).toEqual([]);
  });
});

describe('pointChangeInWords', () => {
  it('says a count that grew or fell with its noun in the right form, in Russian and English', () => {
    const prev = point(T0, 0.4, base);
    const cur = point(T0 + DAY, 0.52, change({ calls_in: { value: '3', effect: 0.5 }, activities_7d: { value: '6', effect: 0.45 } }));
    expect(pointChangeInWords(pointChange(prev, cur), 'ru')).toBe('+12\u00a0%: ещё 1 входящий звонок; ещё 2 дела за последнюю неделю');
    expect(pointChangeInWords(pointChange(prev, cur), 'en')).toBe('+12%: 1 more incoming call; 2 more activities in the last week');
    const fell = point(T0 + 2 * DAY, 0.3, change({ activities_7d: { value: '0', effect: -0.5 } }));
    expect(pointChangeInWords(pointChange(prev, fell), 'ru')).toBe('−10\u00a0%: на 4 дела меньше за последнюю неделю');
    expect(pointChangeInWords(pointChange(prev, fell), 'en')).toBe('−10%: 4 fewer activities in the last week');
    const five = point(T0 + DAY, 0.6, change({ calls_in: { value: '7', effect: 0.9 } }));
    expect(pointChangeInWords(pointChange(prev, five), 'ru')).toBe('+20\u00a0%: ещё 5 входящих звонков');
  });

  it('says any other change by the new state: days without activity, a client who has not answered, a name', () => {
    const prev = point(T0, 0.5, base);
    const idle = point(T0 + 10 * DAY, 0.42, change({ days_since_activity: { value: '10', effect: -0.6 } }));
    expect(pointChangeInWords(pointChange(prev, idle), 'ru')).toBe('−8\u00a0%: последнее дело было 10 дней назад');
    expect(pointChangeInWords(pointChange(prev, idle), 'en')).toBe('−8%: the last activity was 10 days ago');
    const silent = point(T0 + DAY, 0.45, change({ client_answer_hours: { value: '', effect: -0.3 } }));
    expect(pointChangeInWords(pointChange(prev, silent), 'ru')).toBe('−5\u00a0%: клиент ещё не отвечал');
    const handed = point(T0 + DAY, 0.55, change({ ASSIGNED_BY_ID: { value: '7', effect: 0.3 } }));
    expect(pointChangeInWords(pointChange(prev, handed), 'ru', { names: new Map([[7, 'Иван Сергеев']]) })).toBe('+5\u00a0%: ответственный — Иван Сергеев');
  });

  it('says the first point, no change, a new model, and the change alone when nothing said can explain it', () => {
    expect(pointChangeInWords(pointChange(undefined, point(T0, 0.3, base)), 'ru')).toBe('первая оценка');
    expect(pointChangeInWords(pointChange(point(T0, 0.3, base), point(T0 + DAY, 0.302, base)), 'en')).toBe('no change');
    expect(pointChangeInWords(pointChange(point(T0, 0.3, base), point(T0 + 1, 0.33, base, 2)), 'ru')).toBe('+3\u00a0%: модель обновлена до версии 2');
    expect(pointChangeInWords(pointChange(point(T0, 0.3, base), point(T0 + 1, 0.3, base, 2)), 'en')).toBe('the model was updated to version 2');
    expect(pointChangeInWords(pointChange(point(T0, 0.3), point(T0 + DAY, 0.35, base)), 'en')).toBe('+5%');
  });
});

describe('historyInWords and pointFactors', () => {
  it('explains every point of a history against the one before it', () => {
    const pts = [point(T0, 0.4, base), point(T0 + DAY, 0.52, change({ calls_in: { value: '3', effect: 0.5 } }))];
    expect(historyInWords(pts, 'ru').map((p) => p.text)).toEqual(['первая оценка', '+12\u00a0%: ещё 1 входящий звонок']);
  });

  it('keeps a text column\'s strongest words, not its text, and rounds effects', () => {
    const f = pointFactors([
      { column: 'text', kind: 'text', value: 'a long private comment about the client', effect: 0.123456, words: ['счёт', 'договор'] },
      { column: 'calls_in', kind: 'numeric', value: '3', effect: -0.000049 },
    ]);
    expect(f).toEqual([
      { column: 'text', value: '', effect: 0.1235, words: ['счёт', 'договор'] },
      { column: 'calls_in', value: '3', effect: -0 },
    ]);
  });
});
