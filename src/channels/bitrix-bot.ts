/**
 * The Bitrix24 messenger bot and open-lines bot (imbot v1, protocols.md §3.5–3.9): events that
 * `bitrixAppRouter` has already authenticated by `auth[application_token]` arrive here, are turned
 * into a `Turn`, and the `Reply` goes back through `imbot.message.add` with buttons as the message
 * KEYBOARD. Buttons are hidden bot commands (`answer`) whose parameters are the button's title, so a
 * press arrives as ONIMCOMMANDADD and reads like the spoken answer. Re-delivered events are handled
 * once (by message id).
 */
import type { PhpForm } from '../bitrix/php-form';
import type { BotButton } from '../bitrix/actions';
import { ANSWER_COMMAND } from '../bitrix/bots';
import type { Install } from '../store/types';
import type { Dialog, Reply, Turn } from '../dialog/types';
import type { Lang } from '../nlu/types';

export { ANSWER_COMMAND };

export interface BotOutgoing {
  botId: number;
  dialogId: string;
  text: string;
  buttons?: BotButton[];
}

export interface BitrixBotDeps {
  dialog: Dialog;
  /** imbot.message.add as the bot; `key` makes it at-most-once. */
  send(install: Install, message: BotOutgoing, key: string): Promise<void>;
  /** imopenlines.bot.session.operator: hand an open-line chat to a person. */
  transferToOperator?(install: Install, chatId: number): Promise<void>;
  /** The user's time zone (from the directory); the portal's default otherwise. */
  timeZoneOf?(install: Install, userId: number): Promise<string | undefined>;
  /** Words a client uses to ask for a person in an open line. */
  operatorWords?: string[];
  now?: () => Date;
  defaultTimeZone?: string;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** CHAT_ENTITY_DATA_2 is "LEAD|1209|COMPANY|0|CONTACT|0|DEAL|0": pairs of type and id (0 = none). */
export function crmBinding(data2: string): Turn['crm'] {
  const parts = data2.split('|');
  const ids: Record<string, number> = {};
  for (let i = 0; i + 1 < parts.length; i += 2) ids[parts[i]!.toUpperCase()] = Number(parts[i + 1]) || 0;
  if (ids.LEAD) return { entity: 'lead', id: ids.LEAD };
  if (ids.DEAL) return { entity: 'deal', id: ids.DEAL };
  return undefined;
}

/** A bounded set of recently seen ids (re-delivered events). */
class Seen {
  private readonly items = new Set<string>();
  constructor(private readonly max = 10_000) {}
  add(id: string): boolean {
    if (this.items.has(id)) return false;
    this.items.add(id);
    if (this.items.size > this.max) this.items.delete(this.items.values().next().value as string);
    return true;
  }
}

export function createBitrixBotHandler(deps: BitrixBotDeps) {
  const seen = new Seen();
  const now = deps.now ?? (() => new Date());
  const operatorWords = deps.operatorWords ?? ['оператор', 'живой человек', 'менеджер', 'operator', 'human', 'agent'];

  return async function onBotEvent(event: string, form: PhpForm, install: Install): Promise<void> {
    const data = obj(form.data);
    const params = obj(data.PARAMS);
    let text = str(params.MESSAGE);
    let botId = 0;
    if (event === 'ONIMCOMMANDADD') {
      const cmd = Object.values(obj(data.COMMAND)).map(obj)[0] ?? {};
      botId = Number(cmd.BOT_ID) || 0;
      if (str(cmd.COMMAND) === ANSWER_COMMAND) text = str(cmd.COMMAND_PARAMS);
      else text = `${str(cmd.COMMAND)} ${str(cmd.COMMAND_PARAMS)}`.trim();
    } else if (event === 'ONIMBOTMESSAGEADD' || event === 'ONIMBOTJOINCHAT') {
      botId = Number(Object.keys(obj(data.BOT))[0]) || Number(params.BOT_ID) || 0;
      if (event === 'ONIMBOTJOINCHAT') text = '';
    } else return; // ONIMBOTDELETE and others need no answer

    const messageId = str(params.MESSAGE_ID) || str(obj(Object.values(obj(data.COMMAND))[0]).MESSAGE_ID);
    if (messageId && !seen.add(`${install.memberId}:${event}:${messageId}`)) return;

    const dialogId = str(params.DIALOG_ID) || str(params.USER_ID);
    const fromUser = Number(params.FROM_USER_ID ?? params.USER_ID) || 0;
    if (!botId || !dialogId) return;
    const openLine = str(params.CHAT_ENTITY_TYPE) === 'LINES' || str(params.MESSAGE_TYPE) === 'L' || str(params.CHAT_TYPE) === 'L';
    const lang: Lang = str(params.LANGUAGE).startsWith('en') ? 'en' : 'ru';

    if (openLine && text && deps.transferToOperator && operatorWords.some((w) => text.toLowerCase().includes(w))) {
      await deps.transferToOperator(install, Number(dialogId.replace(/^chat/, '')) || 0);
      return;
    }
    // An open-line client is not a portal user: the bot acts for the user who installed the app.
    const userId = openLine || !fromUser ? (install.installedBy ?? 1) : fromUser;
    const timeZone = (await deps.timeZoneOf?.(install, userId)) ?? deps.defaultTimeZone ?? 'Europe/Moscow';
    const turn: Turn = {
      channel: openLine ? 'openlines' : 'bitrix',
      sessionKey: `bitrix:${install.memberId}:${dialogId}:${fromUser}`,
      account: { memberId: install.memberId, userId },
      text,
      locale: lang,
      timeZone,
      now: now(),
      ...(messageId ? { messageId } : {}),
      ...(crmBinding(str(params.CHAT_ENTITY_DATA_2)) ? { crm: crmBinding(str(params.CHAT_ENTITY_DATA_2)) } : {}),
    };
    const reply: Reply = await deps.dialog.handle(turn);
    const buttons: BotButton[] | undefined = reply.buttons?.filter((b) => !b.url).map((b) => ({ text: b.title, command: ANSWER_COMMAND, commandParams: b.title }));
    await deps.send(install, { botId, dialogId, text: reply.text, ...(buttons?.length ? { buttons } : {}) }, `bot-reply:${install.memberId}:${event}:${messageId || `${dialogId}:${turn.now.getTime()}`}`);
    if (openLine && reply.handOff && deps.transferToOperator) await deps.transferToOperator(install, Number(dialogId.replace(/^chat/, '')) || 0);
  };
}
