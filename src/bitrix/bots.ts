/**
 * Registering our bots in a portal at install: one messenger bot and one open-lines bot, sharing
 * the one handler URL. A bot receives only the events of the API version it was registered with
 * (chat-bots-v2/migration.md), so the version is chosen once and recorded with the ids:
 * - Chatbots 2.0 where the portal has it: `imbot.v2.Bot.register` with `eventMode: "webhook"`
 *   (bots/bot-register.md; idempotent per code) → ONIMBOTV2* events, replies by
 *   `imbot.v2.Chat.Message.send`; buttons send their text (no command needed);
 * - imbot v1 where the portal answers `ERROR_METHOD_NOT_FOUND` to it: `imbot.register` (TYPE B and
 *   TYPE O, protocols.md §3.1) plus the hidden `answer` command behind keyboard buttons.
 */
import type { Install, InstallStore } from '../store/types';
import type { BitrixCaller } from './client';
import { BitrixApiError } from './errors';

/** The hidden bot command behind keyboard buttons (src/channels/bitrix-bot.ts reads it). */
export const ANSWER_COMMAND = 'answer';

export interface BotIds {
  botId: number;
  openlinesBotId?: number;
  /** The bot API the bots were registered with (1 = imbot v1, 2 = Chatbots 2.0). */
  botApi: 1 | 2;
}

export interface BotProfile {
  code: string;
  name: string;
  workPosition: string;
  color: string;
}

export const DEFAULT_BOTS: { messenger: BotProfile; openlines: BotProfile } = {
  messenger: { code: 'b24_assistant', name: 'Ассистент', workPosition: 'Голосовой и чат-помощник', color: 'AQUA' },
  openlines: { code: 'b24_assistant_ol', name: 'Ассистент (открытые линии)', workPosition: 'Отвечает клиентам и зовёт оператора', color: 'MINT' },
};

/** The bot ids an install's settings record (ensureBots writes them there); none when not registered. */
export function botIdsOf(install: Pick<Install, 'settings'> | null | undefined): Partial<BotIds> {
  const s = (install?.settings ?? {}) as { botId?: unknown; openlinesBotId?: unknown; botApi?: unknown };
  const id = (v: unknown) => Number(v) || undefined;
  const botId = id(s.botId);
  const openlinesBotId = id(s.openlinesBotId);
  // Installs recorded before the version was kept registered through v1.
  const botApi: 1 | 2 = Number(s.botApi) === 2 ? 2 : 1;
  return { ...(botId ? { botId, botApi } : {}), ...(openlinesBotId ? { openlinesBotId } : {}) };
}

/** Chatbots 2.0 registration; null when the portal has no imbot.v2 (ERROR_METHOD_NOT_FOUND). */
async function registerV2(client: BitrixCaller, p: BotProfile, handlerUrl: string, openline: boolean): Promise<number | null> {
  try {
    const r = await client.call<{ bot?: { id?: number | string } }>(
      'imbot.v2.Bot.register',
      {
        fields: {
          code: p.code,
          type: 'bot',
          eventMode: 'webhook',
          webhookUrl: handlerUrl,
          isSupportOpenline: openline,
          properties: { name: p.name, workPosition: p.workPosition },
        },
      },
      { write: true },
    );
    const id = Number(r?.bot?.id);
    if (!Number.isSafeInteger(id) || id <= 0) throw new BitrixApiError({ method: 'imbot.v2.Bot.register', code: 'NO_BOT_ID', status: 200, description: 'the answer has no result.bot.id' });
    return id;
  } catch (e) {
    if (e instanceof BitrixApiError && e.code === 'ERROR_METHOD_NOT_FOUND') return null;
    throw e;
  }
}

/** Register both bots unless the install already records them; returns their ids. */
export async function ensureBots(
  client: BitrixCaller,
  installs: InstallStore,
  memberId: string,
  handlerUrl: string,
  profiles = DEFAULT_BOTS,
): Promise<BotIds> {
  const install = await installs.get(memberId);
  const known = botIdsOf(install);
  if (known.botId) return { ...known, botId: known.botId, botApi: known.botApi ?? 1 };
  const save = async (ids: BotIds) => {
    const fresh = await installs.get(memberId);
    if (fresh) await installs.save({ ...fresh, settings: { ...fresh.settings, ...ids }, updatedAt: Date.now() });
    return ids;
  };
  const v2 = await registerV2(client, profiles.messenger, handlerUrl, false);
  if (v2 !== null) {
    let openlinesBotId: number | undefined;
    try {
      openlinesBotId = (await registerV2(client, profiles.openlines, handlerUrl, true)) ?? undefined;
    } catch {
      // A portal without open lines still gets the messenger bot.
    }
    return save({ botId: v2, botApi: 2, ...(openlinesBotId ? { openlinesBotId } : {}) });
  }
  const register = async (p: BotProfile, type: 'B' | 'O') =>
    Number(
      await client.call<number | string>(
        'imbot.register',
        {
          CODE: p.code,
          TYPE: type,
          OPENLINE: type === 'O' ? 'Y' : 'N',
          EVENT_MESSAGE_ADD: handlerUrl,
          EVENT_WELCOME_MESSAGE: handlerUrl,
          EVENT_BOT_DELETE: handlerUrl,
          PROPERTIES: { NAME: p.name, WORK_POSITION: p.workPosition, COLOR: p.color },
        },
        { write: true },
      ),
    );
  // Keyboard buttons are hidden commands; a press comes back as ONIMCOMMANDADD with the title.
  const answerCommand = (bot: number) =>
    client.call(
      'imbot.command.register',
      {
        BOT_ID: bot,
        COMMAND: ANSWER_COMMAND,
        HIDDEN: 'Y',
        EVENT_COMMAND_ADD: handlerUrl,
        LANG: [
          { LANGUAGE_ID: 'ru', TITLE: 'Ответ кнопкой', PARAMS: 'ответ' },
          { LANGUAGE_ID: 'en', TITLE: 'Button answer', PARAMS: 'answer' },
        ],
      },
      { write: true },
    );
  const botId = await register(profiles.messenger, 'B');
  await answerCommand(botId);
  let openlinesBotId: number | undefined;
  try {
    openlinesBotId = await register(profiles.openlines, 'O');
    await answerCommand(openlinesBotId);
  } catch {
    // A portal without open lines (or the imopenlines scope) still gets the messenger bot.
  }
  return save({ botId, botApi: 1, ...(openlinesBotId ? { openlinesBotId } : {}) });
}

/**
 * A bot deleted in the portal (ONIMBOTDELETE / ONIMBOTV2DELETE) is forgotten from the install's
 * settings, so the next set-up registers it again; the API version goes with the last bot. False
 * (nothing saved) when the portal is not installed or the id is not one of ours.
 */
export async function forgetDeletedBot(installs: Pick<InstallStore, 'get' | 'save'>, memberId: string, botId: number, now: number): Promise<boolean> {
  const fresh = await installs.get(memberId);
  const ids = botIdsOf(fresh);
  if (!fresh || (ids.botId !== botId && ids.openlinesBotId !== botId)) return false;
  const settings = { ...fresh.settings };
  if (ids.botId === botId) delete settings.botId;
  if (ids.openlinesBotId === botId) delete settings.openlinesBotId;
  if (!settings.botId && !settings.openlinesBotId) delete settings.botApi;
  await installs.save({ ...fresh, settings, updatedAt: now });
  return true;
}
