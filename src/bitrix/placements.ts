/**
 * Our placements in a portal (the lead and deal card tabs): bound at install and again at every
 * start, so a server that moved (another PUBLIC_URL, a sandbox on another port) re-points its
 * tabs instead of leaving dead ones behind. `placement.get` lists only this app's bindings, so any
 * binding of one of our placements to another handler is ours and stale.
 */
import type { BitrixCaller } from './client';
import { BitrixApiError } from './errors';

export interface PlacementSpec {
  placement: string;
  /** Path under the server's public URL, e.g. `/app/card/lead`. */
  handler: string;
  title: { ru: string; en: string };
}

export interface PlacementChange {
  placement: string;
  handler: string;
  action: 'bound' | 'kept' | 'rebound';
}

interface Bound {
  placement?: string;
  handler?: string;
}

export async function ensurePlacements(client: BitrixCaller, baseUrl: string, specs: readonly PlacementSpec[]): Promise<PlacementChange[]> {
  const base = baseUrl.replace(/\/+$/, '');
  const bound = ((await client.call<Bound[]>('placement.get', {})) ?? []).filter((b) => b && typeof b.placement === 'string');
  const changes: PlacementChange[] = [];
  for (const spec of specs) {
    const handler = `${base}${spec.handler}`;
    const mine = bound.filter((b) => b.placement!.toUpperCase() === spec.placement);
    if (mine.some((b) => b.handler === handler)) {
      changes.push({ placement: spec.placement, handler, action: 'kept' });
      continue;
    }
    for (const stale of mine) await client.call('placement.unbind', { PLACEMENT: spec.placement, HANDLER: stale.handler }, { write: true });
    try {
      await client.call(
        'placement.bind',
        { PLACEMENT: spec.placement, HANDLER: handler, TITLE: spec.title.ru, LANG_ALL: { ru: { TITLE: spec.title.ru }, en: { TITLE: spec.title.en } } },
        { write: true },
      );
    } catch (e) {
      // Two starts racing: the other one bound it first, which is what we wanted.
      if (!(e instanceof BitrixApiError && e.code === 'ERROR_PLACEMENT_HANDLER_EXISTS')) throw e;
    }
    changes.push({ placement: spec.placement, handler, action: mine.length ? 'rebound' : 'bound' });
  }
  return changes;
}
