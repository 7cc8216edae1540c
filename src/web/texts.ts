/**
 * The pages' words, read from texts.yaml. A missing key or language fails at load time, not on a
 * page a user happens to open; interpolation escapes nothing (the HTML layer does).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Lang } from './deps';

export const LANGS: readonly Lang[] = ['ru', 'en'];

export class TextsError extends Error {}

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

export interface Texts {
  keys(): string[];
  /** A translator bound to one language. */
  in(lang: Lang): Translate;
}

export function parseTexts(source: string): Texts {
  const doc = parse(source) as Record<string, Record<string, Record<string, unknown>>> | null;
  if (!doc || typeof doc !== 'object') throw new TextsError('texts: expected a mapping of groups');
  const table = new Map<string, Record<Lang, string>>();
  for (const [group, entries] of Object.entries(doc)) {
    if (!entries || typeof entries !== 'object') throw new TextsError(`texts: group "${group}" is not a mapping`);
    for (const [name, forms] of Object.entries(entries)) {
      const key = `${group}.${name}`;
      const f = forms as Record<string, unknown> | null;
      for (const lang of LANGS) {
        if (typeof f?.[lang] !== 'string') throw new TextsError(`texts: "${key}" has no ${lang} text`);
      }
      table.set(key, { ru: f!.ru as string, en: f!.en as string });
    }
  }
  return {
    keys: () => [...table.keys()],
    in(lang) {
      return (key, vars) => {
        const entry = table.get(key);
        if (!entry) throw new TextsError(`texts: unknown key "${key}"`);
        return entry[lang].replace(/\{(\w+)\}/g, (m, v: string) => (vars && v in vars ? String(vars[v]) : m));
      };
    },
  };
}

export function loadTexts(file = path.join(__dirname, 'texts.yaml')): Texts {
  return parseTexts(fs.readFileSync(file, 'utf8'));
}

/** `?lang=` wins, then the portal's LANG; Russian otherwise (portal languages beyond ru/en fall to en). */
export function pickLang(query: unknown, portalLang: unknown): Lang {
  for (const v of [query, portalLang]) {
    if (typeof v !== 'string' || !v) continue;
    const l = v.toLowerCase();
    if (l === 'ru' || l === 'ua' || l === 'by' || l === 'kz') return 'ru';
    return 'en';
  }
  return 'ru';
}
