/**
 * Kinds found by blind batches 135 (an Abakan coal and power company; a Shenzhen components
 * supplier, mainland Chinese English's first batch) and 136 (a Bryansk confectionery plant; a Davao
 * exporter, Philippine English and Bisaya's third batch), fixed in the sixteenth session after they
 * were scored blind, and tested here with sentences of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Asia/Shanghai';
// Wednesday 2027-09-15, 10:00 Shanghai.
const NOW = instantOfWallTime({ year: 2027, month: 9, day: 15, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Coco', lastName: 'Huang', gender: 'F' },
    { id: 2, name: 'Wei', lastName: 'Zhang', gender: 'M' },
    { id: 3, name: 'Min', lastName: 'Zhang', gender: 'F' },
    { id: 4, name: 'Teresita', lastName: 'Dizon', gender: 'F' },
    { id: 5, name: 'Emmanuel', lastName: 'Ocampo', gender: 'M' },
    { id: 6, name: 'Eduardo', lastName: 'Lim', gender: 'M' },
  ],
};
const parse = kindsParser(dir, NOW, TZ);

const ruTZ = 'Europe/Moscow';
const ruNOW = instantOfWallTime({ year: 2027, month: 9, day: 15, hour: 10, minute: 0 }, ruTZ);
const ru = kindsParser(
  {
    self: 1,
    timeZone: ruTZ,
    users: [
      { id: 1, name: 'Игорь', lastName: 'Сомов', gender: 'M' },
      { id: 2, name: 'Янина', lastName: 'Кац', gender: 'F' },
      { id: 3, name: 'Алла', lastName: 'Кваша', gender: 'F' },
    ],
  },
  ruNOW,
  ruTZ,
);

it('Mandarin English: Lao and Xiao before a surname, replies and "na ge", a stranger\'s surname before the task\'s verb', () => {
  expect(parse('create task for lao zhang check the solder paste stock').slots).toEqual({ title: 'check the solder paste stock', responsible: { candidates: [2, 3] } });
  expect(parse('Send Xiao Zhang a message: the samples are packed').slots).toEqual({ recipient: { candidates: [2, 3] }, text: 'the samples are packed' });
  expect(parse('hao de').intent).toBe('confirm');
  expect(parse('dui dui').intent).toBe('confirm');
  expect(parse('bu shi').intent).toBe('reject');
  expect(parse('suan le').intent).toBe('cancel');
  expect(parse('na ge remind me to call the forwarder at three').slots).toEqual({ title: 'call the forwarder', responsible: { self: true }, deadline: '2027-09-15T15:00' });
  expect(parse('create task for jason liu check the reel labels').slots).toEqual({ title: 'check the reel labels', responsible: { unresolved: 'Jason Liu' } });
  expect(parse('create tusk for coco update the price sheet').slots).toEqual({ title: 'update the price sheet', responsible: { self: true } });
});

it('Philippine English: Tess, Manny, Ed; a doubled nickname; sige, palihug, gawa ka, human na, ug, po; "…, make a task for him"', () => {
  expect(parse('message Tess Dizon: the reefer is plugged in').slots).toEqual({ recipient: { userId: 4 }, text: 'the reefer is plugged in' });
  expect(parse('task for manny: recheck the pallets').slots).toEqual({ title: 'recheck the pallets', responsible: { userId: 5 } });
  expect(parse('Create a task for Sir Ed: renew the permit by Friday').slots).toEqual({ title: 'renew the permit', responsible: { userId: 6 }, deadline: '2027-09-17' });
  expect(parse('put a task on ging-ging sweep the loading bay').slots).toEqual({ title: 'sweep the loading bay', responsible: { unresolved: 'Ging-Ging' } });
  expect(parse('sige go').intent).toBe('confirm');
  expect(parse('task for manny check the scales palihug').slots).toEqual({ title: 'check the scales', responsible: { userId: 5 } });
  expect(parse('gawa ka task for me, renew the insurance').slots).toEqual({ title: 'renew the insurance', responsible: { self: true } });
  expect(parse('human na ang pallet count task, mark it done').slots).toEqual({ task: { query: 'pallet count' } });
  expect(parse('pa-send ug message kay Tess: the truck left').slots).toEqual({ recipient: { userId: 4 }, text: 'the truck left' });
  expect(parse('Eduardo should check the scale calibration by Friday, make a task for him').slots).toEqual({ title: 'check the scale calibration', responsible: { userId: 6 }, deadline: '2027-09-17' });
  expect(parse('unsa imong mahimo? what are your commands').intent).toBe('help');
});

it('Russian: lateness is news, Яна for Янина, "с Квашей", a genitive noun after a noun, a text in quotes', () => {
  expect(ru('я не успеваю на планерку в три').intent).toBe('unknown');
  expect(ru('напиши Яне что накладные готовы').slots).toEqual({ recipient: { userId: 2 }, text: 'накладные готовы' });
  expect(ru('созвон завтра в десять с квашей').slots).toEqual({ title: 'созвон', start: '2027-09-16T10:00', attendees: [{ userId: 3 }] });
  expect(ru('поставь задачу проверить рецептуру зефира').slots).toEqual({ title: 'проверить рецептуру зефира' });
  expect(ru('напиши Янине сообщение «Отгрузка в пятницу»').slots).toEqual({ recipient: { userId: 2 }, text: 'Отгрузка в пятницу' });
});
