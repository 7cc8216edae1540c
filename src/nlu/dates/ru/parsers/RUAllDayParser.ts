/** "на весь день", "весь день": RUAllDayRefiner merges it into the date next to it. */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from '../../common/AbstractParser';
import { alternation } from '../../grammar';
import { TAG_ALL_DAY } from '../../meta';

export class RUAllDayParser extends AbstractParser {
  constructor(private readonly phrases: string[]) {
    super();
  }

  protected innerPattern(): string {
    return alternation(this.phrases);
  }

  protected innerExtract(context: ParsingContext): Extracted {
    return context.createParsingComponents().addTag(TAG_ALL_DAY);
  }
}
