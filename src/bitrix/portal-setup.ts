/**
 * What our app keeps in each installed portal, and how a portal user is sent to authorise it.
 * - `portalSetUp`: learn who installed the app, register the bots, bind the card tabs — idempotent
 *   (kept, re-pointed or made), one run per portal at a time: the install event's background run,
 *   the start-up check and the install page meet here.
 * - `appPageUrl`: the one-tap page that authorises a user (the app's page in the portal).
 */
import type { InstallStore } from '../store/types';
import type { BitrixCaller } from './client';
import { ensureBots, type BotIds } from './bots';
import { ensurePlacements, type PlacementChange, type PlacementSpec } from './placements';

export interface PortalSetUpDeps {
  installs: InstallStore;
  client(memberId: string): Promise<BitrixCaller>;
  /** Where the portal sends events (the bots' webhook), read at each run: the server's URL may change. */
  handlerUrl(): string;
  /** Base of the placement handlers. */
  publicUrl(): string;
  placements: readonly PlacementSpec[];
  log?: (detail: Record<string, unknown>, msg: string) => void;
  now?: () => number;
}

export interface PortalSetUpResult {
  bots: BotIds;
  placements: PlacementChange[];
}

export type PortalSetUp = (install: { memberId: string }) => Promise<PortalSetUpResult>;

export function portalSetUp(deps: PortalSetUpDeps): PortalSetUp {
  const running = new Map<string, Promise<PortalSetUpResult>>();
  const once = async (memberId: string): Promise<PortalSetUpResult> => {
    const client = await deps.client(memberId);
    await learnInstaller(deps.installs, client, memberId, deps.now ?? Date.now);
    const bots = await ensureBots(client, deps.installs, memberId, deps.handlerUrl());
    deps.log?.({ memberId, ...bots }, 'bots registered');
    const placements = await ensurePlacements(client, deps.publicUrl(), deps.placements);
    deps.log?.({ memberId, placements: placements.map((p) => `${p.placement}:${p.action}`) }, 'placements bound');
    return { bots, placements };
  };
  return (install) => {
    let p = running.get(install.memberId);
    if (!p) {
      p = once(install.memberId).finally(() => running.delete(install.memberId));
      running.set(install.memberId, p);
    }
    return p;
  };
}

/**
 * ONAPPINSTALL carries no auth[user_id] (on-app-install.md): the installer is the user the install's
 * token belongs to, which `profile` names. Asked once; a record that names one already is kept.
 */
export async function learnInstaller(installs: Pick<InstallStore, 'get' | 'save'>, client: Pick<BitrixCaller, 'call'>, memberId: string, now: () => number = Date.now): Promise<void> {
  const cur = await installs.get(memberId);
  if (!cur || cur.installedBy) return;
  const me = await client.call<{ ID?: string | number }>('profile');
  const id = Number(me?.ID);
  const fresh = await installs.get(memberId);
  if (fresh && !fresh.installedBy && Number.isSafeInteger(id) && id > 0) await installs.save({ ...fresh, installedBy: id, updatedAt: now() });
}

export interface AppPageDeps {
  installs: Pick<InstallStore, 'get'>;
  client(memberId: string): Promise<Pick<BitrixCaller, 'call'>>;
}

/**
 * The app's page in a real portal (`/marketplace/app/<ID>/`, the ID from `app.info`, asked once per
 * portal), which opens our voice page with the user's placement auth; the portal's app list when it
 * does not say. Undefined for a portal that is not installed.
 */
export function appPageUrl(deps: AppPageDeps): (memberId: string) => Promise<string | undefined> {
  const appIds = new Map<string, Promise<string | undefined>>();
  return async (memberId) => {
    const install = await deps.installs.get(memberId);
    if (!install) return undefined;
    let id = appIds.get(memberId);
    if (!id) {
      id = deps
        .client(memberId)
        .then((c) => c.call<{ ID?: unknown }>('app.info'))
        .then((r) => (r?.ID !== undefined && /^\d+$/.test(String(r.ID)) ? String(r.ID) : undefined))
        .catch(() => undefined);
      appIds.set(memberId, id);
    }
    const appId = await id;
    return appId ? `https://${install.domain}/marketplace/app/${appId}/` : `https://${install.domain}/marketplace/`;
  };
}
