/** The English refiners: the shared mechanics under English names for the trace. */
import { AfternoonHourRefiner } from '../../common/refiners/AfternoonHourRefiner';
import { AllDayRefiner } from '../../common/refiners/AllDayRefiner';
import { DurationEndRefiner } from '../../common/refiners/DurationEndRefiner';
import { MergeDateTimeRefiner } from '../../common/refiners/MergeDateTimeRefiner';
import { RangeRefiner } from '../../common/refiners/RangeRefiner';

export class ENAfternoonHourRefiner extends AfternoonHourRefiner {}
export class ENAllDayRefiner extends AllDayRefiner {}
export class ENDurationEndRefiner extends DurationEndRefiner {}
export class ENMergeTimeRangeRefiner extends RangeRefiner {}
export class ENMergeDateRangeRefiner extends RangeRefiner {}

/** "tomorrow at 9", "on January 15 at 11am", "Friday, 9:00". */
export class ENMergeDateTimeRefiner extends MergeDateTimeRefiner {
  constructor() {
    super(/^[\s,]*(?:(?:at|on|from|T|-)[\s,]*)?$/i);
  }
}
