/**
 * A portal failure said as a sentence (intents/common.yaml `errors`), never the portal's raw text:
 * the error's `kind` (src/bitrix/errors.ts, and any typed error that carries one) picks the
 * sentence through `error_kinds`; a kind nobody mapped gets the general one.
 */
import type { Ctx } from './context';
import type { Reply } from './types';

export function failureReply(c: Pick<Ctx, 'texts' | 'lang'>, error: unknown): Reply {
  const kind = typeof (error as { kind?: unknown } | null)?.kind === 'string' ? (error as { kind: string }).kind : '';
  const kinds = c.texts.raw<Record<string, string>>('common', 'error_kinds') ?? {};
  const sentence = Object.hasOwn(kinds, kind) ? kinds[kind]! : 'other';
  const text = c.texts.say('common', `errors.${sentence}`, c.lang);
  // No token of the speaker's own yet: the one-tap page that authorises them (src/bitrix/user-tokens).
  const url = (error as { url?: unknown } | null)?.url;
  if (sentence === 'needs_authorization' && typeof url === 'string') return { text, buttons: [{ title: c.texts.say('common', 'needs_auth_button', c.lang), url }] };
  return { text };
}
