/**
 * Kinds found by blind batches 114 (a Grozny building-materials plant; a Lagos agro-commodities
 * exporter, Nigerian English and Pidgin) and 115 (a Vologda dairy cooperative; a Karachi
 * home-textiles exporter, Pakistani English), fixed in the fourteenth session after they were
 * scored blind, and tested here with sentences of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Africa/Lagos';
// Monday 2027-03-01, 10:00 Lagos.
const NOW = instantOfWallTime({ year: 2027, month: 3, day: 1, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Adebayo', lastName: 'Ogunleye', gender: 'M' },
    { id: 2, name: 'Temitope', lastName: 'Adeyemi', gender: 'F' },
    { id: 3, name: 'Musa', lastName: 'Bello', gender: 'M' },
    { id: 4, name: 'Ngozi', lastName: 'Eze', gender: 'F' },
  ],
};
const RU: Directory = {
  self: 1,
  timeZone: 'Europe/Moscow',
  users: [
    { id: 1, name: 'Ислам', lastName: 'Мусаев', gender: 'M' },
    { id: 2, name: 'Аслан', lastName: 'Котиев', gender: 'M' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);
const parseRu = kindsParser(RU, NOW, 'Europe/Moscow');

it('"Alhaji Bello", "Chief Musa": Nigerian titles before a name; Tope for Temitope', () => {
  expect(parse('tell alhaji bello that the sesame is ready for loading').slots).toEqual({ recipient: { userId: 3 }, text: 'the sesame is ready for loading' });
  expect(parse('new task for chief musa check the moisture readings').slots).toEqual({ title: 'check the moisture readings', responsible: { userId: 3 } });
  expect(parse('Remind Tope to follow up the invoice next Tuesday at 10am').slots).toEqual({ title: 'follow up the invoice', responsible: { userId: 2 }, deadline: '2027-03-09T10:00' });
});

it('Pidgin: "abeg make una", "tell X say …", "wetin dey my schedule", "I no fit make …"', () => {
  expect(parse('abeg make una put task for ngozi to clear the container by thursday').slots).toEqual({ title: 'clear the container', responsible: { userId: 4 }, deadline: '2027-03-04' });
  expect(parse('tell ngozi say make she call me back').slots).toEqual({ recipient: { userId: 4 }, text: 'make she call me back' });
  expect(parse('wetin dey my schedule today').slots).toEqual({ from: '2027-03-01', to: '2027-03-01' });
  expect(parse('I no fit make the meeting with Musa today').intent).toBe('unknown');
});

it('Urdu in Pakistani English: "acha go ahead", "chhodo"', () => {
  expect(parse('acha go ahead').intent).toBe('confirm');
  expect(parse('chhodo never mind').intent).toBe('cancel');
  expect(parse('acha create a task for musa to confirm the yarn order').slots).toEqual({ title: 'confirm the yarn order', responsible: { userId: 3 } });
});

it('"a call with Cargill procurement": traders known the world over are no persons', () => {
  expect(parse('Set up a call with Cargill procurement on Thursday 3pm to 4pm').slots).toEqual({ title: 'call with Cargill procurement', start: '2027-03-04T15:00', end: '2027-03-04T16:00' });
});

it('"с Аланом Дзагоевым" with an Аслан here: a real given name a letter off a colleague\'s, before an unknown surname, is a stranger', () => {
  expect(parseRu('Запланируй встречу с Аланом Дзагоевым 1 декабря в 10 утра').slots).toEqual({ title: 'встреча', attendees: [{ unresolved: 'Алан Дзагоев' }], start: '2027-12-01T10:00' });
});
