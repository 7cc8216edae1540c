/**
 * The English configuration: chrono's casual `en` locale, cloned, with our day parts, next/this
 * weekday, durations and "all day", and the same convention refiners as Russian.
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
import { EndOfDayDateRefiner } from '../common/refiners/EndOfDayDateRefiner';
import type { EnGrammar } from '../grammar';
import { ENAllDayParser } from './parsers/ENAllDayParser';
import { ENDayPartParser } from './parsers/ENDayPartParser';
import { ENDayPartAfterDateParser } from './parsers/ENDayPartAfterDateParser';
import { ENNextWeekParser } from './parsers/ENNextWeekParser';
import { ENSpanFromDayParser } from './parsers/ENSpanFromDayParser';
import { EndOfDayParser, EndOfMonthParser, EndOfWeekParser } from '../common/EndOfWeekParser';
import { ENSpokenDigitsClockParser } from './parsers/ENSpokenDigitsClockParser';
import { ENDurationParser } from './parsers/ENDurationParser';
import { ENDayOfMonthParser } from './parsers/ENDayOfMonthParser';
import { ENPastToHourParser } from './parsers/ENPastToHourParser';
import { ENRelativeWeekdayParser } from './parsers/ENRelativeWeekdayParser';
import { ENWeekdayWeekParser } from './parsers/ENWeekdayWeekParser';
import { ENDotDateParser } from './parsers/ENDotDateParser';
import { ENTwentyFourHourParser } from './parsers/ENTwentyFourHourParser';
import { ENHourMarkParser } from './parsers/ENHourMarkParser';
import { ENSpokenDateParser } from './parsers/ENSpokenDateParser';
import { ENSpokenRelativeParser } from './parsers/ENSpokenRelativeParser';
import { ENSpokenTimeParser } from './parsers/ENSpokenTimeParser';
import { EnVocabulary } from './vocabulary';
import {
  ENAfternoonHourRefiner,
  ENBareNumberRefiner,
  ENAllDayRefiner,
  ENDurationEndRefiner,
  ENMergeDateRangeRefiner,
  ENMergeDateTimeRefiner,
  ENMergeTimeRangeRefiner,
  ENDayPartAtTimeRefiner,
  ENNumberBeforeMonthRefiner,
  ENWeekdayTheDateRefiner,
} from './refiners';

/** chrono's casual times only imply their hours; month-only and "end of month" are not our grain. */
const DROPPED_PARSERS = new Set(['ENCasualTimeParser', 'ENMonthNameParser', 'ENEndOfCurrentMonthParser', 'ENYearMonthNameParser']);

function chronoPart<T>(list: T[], name: string): T {
  const found = list.find((x) => (x as object).constructor.name === name);
  if (!found) throw new Error(`chrono-node has no ${name}; check the installed version`);
  return found;
}

export function createENConfiguration(g: EnGrammar): Configuration {
  const base = chrono.en.configuration.createCasualConfiguration(false);
  const range = { openers: g.rangeOpeners, connectors: g.rangeConnectors };
  const v = new EnVocabulary(g);
  // Ours go first: on a tie in length chrono's OverlapRemovalRefiner keeps the earlier parser's.
  const ours: Parser[] = [
    new ENWeekdayWeekParser(g),
    new ENDotDateParser(),
    new ENTwentyFourHourParser(v),
    new ENHourMarkParser(v),
    new ENRelativeWeekdayParser(g),
    new ENSpokenDateParser(v),
    new ENDayOfMonthParser(v),
    new ENPastToHourParser(v),
    new ENSpokenTimeParser(v),
    new ENSpokenDigitsClockParser(v),
    new ENSpokenRelativeParser(v),
    new ENDayPartParser(g.dayParts),
    new ENDayPartAfterDateParser(g),
    new ENNextWeekParser(g.nextWeek),
    new ENSpanFromDayParser(v),
    new EndOfWeekParser(g.endOfWeek),
    new EndOfDayParser(g.endOfDay),
    new EndOfMonthParser(g.endOfMonth),
    new ENDurationParser(v),
    new ENAllDayParser(g.allDay),
  ];
  const monthAhead = new RegExp(`^\\s*(?:of\\s+)?(?:${Object.keys(g.months).join('|')})(?![\\p{L}])`, 'iu');
  const kept = base.parsers.filter((p: Parser) => !DROPPED_PARSERS.has(p.constructor.name)).map((p) => tagged(p, monthAhead));
  const refiners: Refiner[] = [
    new ENNumberBeforeMonthRefiner(monthAhead),
    // chrono's English joins first: "the day after tomorrow", "2 weeks after Friday".
    chronoPart(base.refiners, 'OverlapRemovalRefiner'),
    chronoPart(base.refiners, 'ENMergeRelativeAfterDateRefiner'),
    chronoPart(base.refiners, 'ENMergeRelativeFollowByDateRefiner'),
    chronoPart(base.refiners, 'OverlapRemovalRefiner'),
    // ("due Friday EOD": before chrono joins the weekday to the end of today's day.)
    new EndOfDayDateRefiner(),
    chronoPart(base.refiners, 'MergeWeekdayComponentRefiner'),
    // A weekday left alone after that join may be a day's name ("Black Friday"): no date.
    new NamedDayRefiner(g.namedDays),
    new ENWeekdayTheDateRefiner(),
    new ENBareNumberRefiner([...g.timePrepositions, ...Object.keys(g.weekdays), ...Object.keys(g.months), 'today', 'tomorrow', 'tonight', 'tmrw', 'tmr'], g.timePrepositions, (text, end) => v.followerAfter(text, end)),
    new ENDayPartAtTimeRefiner(),
    new ENAfternoonHourRefiner(),
    new ENMergeTimeRangeRefiner(range, true),
    new ENMergeDateTimeRefiner(),
    new ENMergeDateRangeRefiner(range, false),
    new ENAllDayRefiner(),
    chronoPart(base.refiners, 'ExtractTimezoneAbbrRefiner'),
    new ResolveDateRefiner(),
    new ENDurationEndRefiner(),
    new MarkerRefiner(g.markers),
  ];
  return { parsers: [...ours, ...kept], refiners };
}
