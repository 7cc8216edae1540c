/**
 * What the assistant says, read from `intents/*.yaml` (data, not code): questions per slot,
 * confirmations, replies, in Russian and English. `fill` puts values into `{placeholders}`.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { Lang } from '../nlu/types';

export type Localized = Record<Lang, string>;
type Doc = Record<string, unknown>;

export const INTENTS_DIR = path.resolve(__dirname, '..', '..', 'intents');

export interface Texts {
  /** The localized string at a dotted path of an intent file ("task.create", "ask.title"); throws when missing. */
  say(file: string, key: string, lang: Lang, vars?: Record<string, string | number>): string;
  /** Like `say`, but undefined when the key is absent. */
  maybe(file: string, key: string, lang: Lang, vars?: Record<string, string | number>): string | undefined;
  /** Any other value at a dotted path (lists, slot names). */
  raw<T = unknown>(file: string, key: string): T | undefined;
}

export function fill(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

export function loadTexts(dir: string = INTENTS_DIR): Texts {
  const docs = new Map<string, Doc>();
  for (const f of fs.readdirSync(dir)) {
    if (!f.endsWith('.yaml')) continue;
    try {
      docs.set(f.replace(/\.yaml$/, ''), YAML.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Doc);
    } catch (e) {
      throw new Error(`${path.join(dir, f)} is not valid YAML: ${(e as Error).message}`);
    }
  }
  const at = (file: string, key: string): unknown => {
    let v: unknown = docs.get(file);
    for (const part of key.split('.')) v = v && typeof v === 'object' ? (v as Doc)[part] : undefined;
    return v;
  };
  const maybe: Texts['maybe'] = (file, key, lang, vars) => {
    const v = at(file, key) as Partial<Localized> | undefined;
    const s = v && typeof v === 'object' ? v[lang] : undefined;
    return typeof s === 'string' ? fill(s, vars) : undefined;
  };
  return {
    maybe,
    say(file, key, lang, vars) {
      const s = maybe(file, key, lang, vars);
      if (s === undefined) throw new Error(`intents/${file}.yaml has no ${key}.${lang}`);
      return s;
    },
    raw: <T>(file: string, key: string) => at(file, key) as T | undefined,
  };
}
