/**
 * Install the app into the sandbox the way a portal admin's browser would, then hand the bench a
 * `PortalClient` from the production `PortalClients` (B24OAuth, SDK limiter, our refresher):
 *   GET /oauth/authorize/?client_id=… → 302 with ?code=…
 *   POST /oauth/token/ grant_type=authorization_code → token pair
 *   InstallService.onInstallPage(AUTH_ID, REFRESH_ID, member_id, DOMAIN, …) → the store.
 * The token exchange is OAuth, not REST, so a plain fetch is the right tool there.
 */
import { PortalClients, type PortalClient } from '../../src/bitrix/client';
import { InstallService } from '../../src/bitrix/install';
import { createMemoryStore } from '../../src/store/memory';
import type { SandboxProcess } from './sandbox-process';

export async function installApp(sb: SandboxProcess): Promise<{ client: PortalClient; clients: PortalClients }> {
  const { info, base } = sb;
  const authorize = await fetch(`${base}/oauth/authorize/?${new URLSearchParams({ client_id: info.clientId, redirect_uri: 'http://127.0.0.1/installed', state: 'bench' })}`, { redirect: 'manual' });
  const location = authorize.headers.get('location');
  if (authorize.status !== 302 || !location) throw new Error(`authorize answered ${authorize.status}, expected a redirect`);
  const code = new URL(location).searchParams.get('code');
  if (!code) throw new Error('authorize redirect carries no code');
  const tokenRes = await fetch(info.oauth, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: info.clientId, client_secret: info.clientSecret, code }),
  });
  const tok = (await tokenRes.json()) as { access_token?: string; refresh_token?: string; expires_in?: number; member_id?: string; error?: string };
  if (!tokenRes.ok || !tok.access_token || !tok.refresh_token) throw new Error(`token exchange failed: ${tokenRes.status} ${tok.error ?? ''}`);
  const store = createMemoryStore();
  const installs = new InstallService({ installs: store.installs });
  await installs.onInstallPage({
    DOMAIN: new URL(base).host, PROTOCOL: '0', LANG: 'ru', member_id: tok.member_id ?? info.memberId,
    AUTH_ID: tok.access_token, REFRESH_ID: tok.refresh_token, AUTH_EXPIRES: String(tok.expires_in ?? 3600), SERVER_ENDPOINT: info.rest,
  });
  const clients = new PortalClients({ installs: store.installs, locks: store.locks, app: { clientId: info.clientId, clientSecret: info.clientSecret } });
  return { client: await clients.get(tok.member_id ?? info.memberId), clients };
}
