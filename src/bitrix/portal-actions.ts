/**
 * `PortalActions` (what the dialogue asks of a portal) over the portal layer: the SDK clients, the
 * directory cache and the idempotent writes of `actions.ts`. Lead scores are delegated to a
 * `LeadScorer` so this file knows nothing about models.
 */
import type { Account, LeadScoreAnswer, PortalActions } from '../dialog/types';
import type { Lang, LeadRef } from '../nlu/types';
import type { Store } from '../store/types';
import { botMessage, createEvent, createTask, sendMessage } from './actions';
import { botIdsOf } from './bots';
import * as agenda from './agenda';
import { BitrixApiError } from './errors';
import type { PortalClients } from './client';
import type { DirectoryCache } from './directory';

export interface LeadScorer {
  scoreLead(account: Account, ref: LeadRef, lang?: Lang): Promise<LeadScoreAnswer>;
}

export interface PortalActionsDeps {
  clients: PortalClients;
  directories: DirectoryCache;
  store: Pick<Store, 'actions' | 'locks' | 'installs'>;
  scorer?: LeadScorer;
  defaultDeadlineHour: number;
  /** Zone of users whose profile has none. */
  defaultTimeZone: string;
  clock?: () => number;
}

export function createPortalActions(deps: PortalActionsDeps): PortalActions {
  const actionDeps = async (account: Account) => ({
    client: await deps.clients.get(account.memberId),
    actions: deps.store.actions,
    locks: deps.store.locks,
    clock: deps.clock,
    defaultDeadlineHour: deps.defaultDeadlineHour,
  });
  return {
    async directory(account) {
      const client = await deps.clients.get(account.memberId);
      return deps.directories.get(client, account.userId, deps.defaultTimeZone);
    },
    async createTask(account, task, key) {
      const out = await createTask(await actionDeps(account), key, {
        title: task.title,
        responsibleId: task.responsibleId,
        creatorId: account.userId,
        deadline: task.deadline,
        timeZone: task.timeZone,
      });
      return { id: out.result.taskId };
    },
    async createEvent(account, event, key) {
      const out = await createEvent(await actionDeps(account), key, {
        ownerId: account.userId,
        title: event.title,
        from: event.start,
        to: event.end,
        allDay: event.allDay,
        timeZone: event.timeZone,
        attendees: event.attendeeIds,
      });
      return { id: out.result.eventId };
    },
    async sendMessage(account, message, key) {
      // im.message.add sends as the token's user, and the only token is the installer's: anyone
      // else's message goes from our bot, naming them (relayText), never as the installer.
      const install = await deps.store.installs.get(account.memberId);
      if (install?.installedBy === account.userId) {
        const out = await sendMessage(await actionDeps(account), key, { to: message.toUserId, text: message.text });
        return { id: out.result.messageId ?? 0, via: 'user' };
      }
      const { botId, botApi } = botIdsOf(install);
      if (!botId) throw new BitrixApiError({ method: 'imbot.message.add', code: 'NO_BOT', status: 0, description: 'no bot registered in this portal to pass the message on' });
      const out = await botMessage(await actionDeps(account), key, { botId, dialogId: message.toUserId, text: message.relayText ?? message.text, api: botApi });
      return { id: out.result.messageId ?? 0, via: 'bot' };
    },
    async agenda(account, query) {
      return agenda.readAgenda(await deps.clients.get(account.memberId), account.userId, query, new Date((deps.clock ?? Date.now)()));
    },
    async findItems(account, query) {
      return agenda.findItems(await deps.clients.get(account.memberId), account.userId, query);
    },
    async completeTask(account, taskId, key) {
      await agenda.completeTask(await actionDeps(account), key, taskId);
    },
    async updateTask(account, taskId, change, key) {
      await agenda.updateTask(await actionDeps(account), key, taskId, change);
    },
    async moveEvent(account, event, change, key) {
      await agenda.moveEvent(await actionDeps(account), key, event, change);
    },
    async cancelEvent(account, event, key) {
      await agenda.cancelEvent(await actionDeps(account), key, event);
    },
    async scoreLead(account, ref, lang) {
      if (!deps.scorer) return { kind: 'no-model', entity: ref.entity ?? 'lead', closed: 0, required: 0 };
      return deps.scorer.scoreLead(account, ref, lang);
    },
  };
}
