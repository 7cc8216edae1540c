/**
 * What any input goes through before parsing: a length cap, Unicode normalisation, and the
 * removal of characters no utterance needs (control characters, unpaired surrogates), so junk
 * can never throw further down.
 */

/** Inputs longer than this are cut (characters). A spoken or typed command is far shorter. */
export const MAX_INPUT_CHARS = 2000;

export function normalizeInput(text: unknown): string {
  if (typeof text !== 'string') return '';
  let s = text.length > MAX_INPUT_CHARS * 2 ? text.slice(0, MAX_INPUT_CHARS * 2) : text;
  // toWellFormed would be Node 20+ only with a flag in some versions; replace lone surrogates by hand.
  s = s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, ' ');
  s = s.normalize('NFC');
  s = s.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u2028-\u202F\u2060-\u206F\uFEFF]/g, ' ');
  s = s.replace(/\s+/g, ' ').trim();
  if (s.length > MAX_INPUT_CHARS) s = s.slice(0, MAX_INPUT_CHARS).replace(/\s+\S*$/, '');
  return s;
}

/**
 * Russian when Cyrillic letters outnumber Latin ones; English otherwise (and for no letters). The
 * command is said before a colon and what follows it may be in any language ("Напиши Ethan Cole:
 * please check the invoice"), so with a colon the part before it decides, a capitalised Latin word
 * there after the first counting as a name, not as English. A colon inside a time ("в 17:00") is
 * no such separator.
 */
export function detectLang(text: string): 'ru' | 'en' {
  const colon = text.search(/(?<!\d):|:(?!\d)/);
  if (colon > 0) {
    const head = letters(text.slice(0, colon), true);
    if (head.cyr + head.lat > 0) return head.cyr > head.lat ? 'ru' : 'en';
  }
  const all = letters(text, false);
  return all.cyr > all.lat ? 'ru' : all.cyr === 0 && all.lat === 0 ? 'ru' : 'en';
}

function letters(text: string, namesApart: boolean): { cyr: number; lat: number } {
  let cyr = 0;
  let lat = 0;
  // Names count apart only beside the other script: asked once, not at every word.
  const mixed = namesApart && /[а-яё]/i.test(text) && /[a-z]/i.test(text);
  const words = text.trim().split(/\s+/);
  for (let k = 0; k < words.length; k++) {
    const word = words[k]!;
    // Not the first word: that is the command's ("Message Ефим: …", "Write to Фёдор Семенов: …").
    if (mixed && k > 0 && /^(?:[A-Z][a-z]|[А-ЯЁ][а-яё])/.test(word)) continue;
    for (const ch of word) {
      if (/[а-яё]/i.test(ch)) cyr++;
      else if (/[a-z]/i.test(ch)) lat++;
    }
  }
  return { cyr, lat };
}
