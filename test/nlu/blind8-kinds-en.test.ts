/**
 * Kinds of English miss blind batch 8 showed (docs/nlu-heldout.md), with sentences and a directory
 * of our own, each failing before its fix.
 */
import type { Directory, ParseResult } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Europe/London';
// Tuesday 2026-12-08, 10:15 London.
const NOW = instantOfWallTime({ year: 2026, month: 12, day: 8, hour: 10, minute: 15 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Dana', lastName: 'Price', gender: 'F' },
    { id: 2, name: 'Igor', lastName: 'Sergeevich', gender: 'M' },
    { id: 3, name: 'Priya', lastName: 'Nair', gender: 'F' },
    { id: 4, name: 'Tomas', lastName: 'Friday', gender: 'M' },
    { id: 5, name: 'Li', lastName: 'Wang', gender: 'M' },
    { id: 6, name: 'Marco', lastName: 'Bellini', gender: 'M' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('replies and help', () => {
  it.each(['no that\'s not right', 'that is not correct', 'no, that\'s incorrect'])('"%s" is reject', (text) => {
    expect(parse(text).intent).toBe('reject');
  });
  it.each(['what can this thing do', 'what can this app do', 'ok so what can it do'])('"%s" is help', (text) => {
    expect(parse(text).intent).toBe('help');
  });
  it('"what is this thing" stays unknown', () => {
    expect(parse('what is this thing').intent).toBe('unknown');
  });
});

describe('end of the working day', () => {
  it.each([
    ['make a task called budget v3 for myself by EOD', { title: 'budget v3', responsible: { self: true }, deadline: '2026-12-08' }],
    ['add task send the slides to Priya EOD', { title: 'send the slides', responsible: { userId: 3 }, deadline: '2026-12-08' }],
    ['create a task update the wiki by COB', { title: 'update the wiki', deadline: '2026-12-08' }],
  ])('"%s"', (text, slots) => {
    expect(parse(text).slots).toEqual(slots);
  });
  it.each([
    ['schedule a meeting about the cob salad tomorrow', 'meeting about the cob salad'],
    ['add a task prepare the end of day report', 'prepare the end of day report'],
    ['create a task call the plumber by end of day', 'call the plumber by end of day'],
  ])('"%s": a bare cob or end of day is no date', (text, title) => {
    expect(parse(text).slots.title).toBe(title);
  });
});

describe('references', () => {
  it.each([
    ['pls delete event team picnic', 'event.cancel', { event: { query: 'team picnic' } }],
    ['plz close task 55', 'task.complete', { task: { id: 55 } }],
    ['move the deadline of the Q3 budget task to Monday', 'task.update', { task: { query: 'Q3 budget' }, deadline: '2026-12-14' }],
    ['close the 2FA rollout task', 'task.complete', { task: { query: '2FA rollout' } }],
    ['move task 712 to the 20th', 'task.update', { task: { id: 712 }, deadline: '2026-12-20' }],
    ['move the budget task to the 20th', 'task.update', { task: { query: 'budget' }, deadline: '2026-12-20' }],
  ])('"%s"', (text, intent, slots) => {
    expect(parse(text)).toMatchObject({ intent, slots });
    expect(parse(text).slots).toEqual(slots);
  });
});

describe('news, form-like dictation and a length after a comma', () => {
  it.each(['the meeting with Priya got pushed to Monday', 'the sync with Marco got pushed to Friday btw', 'heads up the call with Li was bumped to 3pm'])('"%s" is news', (text) => {
    expect(parse(text).intent).toBe('unknown');
  });
  it.each([
    ['create a task assign it to priya nair due friday at three pm title vendor review', { title: 'vendor review', responsible: { userId: 3 }, deadline: '2026-12-11T15:00' }],
    ['new task title vendor review due friday', { title: 'vendor review', deadline: '2026-12-11' }],
    ['add a task update the title page by friday', { title: 'update the title page', deadline: '2026-12-11' }],
  ])('"%s": "title" after the command or a slot names the field', (text, slots) => {
    expect(parse(text).slots).toEqual(slots);
  });
  it.each([
    ['book a call with Marco wed 2pm, 30 min', { title: 'call', start: '2026-12-09T14:00', end: '2026-12-09T14:30', attendees: [{ userId: 6 }] }],
    ['schedule a meeting tomorrow at 11, an hour', { title: 'meeting', start: '2026-12-09T11:00', end: '2026-12-09T12:00' }],
  ])('"%s"', (text, slots) => {
    expect(parse(text).slots).toEqual(slots);
  });
});

describe('persons around a task', () => {
  it.each([
    ["create task 'Order toner' for Igor Petrovich by Monday", { title: 'Order toner', responsible: { userId: 2 }, deadline: '2026-12-14' }],
    ['add a task draft the memo for Igor Sergeevich by Friday', { title: 'draft the memo', responsible: { userId: 2 }, deadline: '2026-12-11' }],
    ['task for Priya in marketing: prepare the banner by the 20th', { title: 'prepare the banner', responsible: { userId: 3 }, deadline: '2026-12-20' }],
    ['task for Marco from legal: review the NDA tomorrow', { title: 'review the NDA', responsible: { userId: 6 }, deadline: '2026-12-09' }],
    ['remind me to check in with Li Wang about the invoices on Friday 3pm', { title: 'check in with Li Wang about the invoices', responsible: { self: true }, deadline: '2026-12-11T15:00' }],
    ['add a task for Priya to sync with Marco about pricing', { title: 'sync with Marco about pricing', responsible: { userId: 3 } }],
    ['add a task call Maya about the invoice', { title: 'call Maya about the invoice' }],
  ])('"%s"', (text, slots) => {
    expect(parse(text).slots).toEqual(slots);
  });
  it('"send Marco Ivanovich a message saying hi": the patronymic is the name\'s', () => {
    expect(parse('send Marco Ivanovich a message saying hi').slots).toEqual({ recipient: { userId: 6 }, text: 'hi' });
  });
});

describe('a close after news, a false start', () => {
  it.each([
    'finished the vendor review task, tick it off pls',
    'wrapped up the vendor review task, check it off please',
    'the vendor review task is done, tick it off',
  ])('"%s"', (text) => {
    expect(parse(text)).toMatchObject({ intent: 'task.complete', slots: { task: { query: 'vendor review' } } });
  });
  it('"tick it off" alone names nothing', () => {
    expect(parse('tick it off').intent).not.toBe('task.complete');
  });
  it.each([
    ['add a meeting every uh add a meeting tomorrow at ten for thirty minutes', { title: 'meeting', start: '2026-12-09T10:00', end: '2026-12-09T10:30' }],
    ['ok google add a stand up every uh add a stand up tomorrow at nine', { title: 'stand up', start: '2026-12-09T09:00' }],
    ['add a task add a task button to the form', { title: 'add a task button to the form' }],
    ['create a task to create a task template', { title: 'create a task template' }],
    ['schedule a team stand up on friday at 9', { title: 'team stand up', start: '2026-12-11T09:00' }],
    ['add a task stand up the new server', { title: 'stand up the new server' }],
  ])('"%s"', (text, slots) => {
    expect(parse(text).slots).toEqual(slots);
  });
});

describe('a surname that is a weekday, a purpose after the kind', () => {
  it.each([
    ['set up a call to review the budget with Tomas Friday on Wednesday at 3', { title: 'call to review the budget', start: '2026-12-09T15:00', attendees: [{ userId: 4 }] }],
    ['set up a call with Tomas Friday on Wednesday at 3', { title: 'call', start: '2026-12-09T15:00', attendees: [{ userId: 4 }] }],
    ['schedule a call with Tomas on Friday at 3', { title: 'call', start: '2026-12-11T15:00', attendees: [{ userId: 4 }] }],
    ['schedule a call to Priya tomorrow', { title: 'call', start: '2026-12-09', attendees: [{ userId: 3 }] }],
  ])('"%s"', (text, slots) => {
    expect(parse(text).slots).toEqual(slots);
  });
});

describe('guards', () => {
  it.each([
    ['create a meeting with Marco about the budget tomorrow', { title: 'meeting about the budget', start: '2026-12-09', attendees: [{ userId: 6 }] }],
    ['remind me to email Priya about the invoice tomorrow', { title: 'email Priya about the invoice', responsible: { self: true }, deadline: '2026-12-09' }],
    ['task for Priya at 3pm: call the bank', { title: 'call the bank', responsible: { userId: 3 }, deadline: '2026-12-08T15:00' }],
  ])('"%s" is as before', (text, slots) => {
    expect(parse(text).slots).toEqual(slots);
  });
});
