/**
 * The conversation's vocabulary, shared by every channel: a channel decodes its wire format into a
 * `Turn`, the dialogue answers with a `Reply`, the channel encodes that back. The dialogue reaches
 * the portal only through `PortalActions`, so it is tested without servers.
 */
import type { Directory, Lang, LeadRef, LocalDate, LocalDateTime, ParseResult } from '../nlu/types';

export type Channel = 'alice' | 'google' | 'bitrix' | 'openlines' | 'console';

/** A portal user the speaker is (or has been linked to). */
export interface Account {
  memberId: string;
  userId: number;
}

export interface Turn {
  channel: Channel;
  /** Stable key of this conversation (e.g. "alice:<session_id>", "bitrix:<member>:<dialog_id>"). */
  sessionKey: string;
  /** The platform's id of the speaker, for voice platforms that need linking (Alice user id, Google user). */
  voiceUser?: string;
  /** The skill/application the voice request came through (Alice skill_id, Dialogflow project): linking limits count per app. */
  voiceApp?: string;
  /** The linked portal user; absent for an unlinked voice user. */
  account?: Account;
  /** What the user said or typed (empty for the first request of a voice session). */
  text: string;
  /** Platform NLU hints (Alice's YANDEX.NUMBER, …): numbers help read a spoken code or a record number. */
  hints?: TurnHints;
  /** Button payload when the user pressed a button instead of speaking. */
  payload?: unknown;
  locale: Lang;
  /** The user's IANA time zone. */
  timeZone: string;
  /** The current instant (the dialogue never reads the clock itself). */
  now: Date;
  /** True for the first request of a platform session (a draft left from an earlier session is dropped). */
  newSession?: boolean;
  /** The portal (member id) the conversation is in, when the channel knows it (the Bitrix24 bots): an open-line client has no account but a portal. */
  memberId?: string;
  /** CRM binding of the chat (open lines, CRM chats): "этот лид". */
  crm?: { entity: 'lead' | 'deal'; id: number };
  /** Platform message id: a message delivered again gets the same answer and changes nothing. */
  messageId?: string;
}

export interface TurnHints {
  numbers?: number[];
  names?: { firstName?: string; lastName?: string; patronymicName?: string }[];
  /** Local wall times the platform recognised ("2026-12-01T13:15" or "2026-12-01"). */
  datetimes?: string[];
}

export interface Button {
  title: string;
  /** Sent back as `Turn.payload` when pressed; the title is also a valid spoken answer. */
  payload?: unknown;
  /** Open a URL instead of sending a turn. */
  url?: string;
}

export interface Reply {
  text: string;
  /** Speech for voice platforms when it differs from the text (signs said as words, no quotes). */
  tts?: string;
  buttons?: Button[];
  /** Structured content for channels that show cards (lead score). */
  card?: { title: string; lines: string[] };
  endSession?: boolean;
  /** The parse behind this reply (shown by the console beside each answer). */
  parse?: ParseResult;
  /**
   * More to deliver in the Bitrix24 messenger (a voice agenda says five items; the whole list
   * follows in the messenger). Channels without a messenger of their own send it there.
   */
  followUp?: Promise<Reply>;
  /** Hand the chat to a human operator (open lines): the channel posts `text` and calls the operator. */
  handOff?: boolean;
}

/** What the dialogue asks of the portal. Implemented over src/bitrix; faked in tests. */
export interface PortalActions {
  directory(account: Account): Promise<Directory>;
  /** Each write takes an idempotency key: the same key never creates two entities. */
  createTask(account: Account, task: { title: string; responsibleId: number; deadline?: string; timeZone: string }, key: string): Promise<{ id: number; url?: string }>;
  createEvent(
    account: Account,
    event: { title: string; start: string; end: string; allDay: boolean; attendeeIds: number[]; timeZone: string },
    key: string,
  ): Promise<{ id: number }>;
  /**
   * A message from the speaker. Only a user's own token can send as that user; when the portal
   * holds no token of the speaker's, the message goes from our bot as `relayText` (which names
   * the speaker) instead of from whoever installed the app, and `via` says so.
   */
  sendMessage(account: Account, message: { toUserId: number; text: string; relayText?: string }, key: string): Promise<{ id: number; via?: 'user' | 'bot' }>;
  /** `lang` is the language the reasons are said in. */
  scoreLead(account: Account, ref: LeadRef, lang?: Lang): Promise<LeadScoreAnswer>;
  /**
   * What is planned for `userId` (the speaker or a colleague), read with the speaker's rights in one
   * round trip: open tasks (due in the range, or overdue, or all open ones when no range) and
   * calendar events of the range. Times are local to `timeZone`.
   */
  agenda(account: Account, query: AgendaQuery): Promise<PlanItem[]>;
  /** Items the speaker can see that a reference may mean: one by id, or open tasks / events of a range. */
  findItems(account: Account, query: { kind: 'task' | 'event'; id?: number; from?: LocalDate; to?: LocalDate; timeZone: string }): Promise<PlanItem[]>;
  /** Changes; each at most once per key (the action log). */
  completeTask(account: Account, taskId: number, key: string): Promise<void>;
  updateTask(account: Account, taskId: number, change: { deadline?: LocalDateTime; responsibleId?: number; timeZone: string }, key: string): Promise<void>;
  moveEvent(account: Account, event: EventItem, change: { start: LocalDateTime; end: LocalDateTime; allDay: boolean; timeZone: string }, key: string): Promise<void>;
  cancelEvent(account: Account, event: EventItem, key: string): Promise<void>;
}

export interface AgendaQuery {
  userId: number;
  from?: LocalDate;
  to?: LocalDate;
  kind?: 'tasks' | 'events';
  overdue?: boolean;
  timeZone: string;
}

/** A task as the dialogue sees it (times local to the asker's zone). */
export interface TaskItem {
  kind: 'task';
  id: number;
  title: string;
  deadline?: LocalDateTime;
  done: boolean;
  responsibleId: number;
  createdBy: number;
  auditorIds: number[];
  accompliceIds: number[];
  /** Whether the responsible may move the deadline (ALLOW_CHANGE_DEADLINE). */
  responsibleMayMoveDeadline?: boolean;
}

/** A calendar event as the dialogue sees it. */
export interface EventItem {
  kind: 'event';
  id: number;
  title: string;
  start: LocalDateTime;
  end: LocalDateTime;
  allDay: boolean;
  /** Whose calendar it is in. */
  ownerId: number;
  /** Who organises it (the meeting host, else the creator). */
  organizerId: number;
  attendeeIds: number[];
  /** The calendar section (calendar.event.update wants it back). */
  section?: string;
}

export type PlanItem = TaskItem | EventItem;

export type LeadScoreAnswer =
  | {
      kind: 'score';
      entity: 'lead' | 'deal';
      id: number;
      title: string;
      probability: number;
      /** The probability as said (src/scoring): a rounded whole percent, "больше 99" past 99.5 %, "меньше 1" under 0.5 %. */
      percent?: string;
      level: 'low' | 'medium' | 'high';
      reasons: string[];
      /** A small portal's score: its model stands on the pooled prior and this many of its own closed records. */
      preliminary?: { records: number };
      modelQuality: { auc: number; precision: number; recall: number };
    }
  | { kind: 'no-model'; entity: 'lead' | 'deal'; closed: number; required: number }
  | { kind: 'not-found'; entity: 'lead' | 'deal'; ref: LeadRef }
  | { kind: 'ambiguous'; entity: 'lead' | 'deal'; options: { id: number; title: string }[] };

export interface Dialog {
  handle(turn: Turn): Promise<Reply>;
}
