/**
 * What one intent is, as a module: the slots it requires, how it asks for them and reads the
 * answers, how it confirms and what it does. The flow (src/dialog/flow.ts) runs any of them the
 * same way; adding an intent is adding a module to the table in ./index.ts and its
 * intents/<intent>.yaml sentences.
 */
import type { SlotsByIntent } from '../../nlu/types';
import type { Ctx } from '../context';
import type { CommandIntent, DraftOf } from '../session';
import type { Reply } from '../types';

export type SlotOf<I extends CommandIntent> = keyof SlotsByIntent[I] & string;

/** How an answer to a question went: filled (go on), or a reply to say instead. */
export type Answered = 'filled' | Reply;

export interface IntentModule<I extends CommandIntent> {
  readonly intent: I;
  /** Slots that must be there before confirming, asked for in this order (sentences `ask.<slot>`). */
  readonly requires: readonly SlotOf<I>[];
  /** The slot that names people: its values are resolved (which one? nobody?) before anything is asked. */
  readonly personSlot?: SlotOf<I>;
  /** The person slot holds a list (attendees): an answer adds to it. */
  readonly personList?: boolean;
  /** Slots whose answer is free text (a title, a message): any words are the answer. */
  readonly freeText?: readonly SlotOf<I>[];
  /**
   * Once the required slots are there: anything else to ask or find first (an event's time of
   * day, the item a reference means). A reply stops here; null goes on to confirm.
   */
  prepare?(c: Ctx, d: DraftOf<I>): Reply | null | Promise<Reply | null>;
  /** Read the answer to `d.asking`; null: not this module's question (the generic reading runs). */
  answer?(c: Ctx, d: DraftOf<I>): Answered | null | Promise<Answered | null>;
  /** The confirmation question; absent for intents that only read (they act at once). */
  confirms?(c: Ctx, d: DraftOf<I>): string;
  /** Do it; `key` makes a write happen at most once (the action log). */
  does(c: Ctx, d: DraftOf<I>, key: string): Promise<Reply>;
}

/** The table: one module per command intent. */
export type IntentTable = { [I in CommandIntent]: IntentModule<I> };
