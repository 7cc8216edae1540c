/**
 * The Russian configuration: chrono's casual `ru` locale, cloned, with the parsers that get our
 * conventions wrong replaced and ours added, and the refiners in an order that each step needs.
 */
import * as chrono from 'chrono-node';
import type { Parser, Refiner } from 'chrono-node';

/** chrono's Configuration (not exported from the package root): ordered parsers and refiners. */
export interface Configuration {
  parsers: Parser[];
  refiners: Refiner[];
}
import { tagged } from '../common/AbstractParser';
import { MarkerRefiner } from '../common/refiners/MarkerRefiner';
import { NamedDayRefiner } from '../common/refiners/NamedDayRefiner';
import { ResolveDateRefiner } from '../common/refiners/ResolveDateRefiner';
import type { RuGrammar } from '../grammar';
import { RUAllDayParser } from './parsers/RUAllDayParser';
import { RUDayOfMonthParser } from './parsers/RUDayOfMonthParser';
import { RUDayPartParser } from './parsers/RUDayPartParser';
import { RUDeadlineWeekdayParser } from './parsers/RUDeadlineWeekdayParser';
import { RUDotDateParser } from './parsers/RUDotDateParser';
import { RUDurationParser } from './parsers/RUDurationParser';
import { RUEndOfDayParser, RUEndOfMonthParser, RUEndOfWeekParser } from './parsers/RUEndOfWeekParser';
import { RUHalfPastHourParser } from './parsers/RUHalfPastHourParser';
import { RUHourMinuteTimeParser } from './parsers/RUHourMinuteTimeParser';
import { RUNextWeekdayParser } from './parsers/RUNextWeekdayParser';
import { RUNextWeekParser } from './parsers/RUNextWeekParser';
import { RUNumberWordsTimeParser } from './parsers/RUNumberWordsTimeParser';
import { RUOrdinalDayMonthParser } from './parsers/RUOrdinalDayMonthParser';
import { RUQuarterToHourParser } from './parsers/RUQuarterToHourParser';
import { RUSpokenClockParser } from './parsers/RUSpokenClockParser';
import { RUSplitCasualDateParser } from './parsers/RUSplitCasualDateParser';
import { RUSpokenClockWordsParser } from './parsers/RUSpokenClockWordsParser';
import { RURelativeMomentParser } from './parsers/RURelativeMomentParser';
import { RUThisWeekdayParser } from './parsers/RUThisWeekdayParser';
import { RUTimeExpressionParser } from './parsers/RUTimeExpressionParser';
import { RUTimeRangeParser } from './parsers/RUTimeRangeParser';
import { RUWeekdayParser } from './parsers/RUWeekdayParser';
import {
  RUAfternoonHourRefiner,
  RUAllDayRefiner,
  RUDurationEndRefiner,
  RUMergeDateRangeRefiner,
  RUMergeDateTimeRefiner,
  RUMergeTimeRangeRefiner,
} from './refiners';
import { RuVocabulary } from './vocabulary';

/**
 * chrono parsers we drop: month-only and relative week/month/year grains are not ours
 * (RUMonthNameParser, RURelativeDateFormatParser); RUCasualTimeParser only implies its hours;
 * RUWeekdayParser, RUTimeExpressionParser and SlashDateFormatParser are replaced by parsers that
 * know more case forms, build ranges from halves and read "в 10.10" as a time.
 * Kept: RUCasualDateParser (сегодня … послепослезавтра), RUTimeUnitCasualRelativeFormatParser and
 * RUTimeUnitWithinFormatParser (через 2 часа, через неделю), RUMonthNameLittleEndianParser
 * ("13 - 15 июля", "с 13 по 15 июля"), RUTimeUnitAgoFormatParser, ISOFormatParser.
 */
const DROPPED_PARSERS = new Set([
  'RUMonthNameParser',
  'RURelativeDateFormatParser',
  'RUCasualTimeParser',
  'RUTimeExpressionParser',
  'RUWeekdayParser',
  'SlashDateFormatParser',
]);

function chronoPart<T>(list: T[], name: string): T {
  const found = list.find((x) => (x as object).constructor.name === name);
  if (!found) throw new Error(`chrono-node has no ${name}; check the installed version`);
  return found;
}

export function createRUConfiguration(g: RuGrammar): Configuration {
  const base = chrono.ru.createCasualConfiguration();
  const v = new RuVocabulary(g);
  const range = { openers: g.rangeOpeners, connectors: g.rangeConnectors };

  // Ours go first: on a tie in length chrono's OverlapRemovalRefiner keeps the earlier parser's.
  const ours: Parser[] = [
    new RUNextWeekdayParser(v),
    new RUSplitCasualDateParser(v),
    new RUThisWeekdayParser(v),
    new RUDeadlineWeekdayParser(v),
    new RUEndOfWeekParser(v),
    new RUEndOfDayParser(v),
    new RUEndOfMonthParser(v),
    new RUNextWeekParser(v),
    new RUWeekdayParser(v),
    new RUOrdinalDayMonthParser(v),
    new RUDotDateParser(),
    new RUDayOfMonthParser(v),
    new RUHalfPastHourParser(v),
    new RUQuarterToHourParser(v),
    new RUSpokenClockParser(v),
    new RUSpokenClockWordsParser(v),
    new RURelativeMomentParser(v),
    new RUTimeRangeParser(v),
    new RUHourMinuteTimeParser(v),
    new RUTimeExpressionParser(v),
    new RUNumberWordsTimeParser(v),
    new RUDayPartParser(v),
    new RUDurationParser(v),
    new RUAllDayParser(g.allDay),
  ];
  const kept = base.parsers.filter((p: Parser) => !DROPPED_PARSERS.has(p.constructor.name)).map((p) => tagged(p));

  const refiners: Refiner[] = [
    // chrono's first pass: drop overlaps (longest wins), join "Пт, 18 июля". Its offset refiner is
    // left out: it read the end of "11:30-13:30" as a zone offset -13:30.
    chronoPart(base.refiners, 'OverlapRemovalRefiner'),
    chronoPart(base.refiners, 'MergeWeekdayComponentRefiner'),
    // A weekday left alone after that join may be a day's name ("Black Friday"): no date.
    new NamedDayRefiner(g.namedDays, g.namedDayEndings),
    // Before any merge, so it sees each time's own text ("05:30" stays literal).
    new RUAfternoonHourRefiner(),
    // Time ranges before dates join them: "завтра с 11 часов до 13 часов".
    new RUMergeTimeRangeRefiner(range, true),
    new RUMergeDateTimeRefiner(),
    // Ranges of dates or date-times: "с 12 декабря 10:00 по 15 декабря 15:00".
    new RUMergeDateRangeRefiner(range, false),
    new RUAllDayRefiner(),
    // "16:00 CET" before resolving, which converts zones.
    chronoPart(base.refiners, 'ExtractTimezoneAbbrRefiner'),
    new ResolveDateRefiner(),
    // Needs resolved starts (end = start + duration may cross midnight).
    new RUDurationEndRefiner(),
    new MarkerRefiner(g.markers),
  ];
  return { parsers: [...ours, ...kept], refiners };
}
