/** Shared by the conformance suites: documented fixtures and an SDK client on a sandbox portal. */
import fs from 'node:fs';
import path from 'node:path';
import { PortalClients, type PortalClient } from '../../src/bitrix/client';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox';
import { createMemoryStore } from '../../src/store/memory';

export interface Source {
  repository: string;
  path: string;
  commit: string;
}

/** A fixture: facts from a documented page, with where they come from. */
export function fixture<T = Record<string, unknown>>(name: string): T & { source: Source } {
  const f = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8')) as T & { source: Source };
  if (!f.source?.repository || !f.source.path || !/^[0-9a-f]{40}$|^https:/.test(f.source.commit)) throw new Error(`${name}: fixture without its source`);
  return f;
}

export interface SandboxClient {
  sb: Sandbox;
  client: PortalClient;
  store: ReturnType<typeof createMemoryStore>;
  close(): Promise<void>;
}

/** A sandbox portal on a free port and the SDK's OAuth client installed into it as user `userId`. */
export async function sandboxClient(opts: SandboxOptions = {}, userId = 1): Promise<SandboxClient> {
  const sb = createSandbox({ leads: 100, rateLimit: false, ...opts });
  await sb.listen(0);
  const info = sb.info();
  const t = sb.issueTokens(userId);
  const store = createMemoryStore();
  await store.installs.save({
    memberId: info.memberId, domain: info.domain, clientEndpoint: info.rest, serverEndpoint: info.rest, scope: 'crm,task,calendar,im,imbot,user',
    accessToken: t.accessToken, refreshToken: t.refreshToken, expiresAt: t.expires * 1000, applicationToken: info.applicationToken,
    installedBy: userId, settings: {}, installedAt: Date.now(), updatedAt: Date.now(),
  });
  const clients = new PortalClients({ installs: store.installs, locks: store.locks, app: { clientId: info.clientId, clientSecret: info.clientSecret } });
  const client = await clients.get(info.memberId);
  return { sb, client, store, close: () => sb.close() };
}
