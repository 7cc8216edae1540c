/**
 * "в 15:00 на 2 часа", "в половине третьего на полчаса", "in 2 hours for 30 minutes": a duration
 * next to a time becomes the end (start + duration); said first ("на полчаса через два часа",
 * "на час в три") it belongs to the time after it just the same. Runs after ResolveDateRefiner, so the start is
 * a full wall-clock moment; a duration with no time before it is dropped later.
 */
import type { ParsingResult } from 'chrono-node';
import { AbstractMergingRefiner, joinedText } from '../AbstractMergingRefiner';
import { addMinutes } from '../../clock';
import { durationMinutes, hasTime, isModifierOnly, TAG_DURATION_AHEAD, TAG_LENGTH_AT } from '../../meta';

const GAP = /^[\s,]*$/;
/** Said first, the duration may be followed by the time's own preposition ("for 30 minutes at 4"). */
const GAP_BEFORE_TIME = /^[\s,]*(?:at\s+)?$/i;
/**
 * A few words may stand between a time and its duration ("в 11:30 с Сергеем Ивановым на час").
 * The mention then keeps the time's own span: the words between are not the date's, and the
 * duration's words are left to the caller (no title takes "на час" after an attendee).
 */
const GAP_WORDS = /^[\s,]*(?:[\p{L}-]+[\s,]+){1,4}$/u;
/** A length said as an adjective ("a 30-minute call with … at 9:30") reaches its time over the words of one clause. */
const GAP_AHEAD = /^[^.!?;]{1,80}$/u;
const ahead = (r: ParsingResult) => r.tags().has(TAG_DURATION_AHEAD);

export class DurationEndRefiner extends AbstractMergingRefiner {
  protected shouldMerge(between: string, left: ParsingResult, right: ParsingResult): boolean {
    const timed = (r: ParsingResult) => !r.end && hasTime(r.start) && !isModifierOnly(r);
    if ((GAP.test(between) || GAP_WORDS.test(between)) && timed(left) && durationMinutes(right) !== undefined) return true;
    if (ahead(left) && GAP_AHEAD.test(between) && timed(right)) return true;
    return GAP_BEFORE_TIME.test(between) && durationMinutes(left) !== undefined && timed(right);
  }

  protected merge(between: string, first: ParsingResult, second: ParsingResult): ParsingResult {
    const [left, right] = durationMinutes(first) !== undefined ? [second, first] : [first, second];
    const s = left.start;
    const end = addMinutes(
      {
        year: s.get('year') as number,
        month: s.get('month') as number,
        day: s.get('day') as number,
        hour: s.get('hour') as number,
        minute: (s.get('minute') as number) ?? 0,
      },
      durationMinutes(right) as number,
    );
    const result = left.clone();
    // Reached from afar, the length's words stay out of the time's span (their caller drops them).
    const apart = ahead(first) && !GAP_BEFORE_TIME.test(between);
    result.index = apart ? second.index : first.index;
    result.text = apart ? second.text : GAP_WORDS.test(between) ? first.text : joinedText(between, first, second);
    result.end = s.clone();
    result.end.assign('year', end.year).assign('month', end.month).assign('day', end.day);
    result.end.assign('hour', end.hour).assign('minute', end.minute);
    result.addTags(left.tags());
    result.addTags([...right.tags()].filter((t) => !t.startsWith('b24/duration')));
    if (apart) result.addTag(`${TAG_LENGTH_AT}${first.index},${first.text.length}`);
    return result;
  }
}
