/** Reasons a manager understands (issue 17, item 2): facts with units, names, the words themselves, calendar last. */
import { explainRow, featureInWords, pluralForm, reasonsInWords, type Contribution } from '../../src/scoring/explain';
import { compile } from '../../src/scoring/model';
import { trainTable } from '../../src/scoring/pipeline';
import { seededRng } from '../../src/util/prng';

const c = (column: string, value: string, effect: number, words?: string[]): Contribution => ({ column, value, effect, ...(words ? { words } : {}) });

describe('reasonsInWords', () => {
  it('says counts with the noun in the right form, in Russian and English', () => {
    expect(['1', '2', '5', '11', '21', '22', '0'].map((n) => featureInWords('calls_in', n, 'ru'))).toEqual([
      '1 входящий звонок',
      '2 входящих звонка',
      '5 входящих звонков',
      '11 входящих звонков',
      '21 входящий звонок',
      '22 входящих звонка',
      'ни одного входящего звонка',
    ]);
    expect(featureInWords('calls_7d', '3', 'ru')).toBe('3 звонка за последнюю неделю');
    expect(featureInWords('calls_7d', '1', 'en')).toBe('1 call in the last week');
    expect(featureInWords('client_answer_hours', '2.2', 'ru')).toBe('клиент отвечает в среднем за 2 часа');
    expect(featureInWords('client_answer_hours', '0.3', 'en')).toBe('the client answers in under an hour on average');
    expect(pluralForm(['час', 'часа', 'часов'], 2.5, 'ru')).toBe('часа');
  });

  it('names the responsible person, the source and the strongest words; never a bare id or "слова в письмах"', () => {
    const names = new Map([[14, 'Иван Сергеев']]);
    const r = reasonsInWords([c('ASSIGNED_BY_ID', '14', 0.9), c('SOURCE_ID', 'WEB', 0.5), c('activity_text', 'x', 0.4, ['счёт', 'договор'])], 'ru', 3, undefined, names);
    expect(r).toEqual(['ответственный — Иван Сергеев', 'источник — сайт', 'в письмах и чатах есть слова «счёт», «договор»']);
    expect(reasonsInWords([c('ASSIGNED_BY_ID', '14', 0.9)], 'ru', 1)).toEqual(['ответственный — сотрудник №14']);
    // A text column with no strong word of its own is not a reason.
    expect(reasonsInWords([c('text', 'добрый день', 0.9), c('calls_in', '2', 0.1)], 'ru', 1)).toEqual(['2 входящих звонка']);
  });

  it('never puts a calendar artefact first while a behavioural reason exists', () => {
    const r = reasonsInWords([c('created_daypart', 'day', 1.2), c('created_month', '3', 1.0), c('calls_in', '3', 0.2)], 'ru', 2);
    expect(r).toEqual(['3 входящих звонка', 'создан днём']);
    expect(reasonsInWords([c('created_month', '3', 1.0)], 'en', 2)).toEqual(['created in March']);
  });

  it('finds the words of a text that raise the score, as written', () => {
    const rng = seededRng(9);
    const rows: string[][] = [];
    for (let i = 0; i < 600; i++) {
      const won = rng() < 0.4;
      const words = won ? 'Пришлите счёт и договор' : rng() < 0.5 ? 'Перезвоните позже' : 'Не интересно спасибо';
      rows.push([`${words} заявка ${i % 17}`, won ? 'yes' : 'no']);
    }
    const { model } = trainTable({ header: ['notes', 'won'], rows }, { target: 'won', positive: 'yes', kinds: { notes: 'text' }, C: 1 });
    const ex = explainRow(compile(model), ['notes', 'won'], ['Пришлите, пожалуйста, счёт', '']);
    const notes = ex.contributions.find((x) => x.column === 'notes')!;
    expect(notes.words).toContain('счёт');
  });
});
