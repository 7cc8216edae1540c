/**
 * Our sandbox portal's address is the server's own (`PUBLIC_URL` or the port it listens on), so it
 * moves when the server does. The stored install of the sandbox then follows it; a real portal's
 * install is never rewritten this way.
 */
import type { Install } from '../store/types';
import type { SandboxInfo } from './index';

/**
 * The sandbox's stored install at the sandbox's current address (its REST endpoint, the OAuth
 * server endpoint under the same base, its domain); null when it is already there.
 */
export function installAtSandboxAddress(known: Install, info: Pick<SandboxInfo, 'rest' | 'domain'>, now: number): Install | null {
  if (known.clientEndpoint === info.rest) return null;
  const oldBase = known.clientEndpoint.replace(/rest\/$/, '');
  const newBase = info.rest.replace(/rest\/$/, '');
  return { ...known, domain: info.domain, clientEndpoint: info.rest, serverEndpoint: known.serverEndpoint.replace(oldBase, newBase), updatedAt: now };
}
