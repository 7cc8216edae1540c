/**
 * `PortalActions` (what the dialogue asks of a portal) over the portal layer: the SDK clients, the
 * directory cache and the idempotent writes of `actions.ts`. Lead scores are delegated to a
 * `LeadScorer` so this file knows nothing about models.
 *
 * Every action runs with the speaker's own token (`PortalClients.forUser`), so Bitrix24 applies
 * their rights: the creator of a task, the organiser of a meeting and the author of a message are
 * the speaker, and a lead they cannot open is refused by the portal itself. No token → the typed
 * `NeedsAuthorizationError` (the dialogue says so and links the app page); nothing is done with the
 * installer's rights in anyone else's name — not even a bot relay (decided in issue 12: dropped).
 * Only the colleague directory (the names every portal user sees) is read with the app's token.
 */
import type { Account, LeadScoreAnswer, PortalActions } from '../dialog/types';
import type { Lang, LeadRef } from '../nlu/types';
import type { Store } from '../store/types';
import { createEvent, createTask, sendMessage } from './actions';
import * as agenda from './agenda';
import { BitrixAccessDeniedError } from './errors';
import type { BitrixCaller, PortalClients } from './client';
import { findByTitle } from './crm-source';
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
    client: await deps.clients.forUser(account.memberId, account.userId),
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
      // im.message.add sends as the token's user: with the speaker's own token the message is theirs.
      const out = await sendMessage(await actionDeps(account), key, { to: message.toUserId, text: message.text });
      return { id: out.result.messageId ?? 0, via: 'user' };
    },
    async agenda(account, query) {
      return agenda.readAgenda(await deps.clients.forUser(account.memberId, account.userId), account.userId, query, new Date((deps.clock ?? Date.now)()));
    },
    async findItems(account, query) {
      return agenda.findItems(await deps.clients.forUser(account.memberId, account.userId), account.userId, query);
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
      const entity = ref.entity === 'deal' ? 'deal' : 'lead';
      // Which record, decided with the speaker's token: only what they may open is found or offered.
      const client = await deps.clients.forUser(account.memberId, account.userId);
      let id = ref.id;
      if (id === undefined && ref.query?.trim()) {
        const found = await findByTitle(client, entity, ref.query.trim());
        if (found.length > 1) return { kind: 'ambiguous', entity, options: found.slice(0, 5).map((r) => ({ id: Number(r.ID), title: String(r.TITLE ?? '') })) };
        if (found.length === 0) return { kind: 'not-found', entity, ref };
        id = Number(found[0]!.ID);
      }
      if (id === undefined || !Number.isSafeInteger(id) || id <= 0) return { kind: 'not-found', entity, ref };
      if (!(await canOpen(client, entity, id))) return { kind: 'not-found', entity, ref };
      if (!deps.scorer) return { kind: 'no-model', entity, closed: 0, required: 0 };
      // The model is the portal's (trained on its whole history); the answer is about a record the speaker may open.
      return deps.scorer.scoreLead(account, { id, ...(entity === 'deal' ? { entity } : {}) }, lang);
    },
  };
}

/**
 * `crm.<entity>.get` with the speaker's token: true when they may read it, false when it does not
 * exist; `BitrixAccessDeniedError` (kind `access_denied`) when the portal refuses them — the
 * dialogue then says "нет доступа" and nothing of the record.
 */
async function canOpen(client: BitrixCaller, entity: 'lead' | 'deal', id: number): Promise<boolean> {
  try {
    await client.call(`crm.${entity}.get`, { id });
    return true;
  } catch (e) {
    if (e instanceof BitrixAccessDeniedError) throw e;
    if ((e as { kind?: string }).kind === 'api' && /not found/i.test((e as { description?: string }).description ?? '')) return false;
    throw e;
  }
}
