/**
 * Kinds found by blind batches 60 (a Samara dental-clinic network; a Los Angeles B2B sales floor)
 * and 61 (a Novosibirsk university's admissions office; a Dublin customer-success team), fixed in
 * the tenth session after they were scored blind, and tested here with sentences and a directory of
 * our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Europe/Moscow';
// Thursday 2027-09-16, 10:00 Moscow.
const NOW = instantOfWallTime({ year: 2027, month: 9, day: 16, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Ирина', lastName: 'Лаптева', gender: 'F' },
    { id: 2, name: 'Гурген', lastName: 'Оганесян', gender: 'M' },
    { id: 3, name: 'Мэри', lastName: 'Аракелян', gender: 'F' },
    { id: 4, name: 'Этери', lastName: 'Чантурия', gender: 'F' },
    { id: 5, name: 'Will', lastName: 'Sharpe', gender: 'M' },
    { id: 6, name: 'Patricia', lastName: 'Doyle', gender: 'F' },
    { id: 7, name: 'Mark', lastName: 'Cole', gender: 'M' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('Russian', () => {
  it('a colloquial patronymic in -ыч after a given name is part of the name', () => {
    expect(parse('поставь задачу гургену арамычу проверить кассу').slots).toEqual({ title: 'проверить кассу', responsible: { userId: 2 } });
  });
  it('э and е after a consonant spell the same name (Мэри — Мери)', () => {
    expect(parse('напиши мери что договор подписан').slots).toEqual({ recipient: { userId: 3 }, text: 'договор подписан' });
  });
  it('a four-letter given name a letter off, right before the user\'s own surname ("нину" for Нино)', () => {
    const d: Directory = { ...dir, users: [...dir.users, { id: 8, name: 'Нино', lastName: 'Квирикадзе', gender: 'F' }] };
    expect(parse('поставь задачу на нину квирикадзе сверить списки', undefined, d).slots).toEqual({ title: 'сверить списки', responsible: { userId: 8 } });
  });
  it('a reply drawn out or stammered is that reply', () => {
    expect(parse('неее', 'task.create').intent).toBe('reject');
    expect(parse('не не то', 'task.create').intent).toBe('reject');
    expect(parse('дааа давай', 'task.create').intent).toBe('confirm');
  });
  it('no glued preposition is split off a word right after another preposition ("для сбера")', () => {
    expect(parse('напиши мэри где счёт для сбера').slots).toEqual({ recipient: { userId: 3 }, text: 'где счёт для сбера' });
  });
  it('digits run into letters ("2гис") are a name, no hour', () => {
    expect(parse('перенеси задачу про отзывы в 2гис на понедельник').slots).toEqual({ deadline: '2027-09-20', task: { query: 'отзывы в 2гис' } });
  });
  it('"сколько … стоит" asks a price, no agenda', () => {
    expect(parse('сколько у нас стоит чистка зубов?').intent).toBe('unknown');
    expect(parse('сколько у меня встреч завтра').intent).toBe('agenda.query');
  });
  it('"сколько сделок мы закрыли" is a count, no score', () => {
    expect(parse('сколько сделок мы закрыли в августе').intent).toBe('unknown');
  });
  it('adjectives before an adjective and its noun take the nominative too', () => {
    expect(parse('какие шансы у лида Тольяттинской торговой компании').slots).toEqual({ lead: { query: 'Тольяттинская торговая компания' } });
  });
});

describe('English', () => {
  it('Trish for Patricia', () => {
    expect(parse('message trish the deck is ready').slots).toEqual({ recipient: { userId: 6 }, text: 'the deck is ready' });
  });
  it('a company word ends a name after "with" (Dental, Medical)', () => {
    expect(parse('cancel the call with Harbor Dental on Monday').slots).toEqual({ event: { at: '2027-09-20', query: 'call with Harbor Dental' } });
  });
  it('"how many deals did we close" is a count, no score', () => {
    expect(parse('how many deals did we close in august').intent).toBe('unknown');
  });
  it('a month and a day at both ends make one span without "from"', () => {
    expect(parse('add event: trade fair, Oct 4 to Oct 6').slots).toEqual({ title: 'trade fair', start: '2027-10-04', end: '2027-10-06' });
  });
  it('a change verb that is a colleague\'s name (Mark, Will) after "for" or before a possessive names them', () => {
    expect(parse('close the task for will sharpe').slots).toEqual({ task: { person: { userId: 5 } } });
    expect(parse("mark mark cole's quote task as done").slots).toEqual({ task: { person: { userId: 7 }, query: 'quote' } });
  });
  it('the possessive of a surname misheard ("will sharp\'s" for Will Sharpe)', () => {
    expect(parse("close will sharp's invoice task").slots).toEqual({ task: { person: { userId: 5 }, query: 'invoice' } });
  });
});
