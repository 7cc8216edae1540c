/**
 * Where a late voice result goes (`Notify`, src/channels/common.ts): the user's private chat with our
 * messenger bot. Nothing is sent when the portal has no bot registered.
 */
import crypto from 'node:crypto';
import type { ActionLog, InstallStore, LockStore } from '../store/types';
import type { BitrixCaller } from '../bitrix/client';
import { botMessage } from '../bitrix/actions';
import { botIdsOf } from '../bitrix/bots';
import type { Account } from '../dialog/types';
import type { Notify } from './common';

/**
 * The action-log key of one late reply: the user, a digest of the text (never the text: keys are
 * stored and logged) and the moment, so a re-sent identical answer later is a new message while one
 * delivery is never sent twice.
 */
export function lateReplyKey(account: Account, text: string, now: number): string {
  return `notify:${account.memberId}:${account.userId}:${crypto.createHash('sha256').update(text).digest('hex').slice(0, 16)}:${now}`;
}

export interface LateReplyDeps {
  installs: Pick<InstallStore, 'get'>;
  client(memberId: string): Promise<BitrixCaller>;
  actions: ActionLog;
  locks: LockStore;
  now?: () => number;
}

export function botLateReply(deps: LateReplyDeps): Notify {
  const now = deps.now ?? Date.now;
  return async (account, text) => {
    const install = await deps.installs.get(account.memberId);
    const { botId, botApi } = botIdsOf(install);
    if (!install || !botId) return;
    const client = await deps.client(account.memberId);
    await botMessage({ client, actions: deps.actions, locks: deps.locks }, lateReplyKey(account, text, now()), { botId, dialogId: account.userId, text, api: botApi });
  };
}
