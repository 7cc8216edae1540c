/** What a method handler gets and returns. */
import type { Portal } from '../portal';
import type { EventSender } from '../events';

export interface CallContext {
  portal: Portal;
  method: string;
  params: Record<string, unknown>;
  userId: number;
  authType: 'oauth' | 'webhook';
  /** The scopes of the caller (app or webhook). */
  scope: string[];
  events: EventSender;
  now: () => number;
}

/** A list answer: `result` plus paging, and the rows scanned for the operating-time cost. */
export class Listed {
  constructor(
    readonly result: unknown,
    readonly next?: number,
    readonly total?: number,
    readonly scanned = 0,
  ) {}
}

export interface MethodDef {
  /** Scope the caller must hold; null = any authorised caller. */
  scope: string | null;
  /** Only for portal administrators. */
  admin?: boolean;
  /** Needs an application (OAuth) context, not a webhook. */
  appOnly?: boolean;
  handler: (c: CallContext) => unknown | Promise<unknown>;
}

/** Case-insensitive parameter lookup (the portal accepts `id`, `ID` and `Id` alike). */
export function param(c: CallContext, name: string): unknown {
  if (name in c.params) return c.params[name];
  const low = name.toLowerCase();
  for (const [k, v] of Object.entries(c.params)) if (k.toLowerCase() === low) return v;
  return undefined;
}

export function str(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '';
}

export function int(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isInteger(n) ? n : undefined;
}

export const isYes = (v: unknown) => v === true || v === 'Y' || v === 'y' || v === '1' || v === 1 || v === 'true';
