/**
 * The cluster bench's verdict, apart from the processes so it can be tested: which acknowledged
 * confirmations lost their entity and which entities were made twice.
 */

/** A task title carries its conversation's marker: "… молоко <n>" (MARK below). */
export const MARK = 'молоко';

export interface Conversation {
  n: number;
  /** The "да" was answered as done (or as accepted and pending): the user was told it happened. */
  acknowledged: boolean;
}

export interface Tally {
  conversations: number;
  confirmed: number;
  created: number;
  duplicates: number;
  lost: number;
}

/** The conversation number a task title names, or undefined for tasks that are not the bench's. */
export function conversationOf(title: string, prefix: string): number | undefined {
  const m = new RegExp(`${prefix}\\s+${MARK}\\s+(\\d+)\\s*$`, 'iu').exec(title.trim());
  return m ? Number(m[1]) : undefined;
}

/**
 * created: conversations with at least one task; duplicates: tasks beyond the first per
 * conversation; lost: acknowledged conversations with no task. A task for a conversation never
 * acknowledged is created but not lost (the client gave up after the portal had acted).
 */
export function tally(conversations: readonly Conversation[], titles: readonly string[], prefix: string): Tally {
  const counts = new Map<number, number>();
  for (const t of titles) {
    const n = conversationOf(t, prefix);
    if (n !== undefined) counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  let duplicates = 0;
  for (const c of counts.values()) duplicates += c - 1;
  const acknowledged = conversations.filter((c) => c.acknowledged);
  return {
    conversations: conversations.length,
    confirmed: acknowledged.length,
    created: counts.size,
    duplicates,
    lost: acknowledged.filter((c) => !counts.has(c.n)).length,
  };
}

/** The 99th percentile (nearest rank) of latencies in ms; 0 for none. */
export function p99(ms: readonly number[]): number {
  if (!ms.length) return 0;
  const s = [...ms].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.ceil(0.99 * s.length) - 1)]!);
}
