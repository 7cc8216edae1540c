/** Shared test wiring: an ONAPPINSTALL body for a double, a store, a client cache. */
import { parsePhpForm, type PhpForm } from '../../src/bitrix/php-form';
import { PortalClients, type PortalClientsOptions } from '../../src/bitrix/client';
import { InstallService } from '../../src/bitrix/install';
import { createMemoryStore } from '../../src/store/memory';
import type { Store } from '../../src/store/types';
import type { PortalDouble } from './portal-double';

/** The URL-encoded body Bitrix24 would POST, as PHP's http_build_query writes it. */
export function installEventBody(d: PortalDouble, pair = d.issuePair(), appToken = 'app-token-' + d.memberId): string {
  const fields: [string, string][] = [
    ['event', 'ONAPPINSTALL'],
    ['data[VERSION]', '1'],
    ['data[ACTIVE]', 'Y'],
    ['data[INSTALLED]', 'Y'],
    ['data[LANGUAGE_ID]', 'ru'],
    ['ts', String(Math.floor(Date.now() / 1000))],
    ['auth[access_token]', pair.access_token],
    ['auth[expires_in]', String(pair.expires_in)],
    ['auth[scope]', 'task,calendar,im,imbot,user,crm'],
    ['auth[domain]', d.domain],
    ['auth[server_endpoint]', `${d.url}/rest/`],
    ['auth[status]', 'L'],
    ['auth[client_endpoint]', d.endpoint],
    ['auth[member_id]', d.memberId],
    ['auth[user_id]', '1'],
    ['auth[refresh_token]', pair.refresh_token],
    ['auth[application_token]', appToken],
  ];
  return fields.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}

export function installForm(d: PortalDouble, pair = d.issuePair()): PhpForm {
  return parsePhpForm(installEventBody(d, pair));
}

export async function installed(d: PortalDouble, store: Store = createMemoryStore(), extra: Partial<PortalClientsOptions> = {}) {
  const service = new InstallService({ installs: store.installs });
  const install = await service.onAppInstall(installForm(d));
  const clients = new PortalClients({ installs: store.installs, locks: store.locks, app: { clientId: d.clientId, clientSecret: d.clientSecret }, ...extra });
  return { store, service, install, clients, client: await clients.get(d.memberId) };
}
