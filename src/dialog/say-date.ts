/**
 * Dates and times as people say them ("завтра в 14:00", "1 декабря в 13:15", "с понедельника"),
 * relative to the user's today, never ISO. Words come from intents/common.yaml.
 */
import type { Lang, LocalDateTime } from '../nlu/types';
import { wallTimeAt } from '../nlu/clock';
import type { Texts } from './texts';

const dayNumber = (y: number, m: number, d: number) => Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);

export function sayDate(value: LocalDateTime, now: Date, timeZone: string, lang: Lang, texts: Texts): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?$/.exec(value);
  if (!m) return value;
  const [, y, mo, d, time] = m;
  const today = wallTimeAt(now, timeZone);
  const diff = dayNumber(+y!, +mo!, +d!) - dayNumber(today.year, today.month, today.day);
  let day: string;
  if (diff === 0) day = texts.say('common', 'dates.today', lang);
  else if (diff === 1) day = texts.say('common', 'dates.tomorrow', lang);
  else {
    const months = texts.raw<Record<Lang, string[]>>('common', 'dates.months')![lang];
    const name = months[+mo! - 1]!;
    day = lang === 'ru' ? `${+d!} ${name}` : `${name} ${+d!}`;
    if (+y! !== today.year) day += ` ${y}`;
  }
  return time ? `${day} ${texts.say('common', 'dates.at', lang)} ${time}` : day;
}

/** Is a deadline already past at `now`? A bare date is past only from the next day on. */
export function isPast(value: LocalDateTime, now: Date, timeZone: string): boolean {
  const t = wallTimeAt(now, timeZone);
  const nowKey = `${String(t.year).padStart(4, '0')}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}T${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
  return value.length === 10 ? value < nowKey.slice(0, 10) : value < nowKey;
}
