/**
 * What the adapters share beyond HTTP: the channel's own phrases (replies.yaml), language and time
 * zone guessing from platform fields, racing the dialogue against a platform's time limit, and a
 * bounded "seen" set for de-duplication.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { Lang } from '../nlu/types';
import type { Account, Dialog, Reply, Turn } from '../dialog/types';

export interface ChannelPhrases {
  ping: string;
  pending: string;
  error: string;
  unsupported: string;
  late_prefix: string;
  goodbye: string;
  no_input: string;
  no_input_final: string;
}

export interface ChannelVocabulary {
  phrases: Record<Lang, ChannelPhrases>;
}

let cached: ChannelVocabulary | null = null;

/** The channel phrases from `src/channels/replies.yaml` (read once). */
const DEFAULT_REPLIES = path.join(__dirname, 'replies.yaml');

export function channelVocabulary(file = DEFAULT_REPLIES): ChannelVocabulary {
  if (cached && file === DEFAULT_REPLIES) return cached;
  const doc = YAML.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  const keys: (keyof ChannelPhrases)[] = ['ping', 'pending', 'error', 'unsupported', 'late_prefix', 'goodbye', 'no_input', 'no_input_final'];
  const phrases = {} as Record<Lang, ChannelPhrases>;
  for (const lang of ['ru', 'en'] as const) {
    const block = doc[lang] as Record<string, unknown> | undefined;
    const out = {} as ChannelPhrases;
    for (const k of keys) {
      const v = block?.[k];
      if (typeof v !== 'string') throw new Error(`${file}: ${lang}.${k} must be a string`);
      out[k] = v;
    }
    phrases[lang] = out;
  }
  const vocab = { phrases };
  if (file === path.join(__dirname, 'replies.yaml')) cached = vocab;
  return vocab;
}

/** "ru-RU", "ru", "en-us", "en_US" → 'ru' | 'en'; anything else falls back. */
export function langOf(locale: unknown, fallback: Lang = 'ru'): Lang {
  if (typeof locale !== 'string') return fallback;
  const l = locale.trim().toLowerCase();
  if (l.startsWith('ru')) return 'ru';
  if (l.startsWith('en')) return 'en';
  return fallback;
}

const zoneOk = new Map<string, boolean>();
/** The zone when Intl knows it, else the fallback (platforms send aliases and, rarely, junk). */
export function zoneOf(tz: unknown, fallback = 'Europe/Moscow'): string {
  if (typeof tz !== 'string' || tz.length === 0 || tz.length > 64) return fallback;
  let ok = zoneOk.get(tz);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      ok = true;
    } catch {
      ok = false;
    }
    if (zoneOk.size < 1000) zoneOk.set(tz, ok);
  }
  return ok ? tz : fallback;
}

export { containsPhrase, foldText } from '../dialog/phrases';

export type DeadlineOutcome = { kind: 'reply'; reply: Reply } | { kind: 'late'; later: Promise<Reply> } | { kind: 'error'; error: unknown };

/**
 * Run the dialogue against a platform's time limit. When the deadline wins, the caller answers
 * "делаю" and the still-running turn is handed back as `later`, to be delivered elsewhere.
 */
export async function handleWithin(dialog: Dialog, turn: Turn, ms: number): Promise<DeadlineOutcome> {
  let running: Promise<Reply>;
  try {
    running = Promise.resolve(dialog.handle(turn));
  } catch (error) {
    return { kind: 'error', error };
  }
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), Math.max(0, ms));
  });
  try {
    const first = await Promise.race([running, deadline]);
    if (first === 'late') return { kind: 'late', later: running };
    return { kind: 'reply', reply: first };
  } catch (error) {
    return { kind: 'error', error };
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/** Somewhere to say a late result: the lead wires it to the Bitrix24 messenger. */
export type Notify = (account: Account, text: string) => Promise<void>;
export type ChannelLog = (msg: string, detail?: unknown) => void;

/**
 * Deliver what the voice platform could not wait for: a reply that came after the deadline, or a
 * reply's `followUp`. Never throws; failures go to the log.
 */
export function deliverLater(
  source: Promise<Reply> | undefined,
  account: Account | undefined,
  notify: Notify | undefined,
  phrases: ChannelPhrases,
  log: ChannelLog,
  onDone?: () => void,
): void {
  if (!source) return;
  void (async () => {
    try {
      const reply = await source;
      const final = reply.followUp ? await reply.followUp : reply;
      if (!account || !notify) {
        log('late reply has nowhere to go (no linked account or notify)', { text: final.text });
        return;
      }
      await notify(account, `${phrases.late_prefix} ${final.text}`.trim());
    } catch (err) {
      log('late reply failed', err);
    } finally {
      onDone?.();
    }
  })();
}

/** A set that forgets its oldest entries beyond `max` (for de-duplicating re-delivered events). */
export class BoundedSet {
  private readonly items = new Set<string>();
  constructor(private readonly max = 10_000) {}
  /** True when `key` is new (and remembers it); false when it was seen. */
  add(key: string): boolean {
    if (this.items.has(key)) return false;
    this.items.add(key);
    if (this.items.size > this.max) {
      const oldest = this.items.values().next().value as string;
      this.items.delete(oldest);
    }
    return true;
  }
  has(key: string): boolean {
    return this.items.has(key);
  }
  delete(key: string): void {
    this.items.delete(key);
  }
  get size(): number {
    return this.items.size;
  }
}

/** Cut to `max` characters, ending with an ellipsis when cut. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  return `${s.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}
