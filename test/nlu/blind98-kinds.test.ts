/**
 * Kinds found by blind batch 98 (a Penza furniture-fittings maker; a Sydney IT consultancy), fixed in
 * the twelfth session after it was scored blind, and tested here with sentences of our own; each
 * failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Australia/Sydney';
// Thursday 2027-08-05, 10:00 Sydney.
const NOW = instantOfWallTime({ year: 2027, month: 8, day: 5, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Rebecca', lastName: 'Thornton', gender: 'F' },
    { id: 2, name: 'Will', lastName: 'Parker', gender: 'M' },
  ],
};
const ru: Directory = {
  self: 1,
  timeZone: 'Europe/Moscow',
  users: [
    { id: 1, name: 'Глеб', lastName: 'Рябинин', gender: 'M' },
    { id: 2, name: 'Данияр', lastName: 'Ахметов', gender: 'M' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

it('"поставь за дачу Ильдару": a command noun a recogniser split in two after a command verb', () => {
  expect(parse('поставь за дачу данияру провести совещание с дилерами', undefined, ru)).toMatchObject({ intent: 'task.create', slots: { title: 'провести совещание с дилерами', responsible: { userId: 2 } } });
});

it('Australian retailers and telcos are companies ("invoice for Coles")', () => {
  expect(parse('task: raise the invoice for Woolworths sprint 9, for Will').slots).toEqual({ title: 'raise the invoice for Woolworths sprint 9', responsible: { userId: 2 } });
});

it('"block out Friday afternoon for focus time": the verb\'s particle said right after it', () => {
  expect(parse('block out monday morning for planning').slots).toMatchObject({ title: 'planning' });
});

it('"hang on actually don\'t bother": a pause before a cancel', () => {
  expect(parse('hold on, never mind').intent).toBe('cancel');
});
