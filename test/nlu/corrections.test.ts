/** Corrections offered instead of "да" (nlu.md): the slot under discussion, negated words skipped. */
import fs from 'node:fs';
import { createParser, type Parser } from '../../src/nlu';
import type { Directory, IntentName } from '../../src/nlu/types';
import { corpusFile } from '../helpers/data';

const directory = JSON.parse(fs.readFileSync(corpusFile('directory.json'), 'utf8')) as Directory;
const now = new Date('2026-11-26T07:00:00Z'); // Thu 10:00 in Moscow
let parser: Parser;
beforeAll(async () => {
  parser = await createParser();
});

const parse = (text: string, expecting: IntentName) => parser.parse(text, { now, timeZone: 'Europe/Moscow', directory, expecting });

describe('corrections', () => {
  it.each([
    ['нет не антону а маше', 'message.send', { recipient: { userId: 5 } }],
    ['не в среду а в четверг', 'task.create', { deadline: '2026-12-03' }],
    ['нет на среду', 'task.create', { deadline: '2026-12-02' }],
    ['лучше на сергея', 'task.create', { responsible: { userId: 2 } }],
    ['нет с 14 до 15', 'event.create', { start: '2026-11-26T14:00', end: '2026-11-26T15:00' }],
    ['not john, emily', 'message.send', { recipient: { userId: 27 } }],
  ] as const)('%s (%s)', (text, expecting, slots) => {
    const r = parse(text, expecting as IntentName);
    expect(r.intent).toBe('reject');
    expect(r.slots).toEqual(slots);
  });
});
