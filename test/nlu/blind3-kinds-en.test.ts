/**
 * The English kinds of miss blind batch 3 showed (docs/nlu-heldout.md), each with sentences and a
 * directory of its own — not the batch's — typed and as a recogniser writes them (lower case,
 * numbers as words, fillers), and each failing on the parser before its fix. The guards at the end
 * of some blocks passed before; they keep the fix from reaching too far.
 */
import { createParser, type Parser } from '../../src/nlu';
import type { Directory, ParseResult, Slots } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';

const TZ = 'Europe/Moscow';
// Tuesday 2027-02-09, 11:30 Moscow: tomorrow is 02-10, Thursday 02-11, Friday 02-12, Monday 02-15.
const NOW = instantOfWallTime({ year: 2027, month: 2, day: 9, hour: 11, minute: 30 }, TZ);
// Saturday 2027-02-13: this week's Friday has passed.
const SATURDAY = instantOfWallTime({ year: 2027, month: 2, day: 13, hour: 10, minute: 0 }, TZ);

const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Daniel', lastName: 'Ross', gender: 'M' },
    { id: 2, name: 'Priya', lastName: 'Shah', gender: 'F' },
    { id: 3, name: 'Marcus', lastName: 'Webb', gender: 'M' },
    { id: 4, name: 'Elena', lastName: 'Novak', gender: 'F' },
    { id: 5, name: 'Tom', lastName: 'Becker', gender: 'M' },
    { id: 6, name: 'Sofia', lastName: 'Reyes', gender: 'F' },
    { id: 7, name: 'Noah', lastName: 'Fischer', gender: 'M' },
  ],
};

let parser: Parser;
beforeAll(async () => {
  parser = await createParser();
});
const parse = (text: string, now = NOW): ParseResult & { slots: Slots } => parser.parse(text, { now, timeZone: TZ, directory: dir }) as ParseResult & { slots: Slots };
const brief = (r: ParseResult) => ({ intent: r.intent, slots: r.slots });

describe('spoken lead-ins and hesitations are never a title, a text or a query', () => {
  it.each([
    ['um add a task to renew the domain', 'task.create', { title: 'renew the domain' }],
    ['uh create a new task', 'task.create', {}],
    ['add a task hmm call the plumber', 'task.create', { title: 'call the plumber' }],
    ['well uh remind me to water the plants tomorrow', 'task.create', { title: 'water the plants', responsible: { self: true }, deadline: '2027-02-10' }],
    ['so text Sofia that the keys are at reception', 'message.send', { recipient: { userId: 6 }, text: 'the keys are at reception' }],
    ['hey so could you text Marcus that the van is here', 'message.send', { recipient: { userId: 3 }, text: 'the van is here' }],
    ['okay google um ping Elena that the build is green', 'message.send', { recipient: { userId: 4 }, text: 'the build is green' }],
    ['message Tom uh the printer is jammed again', 'message.send', { recipient: { userId: 5 }, text: 'the printer is jammed again' }],
    ['ping Elena and tell her the build is green', 'message.send', { recipient: { userId: 4 }, text: 'the build is green' }],
    ['text Tom and let him know that the van is here', 'message.send', { recipient: { userId: 5 }, text: 'the van is here' }],
    ['add renew the parking permit to my to-do list', 'task.create', { title: 'renew the parking permit' }],
    ['erm so move the standup to Thursday', 'event.update', { event: { query: 'standup' }, start: '2027-02-11' }],
  ])('"%s"', (text, intent, slots) => {
    expect(brief(parse(text))).toEqual({ intent, slots });
  });
});

describe('a hesitation means nothing wherever it stands; more spoken openers', () => {
  it.each([
    ['schedule a call with uh Priya tomorrow at 10', 'event.create', { title: 'call', start: '2027-02-10T10:00', attendees: [{ userId: 2 }] }],
    ['text um Noah that the parcel came', 'message.send', { recipient: { userId: 7 }, text: 'the parcel came' }],
    ['tell Elena that um the room is booked', 'message.send', { recipient: { userId: 4 }, text: 'the room is booked' }],
    ['yeah so add a task to clean the fridge', 'task.create', { title: 'clean the fridge' }],
    ['hmm let me think, create a task to file the taxes', 'task.create', { title: 'file the taxes' }],
    ['oh and remind me to feed the cat tonight', 'task.create', { title: 'feed the cat', responsible: { self: true }, deadline: '2027-02-09T19:00' }],
  ])('"%s"', (text, intent, slots) => {
    expect(brief(parse(text))).toEqual({ intent, slots });
  });
  it.each([
    ['um yes', 'confirm'],
    ['uh no', 'reject'],
    ['ok um never mind', 'cancel'],
  ])('a reply: "%s" is %s', (text, intent) => {
    expect(brief(parse(text))).toEqual({ intent, slots: {} });
  });
  it('guard: a word in quotes stays', () => {
    expect(parse('create a task called "Hmm"').slots).toEqual({ title: 'Hmm' });
  });
});

describe('words of a task\'s content block nothing ("a task to sort the mail")', () => {
  it.each([
    ['create a task to sort the mail', 'task.create', { title: 'sort the mail' }],
    ['remind me to check my email this afternoon', 'task.create', { title: 'check my email', responsible: { self: true }, deadline: '2027-02-09T14:00' }],
    ['add a task to email Tom the contract', 'task.create', { title: 'email Tom the contract' }],
    ['text Marcus that I answered the email', 'message.send', { recipient: { userId: 3 }, text: 'I answered the email' }],
  ])('"%s"', (text, intent, slots) => {
    expect(brief(parse(text))).toEqual({ intent, slots });
  });
  it.each(['send an email to Priya', 'set an alarm for 7 am', 'check my mail'])('guard: "%s" is unknown', (text) => {
    expect(parse(text).intent).toBe('unknown');
  });
});

describe('a task whose title opens with a verb keeps the verb, its object and its "about"', () => {
  it.each([
    ['add a task call the insurer about the claim on Monday', { title: 'call the insurer about the claim', deadline: '2027-02-15' }],
    ['remind me to call the bank about the mortgage', { title: 'call the bank about the mortgage', responsible: { self: true } }],
    ['add a task to phone Marcus about the invoice', { title: 'phone Marcus about the invoice' }],
    ['create a task for Priya to brief Elena about the launch', { title: 'brief Elena about the launch', responsible: { userId: 2 } }],
    ['new task tell Noah the badge is ready', { title: 'tell Noah the badge is ready' }],
    ['make a task schedule the vendor review', { title: 'schedule the vendor review' }],
    ['create a task to fix the gate and set the deadline to Friday', { title: 'fix the gate', deadline: '2027-02-12' }],
    ['put down a task for Sofia review the budget', { title: 'review the budget', responsible: { userId: 6 } }],
    ['add a to do for Tom order the cake', { title: 'order the cake', responsible: { userId: 5 } }],
    ['note to self renew the passport', { title: 'renew the passport', responsible: { self: true } }],
    ['create a task set up the demo laptop by Friday', { title: 'set up the demo laptop', deadline: '2027-02-12' }],
  ])('"%s"', (text, slots) => {
    expect(brief(parse(text))).toEqual({ intent: 'task.create', slots });
  });
  // (No English title opens with an article: none of ~800 held-out titles does, tenth session.)
  it.each([
    ['create a task about the office party', { title: 'office party' }],
    ['add a task for Sofia about the visa', { title: 'visa', responsible: { userId: 6 } }],
    ['create a task for Tom call the courier', { title: 'call the courier', responsible: { userId: 5 } }],
  ])('guard: "%s"', (text, slots) => {
    expect(brief(parse(text))).toEqual({ intent: 'task.create', slots });
  });
});

describe('"by the end of the week" is this Friday, a deadline, and no title word', () => {
  it.each([
    ['create a task for Marcus to update the wiki by the end of the week', { title: 'update the wiki', responsible: { userId: 3 }, deadline: '2027-02-12' }],
    ['remind me to submit expenses by end of week', { title: 'submit expenses', responsible: { self: true }, deadline: '2027-02-12' }],
    ['add a task finish the slides before the end of the week', { title: 'finish the slides', deadline: '2027-02-12' }],
  ])('"%s"', (text, slots) => {
    expect(brief(parse(text))).toEqual({ intent: 'task.create', slots });
  });
  it('said on a Saturday it is today', () => {
    expect(parse('new task pay the caterer by the end of the week', SATURDAY).slots).toEqual({ title: 'pay the caterer', deadline: '2027-02-13' });
  });
  it('as a new deadline', () => {
    expect(brief(parse('move the deadline of the audit task to the end of the week'))).toEqual({ intent: 'task.update', slots: { task: { query: 'audit' }, deadline: '2027-02-12' } });
  });
});

describe('an id said in spoken groups of digits', () => {
  it.each([
    ["how's lead three forty doing", { id: 340 }],
    ['rate deal one oh seven', { id: 107, entity: 'deal' }],
    ['what are the odds on lead twelve oh five', { id: 1205 }],
  ])('"%s"', (text, lead) => {
    expect(brief(parse(text))).toEqual({ intent: 'lead.score', slots: { lead } });
  });
  it('a task id', () => {
    expect(brief(parse('close task six fifteen'))).toEqual({ intent: 'task.complete', slots: { task: { id: 615 } } });
  });
  it('guard: one number said whole', () => {
    expect(parse('what about lead twenty five').slots).toEqual({ lead: { id: 25 } });
    expect(parse('rate lead number three hundred five').slots).toEqual({ lead: { id: 305 } });
  });
});

describe('change idioms', () => {
  it.each([
    ['bump my 11 am sync to Thursday', 'event.update', { event: { query: 'sync', at: '2027-02-09T11:00' }, start: '2027-02-11' }],
    ['bump the interview with Sofia to tomorrow at 2', 'event.update', { event: { query: 'interview', person: { userId: 6 } }, start: '2027-02-10T14:00' }],
    ['push the demo call back an hour', 'event.update', { event: { query: 'demo call' } }],
    ['move the standup forward fifteen minutes', 'event.update', { event: { query: 'standup' } }],
    ['scrap the webinar', 'event.cancel', { event: { query: 'webinar' } }],
    ['Drop the interview.', 'event.cancel', { event: { query: 'interview' } }],
    ['set the deadline of task 88 to next Friday', 'task.update', { task: { id: 88 }, deadline: '2027-02-19' }],
    ['set the due date on the payroll task to Monday', 'task.update', { task: { query: 'payroll' }, deadline: '2027-02-15' }],
    ['push the due date on the visa task to Monday', 'task.update', { task: { query: 'visa' }, deadline: '2027-02-15' }],
    ['change the deadline for the payroll task to Friday', 'task.update', { task: { query: 'payroll' }, deadline: '2027-02-12' }],
  ])('"%s"', (text, intent, slots) => {
    expect(brief(parse(text))).toEqual({ intent, slots });
  });
  it.each([
    ['can we push the retro to Friday', 'event.update', { event: { query: 'retro' }, start: '2027-02-12' }],
    ['push back the interview by twenty minutes', 'event.update', { event: { query: 'interview' } }],
    ['move the sync up to 9 am', 'event.update', { event: { query: 'sync' }, start: '2027-02-10T09:00' }],
    ['bump the call with Elena up an hour', 'event.update', { event: { query: 'call', person: { userId: 4 } } }],
    ['reschedule my call with Tom for Friday', 'event.update', { event: { query: 'call', person: { userId: 5 } }, start: '2027-02-12' }],
    ["reschedule tomorrow's sync for 3 pm", 'event.update', { event: { query: 'sync', at: '2027-02-10' }, start: '2027-02-10T15:00' }],
    ['kill the standup', 'event.cancel', { event: { query: 'standup' } }],
    ['wrap up the onboarding task', 'task.complete', { task: { query: 'onboarding' } }],
    ['close out the vendor task', 'task.complete', { task: { query: 'vendor' } }],
    ['give the hiring task to Noah instead', 'task.update', { task: { query: 'hiring' }, responsible: { userId: 7 } }],
    ['change the owner of the audit task to Priya', 'task.update', { task: { query: 'audit' }, responsible: { userId: 2 } }],
    ['cancel my one-on-one with Marcus', 'event.cancel', { event: { query: 'one-on-one', person: { userId: 3 } } }],
    ['nix the 4 pm meeting', 'event.cancel', { event: { at: '2027-02-09T16:00' } }],
    ["ditch Thursday's sync with Noah", 'event.cancel', { event: { query: 'sync', person: { userId: 7 }, at: '2027-02-11' } }],
  ])('"%s"', (text, intent, slots) => {
    expect(brief(parse(text))).toEqual({ intent, slots });
  });
  it.each([
    ['scrap the sync with Tom', 'event.cancel', { event: { query: 'sync', person: { userId: 5 } } }],
    ["Drop tomorrow's call.", 'event.cancel', { event: { query: 'call', at: '2027-02-10' } }],
    ['move the call for tomorrow to Thursday', 'event.update', { event: { query: 'call', at: '2027-02-10' }, start: '2027-02-11' }],
  ])('guard: "%s"', (text, intent, slots) => {
    expect(brief(parse(text))).toEqual({ intent, slots });
  });
  it.each([
    ['scrap that', 'cancel'],
    ['drop the task', 'cancel'],
    ['forget about the meeting', 'cancel'],
  ])('guard: "%s" is %s', (text, intent) => {
    expect(brief(parse(text))).toEqual({ intent, slots: {} });
  });
});

describe('"how does my … look" asks about the plan', () => {
  it.each([
    ['how does my thursday look', { from: '2027-02-11', to: '2027-02-11' }],
    ['how does tomorrow look', { from: '2027-02-10', to: '2027-02-10' }],
    ["how's my week shaping up", { from: '2027-02-08', to: '2027-02-14' }],
  ])('"%s"', (text, slots) => {
    expect(brief(parse(text))).toEqual({ intent: 'agenda.query', slots });
  });
  it('a lead or deal that looks good is a lead question', () => {
    expect(brief(parse('how does deal three forty look'))).toEqual({ intent: 'lead.score', slots: { lead: { id: 340, entity: 'deal' } } });
  });
});

describe('lead questions in other words, and lead words inside a new task', () => {
  it.each([
    ['what do you think about lead 64', { id: 64 }],
    ['any thoughts on deal nineteen', { id: 19, entity: 'deal' }],
    ['should I bother with the Umbrella lead', { query: 'Umbrella' }],
  ])('"%s"', (text, lead) => {
    expect(brief(parse(text))).toEqual({ intent: 'lead.score', slots: { lead } });
  });
  it.each([
    ['create a task to find good leads', { title: 'find good leads' }],
    ['make a task for Noah to qualify the hot leads', { title: 'qualify the hot leads', responsible: { userId: 7 } }],
  ])('"%s" is a task', (text, slots) => {
    expect(brief(parse(text))).toEqual({ intent: 'task.create', slots });
  });
});

describe('more kinds of meeting name an event', () => {
  it('schedule a retro', () => {
    expect(brief(parse('schedule a retro with Priya tomorrow at 4'))).toEqual({ intent: 'event.create', slots: { title: 'retro', start: '2027-02-10T16:00', attendees: [{ userId: 2 }] } });
  });
  it('a meeting "on the books"', () => {
    expect(brief(parse('get a meeting on the books with Elena for next week'))).toEqual({ intent: 'event.create', slots: { title: 'meeting', start: '2027-02-15', attendees: [{ userId: 4 }] } });
  });
  it('set up a kickoff', () => {
    expect(brief(parse('set up a kickoff with Noah on Monday at 10'))).toEqual({ intent: 'event.create', slots: { title: 'kickoff', start: '2027-02-15T10:00', attendees: [{ userId: 7 }] } });
  });
});

describe('an article opening a query after its marker is no word of it', () => {
  it.each([
    ['close the task about the quarterly audit', 'task.complete', { task: { query: 'quarterly audit' } }],
    ['mark the task about a new badge printer done', 'task.complete', { task: { query: 'new badge printer' } }],
    ['delete the event called the winter offsite', 'event.cancel', { event: { query: 'winter offsite' } }],
  ])('"%s"', (text, intent, slots) => {
    expect(brief(parse(text))).toEqual({ intent, slots });
  });
});

describe('buying travel or tickets is out of scope', () => {
  it.each(['book a flight to Madrid for next Monday', 'could you book a hotel in Rome for Friday', 'can you book us a hotel for the weekend'])('"%s" is unknown', (text) => {
    expect(brief(parse(text))).toEqual({ intent: 'unknown', slots: {} });
  });
  it.each(['book me a train ticket to Paris', 'order a taxi for 7 pm'])('guard: "%s" is unknown', (text) => {
    expect(brief(parse(text))).toEqual({ intent: 'unknown', slots: {} });
  });
  it.each([
    ['book a call with Priya tomorrow at 10', 'event.create'],
    ['remind me to book flights to Oslo', 'task.create'],
  ])('guard: "%s" is %s', (text, intent) => {
    expect(parse(text).intent).toBe(intent);
  });
});
