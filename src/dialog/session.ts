/**
 * What a conversation keeps between turns (stored per session key, optimistic versions): the
 * command being built, the last action done, and the open-line counters. Plain JSON.
 */
import type { SlotsByIntent } from '../nlu/types';
import type { Button } from './types';

/** The intents that start a command; each has one module in src/dialog/intents (the table there). */
export type CommandIntent =
  | 'task.create'
  | 'event.create'
  | 'message.send'
  | 'lead.score'
  | 'agenda.query'
  | 'task.complete'
  | 'task.update'
  | 'event.update'
  | 'event.cancel';

/** A command being built, kept in the session between turns. */
export interface DraftOf<I extends CommandIntent> {
  id: string;
  intent: I;
  slots: SlotsByIntent[I];
  /** The slot we asked for ("time" = a time of day for an event said with a bare date). */
  asking?: string;
  /** Candidates offered for a person slot (user ids) or for a reference (item ids). */
  candidates?: number[];
  confirming?: boolean;
  /** Answers since the draft's last confirmation that did not fill the question (a stuck question names the way out). */
  misses?: number;
  /** What an intent found in the portal before confirming (the item a reference means, with its old values). */
  found?: Record<string, unknown>;
}

/** Any draft: discriminated by `intent`. */
export type Draft = { [I in CommandIntent]: DraftOf<I> }[CommandIntent];

export interface SessionState {
  draft?: Draft;
  /** The last action done, so a repeated "да" answers the same without acting again. */
  done?: { id: string; text: string };
  /** The platform id of the last message answered and the answer: a re-delivered message gets it again. */
  last?: { messageId: string; text: string; buttons?: Button[] };
  /** Open lines: turns in a row not understood, and whether the hot-lead check ran for this chat. */
  openLine?: { unknown?: number; hotChecked?: boolean };
}

export function isEmptyState(state: SessionState): boolean {
  // Own keys only: an inherited key is not something this session holds.
  return Object.values(state).every((v) => v === undefined);
}
