/**
 * Page tokens. A placement request is verified once against the portal; the page then carries a
 * short-lived HMAC-signed token naming the viewer, so its buttons (unlink, retrain) and the
 * progress socket need no second round trip to Bitrix24 and no cookie (the pages live in the
 * portal's iframe, where third-party cookies are often blocked).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Lang } from './deps';

export interface Viewer {
  memberId: string;
  userId: number;
  lang: Lang;
  admin: boolean;
  /** Opened in sandbox mode, without a portal frame. */
  demo: boolean;
}

export const TOKEN_TTL_MS = 60 * 60 * 1000;

export class SessionTokens {
  private readonly key: Buffer;
  constructor(secret: string, private readonly ttlMs = TOKEN_TTL_MS) {
    if (typeof secret !== 'string' || secret.length < 16) throw new Error('web: sessionSecret must be at least 16 characters');
    this.key = createHmac('sha256', 'b24-assistant web session v1').update(secret).digest();
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }

  issue(v: Viewer, now: number): string {
    const body = Buffer.from(JSON.stringify({ m: v.memberId, u: v.userId, l: v.lang, a: v.admin ? 1 : 0, d: v.demo ? 1 : 0, e: now + this.ttlMs })).toString('base64url');
    return `${body}.${this.sign(body)}`;
  }

  /** The viewer, or null for a missing, forged or expired token. */
  read(token: unknown, now: number): Viewer | null {
    if (typeof token !== 'string' || token.length > 1024) return null;
    const dot = token.indexOf('.');
    if (dot <= 0) return null;
    const body = token.slice(0, dot);
    const sig = Buffer.from(token.slice(dot + 1));
    const want = Buffer.from(this.sign(body));
    if (sig.length !== want.length || !timingSafeEqual(sig, want)) return null;
    try {
      const o = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
      if (typeof o.e !== 'number' || o.e <= now) return null;
      if (typeof o.m !== 'string' || typeof o.u !== 'number') return null;
      return { memberId: o.m, userId: o.u, lang: o.l === 'en' ? 'en' : 'ru', admin: o.a === 1, demo: o.d === 1 };
    } catch {
      return null;
    }
  }
}
