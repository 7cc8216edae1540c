/**
 * Person rules found with the held-out set (docs/nlu-heldout.md), on its second directory
 * (test/nlu/fixtures/directory-2.json) and the demo portal.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Directory } from '../../../src/nlu/types';
import { demoDirectory, finder } from './helpers';

const d3 = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'directory-3.json'), 'utf8')) as Directory;
const d2 = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'directory-2.json'), 'utf8')) as Directory;
const demo = demoDirectory();

async function slots(text: string, dir: Directory = d2, lang: 'ru' | 'en' = 'ru') {
  return (await finder()).find(text, dir, lang).map((m) => m.slot);
}

describe('names that are ordinary words, said in lower case', () => {
  it.each([
    ['напиши вере что образцы пришли', [{ userId: 3 }]],
    ['встреча с розой', [{ userId: 5 }]],
    ['поставь задачу надежде проверить смету', [{ userId: 4 }]],
    ['поставь задачу купить розы на восьмое марта', []],
    ['поставь задачу проверить смету в надежде на скидку', []],
    ['поставь задачу укрепить веру клиентов в продукт', []],
  ])('%s', async (text, want) => {
    expect(await slots(text)).toEqual(want);
  });
});

describe('hyphenated surnames split by speech recognition', () => {
  it('joins the two words when the directory knows the joined form', async () => {
    const f = await finder();
    const [m] = f.find('напиши петрову водкину что макет у него', d2, 'ru');
    expect(m).toMatchObject({ slot: { userId: 7 }, text: 'петрову водкину' });
    expect(await slots('напиши наде римской корсаковой что договор подписан')).toEqual([{ userId: 4 }]);
  });
});

describe('unknown and mismatched names', () => {
  it('a lower-case unknown name in the dative', async () => {
    expect(await slots('напиши васе что встреча в силе', demo)).toEqual([{ unresolved: 'Вася' }]);
    expect(await slots('напиши роме что встреча отменяется')).toEqual([{ unresolved: 'Рома' }]);
  });
  it('no person after в/во/под', async () => {
    expect(await slots('создай событие командировка в питер', demo)).toEqual([]);
  });
  it('a first and a last name of two different users is a stranger', async () => {
    expect(await slots('напиши сергею сергееву что совещание в три', demo)).toEqual([{ unresolved: 'Сергей Сергеев' }]);
    expect(await slots('напиши ивану сергееву что совещание в три', demo)).toEqual([{ userId: 6 }]);
  });
  it('a wake word is nobody', async () => {
    expect(await slots('алиса поставь задачу маше', demo)).toEqual([{ userId: 5 }]);
  });
});

describe('English', () => {
  it.each([
    ['send a message to grace saying hi', [{ userId: 23 }]],
    ['send mark a message', [{ userId: 24 }]],
    ['remind mark turner to send the report', [{ userId: 24 }]],
    ['tell dan the invoice is paid', [{ userId: 27 }]],
    ['set up a call with chris lee', [{ userId: 28 }]],
    ['set a meeting for may 5th', []],
  ])('%s', async (text, want) => {
    expect(await slots(text, d2, 'en')).toEqual(want);
  });
});

describe('nominative of a lead named by a person', () => {
  it('puts names and surnames in the nominative, other words as they are', async () => {
    const f = await finder();
    // A person's name gets its capital back, even when the recogniser wrote none.
    expect(f.nominative('петровой', 'ru')).toBe('Петрова');
    expect(f.nominative('Иванову', 'ru')).toMatch(/^Иванов/);
    expect(f.nominative('Ромашка', 'ru')).toBe('Ромашка');
    // A surname no dictionary holds, read from its ending.
    expect(f.nominative('сафиуллиной', 'ru')).toBe('Сафиуллина');
    expect(f.nominative('ромашки', 'ru')).toBe('ромашка');
  });
});

describe('third directory: surnames that are words, fleeting vowels, infinitives', () => {
  it.each([
    ['поставь задачу святославу кузнецу обновить прайс', [{ userId: 10 }]],
    ['встреча с кузнецом', [{ userId: 10 }]],
    ['напиши лебедю что все ок', [{ userId: 9 }]],
    ['поставь задачу на белую подготовить отчет', [{ userId: 3 }]],
    ['напиши лилии что отчет принят', [{ userId: 3 }]],
    ['поставь задачу купить лилии в офис', []],
  ])('%s', async (text, want) => {
    expect(await slots(text, d3)).toEqual(want);
  });
  it('a name that is a word after an infinitive is its object', async () => {
    expect(await slots('напомни мне позвонить жене', demo)).toEqual([{ self: true }]);
    expect(await slots('напиши жене что я на месте', demo)).toEqual([{ candidates: [22, 23] }]);
  });
});

describe('Russian names said in English', () => {
  it.each([
    ['send a message to sergey ivanov saying hi', demo, [{ userId: 2 }]],
    ['call with maria ivanova', demo, [{ userId: 5 }]],
    ['set up a call with rustam tomorrow', d3, [{ userId: 6 }]],
    ['create a task for dmitry', d2, [{ candidates: [7, 8] }]],
    ['message yulia the report is ready', demo, [{ userId: 15 }]],
  ])('%s', async (text, dir, want) => {
    expect(await slots(text, dir, 'en')).toEqual(want);
  });
});
