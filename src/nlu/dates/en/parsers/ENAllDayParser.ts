/** "all day", "the whole day": ENAllDayRefiner merges it into the date next to it. */
import { RUAllDayParser } from '../../ru/parsers/RUAllDayParser';

export class ENAllDayParser extends RUAllDayParser {}
