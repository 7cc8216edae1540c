/**
 * NamedDayRefiner: a weekday that is part of a day's name ("чёрная пятница", "Black Friday") is no
 * date; a weekday after a surname that looks like an adjective ("у Черных в пятницу") still is.
 */
import { ctx, extractor } from '../helpers';

const texts = (input: string, lang: 'ru' | 'en') => extractor.extract(input, ctx(lang)).map((m) => m.text);

describe('NamedDayRefiner', () => {
  it('drops a weekday named by the adjective before it, in any singular case', () => {
    expect(texts('подготовить выкладку к чёрной пятнице', 'ru')).toEqual([]);
    expect(texts('распродажа в черную пятницу', 'ru')).toEqual([]);
    expect(texts('служба в Страстную пятницу', 'ru')).toEqual([]);
    expect(texts('уборка к Чистому четвергу', 'ru')).toEqual([]);
    expect(texts('draft the black friday email', 'en')).toEqual([]);
    expect(texts('Cyber Monday sale plan', 'en')).toEqual([]);
  });

  it('keeps the date when the day is named with a date of its own or the word is a surname', () => {
    expect(texts('встреча с Черных в пятницу', 'ru')).toEqual(['в пятницу']);
    expect(texts('Что у Черных до пятницы?', 'ru')).toEqual(['до пятницы']);
    expect(texts('созвон с Черновым в понедельник', 'ru')).toEqual(['в понедельник']);
    expect(texts('meet ashley friday at 3', 'en').length).toBe(1);
    expect(texts('подготовить акции к пятнице', 'ru')).toEqual(['к пятнице']);
  });
});
