/**
 * The Russian refiners: the shared mechanics under the names chrono's locales use, so a trace
 * reads "refiner/RUAfternoonHourRefiner".
 */
import { AfternoonHourRefiner } from '../../common/refiners/AfternoonHourRefiner';
import { AllDayRefiner } from '../../common/refiners/AllDayRefiner';
import { DurationEndRefiner } from '../../common/refiners/DurationEndRefiner';
import { MergeDateTimeRefiner } from '../../common/refiners/MergeDateTimeRefiner';
import { RangeRefiner } from '../../common/refiners/RangeRefiner';

export class RUAfternoonHourRefiner extends AfternoonHourRefiner {}
export class RUAllDayRefiner extends AllDayRefiner {}
export class RUDurationEndRefiner extends DurationEndRefiner {}
export class RUMergeTimeRangeRefiner extends RangeRefiner {}
export class RUMergeDateRangeRefiner extends RangeRefiner {}

/** "завтра в 9", "в понедельник утром", "завтра, 9:00", "в 17 часов завтра", "завтра с 11 часов до 13 часов". */
export class RUMergeDateTimeRefiner extends MergeDateTimeRefiner {
  constructor() {
    super(/^[\s,]*(?:(?:в|во|с|со|T|-)[\s,]*)?$/iu);
  }
}
