/**
 * The app installed into a sandbox portal by a given user, the way a portal installs it (ONAPPINSTALL
 * posted to our install URL): an SDK client acting as that user, with its own memory store.
 */
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PortalClients } from '../../src/bitrix/client';
import { InstallService } from '../../src/bitrix/install';
import { parsePhpForm } from '../../src/bitrix/php-form';
import type { Sandbox } from '../../src/sandbox';
import { createMemoryStore } from '../../src/store/memory';

export async function installIntoSandbox(sb: Sandbox, userId = 1) {
  const store = createMemoryStore();
  const svc = new InstallService({ installs: store.installs });
  const app = express();
  app.post('/install', express.text({ type: '*/*' }), async (req, res) => {
    await svc.onAppInstall(parsePhpForm(String(req.body)));
    res.send('ok');
  });
  const server: Server = await new Promise((r) => {
    const s = app.listen(0, '127.0.0.1', () => r(s));
  });
  await sb.installApp(`http://127.0.0.1:${(server.address() as AddressInfo).port}/install`, userId);
  const info = sb.info();
  const clients = new PortalClients({ installs: store.installs, locks: store.locks, app: { clientId: info.clientId, clientSecret: info.clientSecret } });
  return { store, clients, info, close: () => server.close() };
}
