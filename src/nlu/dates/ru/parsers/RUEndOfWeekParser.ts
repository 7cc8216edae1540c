/** "до конца недели", "к концу недели": the shared end-of-week reading over the Russian phrases. */
import { EndOfWeekParser } from '../../common/EndOfWeekParser';
import type { RuVocabulary } from '../vocabulary';

export class RUEndOfWeekParser extends EndOfWeekParser {
  constructor(v: RuVocabulary) {
    super(v.g.endOfWeek);
  }
}
