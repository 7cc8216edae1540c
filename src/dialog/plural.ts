/** "2 встречи", "5 задач", "1 meeting": a count with the word form its language wants. */
import type { Lang } from '../nlu/types';

/** `forms`: Russian one/few/many ("встреча", "встречи", "встреч"), English one/other. */
export function counted(n: number, forms: readonly string[], lang: Lang): string {
  return `${n.toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-US')} ${pluralForm(n, forms, lang)}`;
}

export function pluralForm(n: number, forms: readonly string[], lang: Lang): string {
  if (lang === 'en') return n === 1 ? forms[0]! : (forms[1] ?? forms[0]!);
  const d10 = n % 10;
  const d100 = n % 100;
  if (d10 === 1 && d100 !== 11) return forms[0]!;
  if (d10 >= 2 && d10 <= 4 && (d100 < 12 || d100 > 14)) return forms[1] ?? forms[0]!;
  return forms[2] ?? forms[1] ?? forms[0]!;
}
