/**
 * What a voice says for a reply's text: signs a speech engine misreads are said as words
 * (intents/common.yaml `speech.say`), quotation marks are dropped.
 */
import type { Lang } from '../nlu/types';
import type { Texts } from './texts';

export function speech(text: string, lang: Lang, texts: Texts): string {
  let out = text;
  const words = texts.raw<Record<Lang, Record<string, string>>>('common', 'speech.say')?.[lang] ?? {};
  for (const [sign, word] of Object.entries(words)) out = out.split(sign).join(word);
  return out.replace(/[«»“”„"]/g, '');
}
