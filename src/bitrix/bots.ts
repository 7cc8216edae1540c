/**
 * Registering our bots in a portal at install (protocols.md §3.1): one messenger bot (TYPE B) and
 * one open-lines bot (TYPE O). Both share the one handler URL (a portal requires every bot of an app
 * to use the same handlers); their ids are kept in the install's settings so replies can name them.
 */
import type { Install, InstallStore } from '../store/types';
import type { BitrixCaller } from './client';

/** The hidden bot command behind keyboard buttons (src/channels/bitrix-bot.ts reads it). */
export const ANSWER_COMMAND = 'answer';

export interface BotIds {
  botId: number;
  openlinesBotId?: number;
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
  const s = (install?.settings ?? {}) as { botId?: unknown; openlinesBotId?: unknown };
  const id = (v: unknown) => Number(v) || undefined;
  const botId = id(s.botId);
  const openlinesBotId = id(s.openlinesBotId);
  return { ...(botId ? { botId } : {}), ...(openlinesBotId ? { openlinesBotId } : {}) };
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
  if (known.botId) return { ...known, botId: known.botId };
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
  const fresh = await installs.get(memberId);
  if (fresh) await installs.save({ ...fresh, settings: { ...fresh.settings, botId, ...(openlinesBotId ? { openlinesBotId } : {}) }, updatedAt: Date.now() });
  return { botId, ...(openlinesBotId ? { openlinesBotId } : {}) };
}
