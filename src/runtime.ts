/**
 * The composition root, in three stages: build the services (src/services.ts), create the app
 * (src/server.ts), then listen — the HTTP server, its WebSocket endpoints — and set up the portals:
 * the sandbox portal installs our app, every installed portal gets its bots and card tabs at this
 * server's URL, and the background work starts (model retraining, store sweeps). `serve`, tests and
 * benches call `startRuntime` with a temporary DATA_DIR and port 0; a test that needs no port drives
 * `createApp(await buildServices(config))` through supertest instead.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { Config } from './config';
import { listenHost } from './config';
import { createApp } from './server';
import { buildServices, type ServiceOptions } from './services';
import type { Store } from './store/types';
import type { Sandbox } from './sandbox';
import { installAtSandboxAddress } from './sandbox/moved-install';
import { portalEndpointProblems } from './bitrix/install';
import type { PortalClients } from './bitrix/client';
import { attachConsole, CONSOLE_WS_PATH } from './channels/console';
import type { Dialog, PortalActions } from './dialog/types';
import type { JobQueue } from './scoring/queue';
import { startRetrainScheduler } from './scoring/schedule';
import { WS_PATH, type WebPages } from './web';
import type { Services } from './services';

export { createLogger, REDACTED_LOG_PATHS } from './log';

export interface Runtime {
  url: string;
  store: Store;
  sandbox?: Sandbox;
  clients: PortalClients;
  actions: PortalActions;
  dialog: Dialog;
  /** Training jobs: in-process, or BullMQ on Redis when REDIS_URL is set (then `worker` processes run them). */
  trainingQueue: JobQueue;
  /** The portal pages (voice linking, scoring dashboard, card tabs), mounted under /app. */
  web: WebPages;
  /** A fresh one-time voice linking code for a portal user (the voice page and the CLI use it). */
  issueLinkCode(account: { memberId: string; userId: number }): Promise<string>;
  log: Logger;
  /** The sandbox portal's member id once it has installed the app. */
  sandboxMemberId?: string;
  close(): Promise<void>;
}

/** 127.0.0.0/8, ::1 and localhost: addresses only this machine reaches. */
export const isLoopback = (host: string): boolean => /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i.test(host);

export interface RuntimeOptions extends ServiceOptions {
  /** How long a stop waits for requests in flight before cutting their connections (default 8 s). */
  shutdownGraceMs?: number;
}

export async function startRuntime(config: Config, opts: RuntimeOptions = {}): Promise<Runtime> {
  const services = await buildServices(config, opts);
  const { log, store, sandbox } = services;
  const server = http.createServer(createApp(services));
  const consoleWss = services.channels?.console ? attachConsole(server, services.channels.console) : undefined;
  // Each socket endpoint takes only its own path; anything else is refused here rather than left hanging.
  const socketPaths = new Set([WS_PATH, ...(consoleWss ? [CONSOLE_WS_PATH] : [])]);
  server.on('upgrade', (req: http.IncomingMessage, socket: import('node:stream').Duplex) => {
    if (!socketPaths.has(new URL(req.url ?? '/', 'http://local').pathname)) socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
  const detachWeb = services.web.attach(server);
  /** Stops serving: requests in flight finish; past the deadline their connections are cut so a stop never hangs. */
  const stopServing = async (graceMs: number) => {
    detachWeb();
    for (const c of consoleWss?.clients ?? []) c.terminate();
    consoleWss?.close();
    const cut = setTimeout(() => server.closeAllConnections(), graceMs);
    await new Promise<void>((r) => (server.listening ? server.close(() => r()) : r()));
    clearTimeout(cut);
  };

  let sandboxMemberId: string | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.PORT, listenHost(config), () => resolve());
    });
    const port = (server.address() as AddressInfo).port;
    services.setPublicUrl(config.PUBLIC_URL ?? `http://127.0.0.1:${port}`);
    if (sandbox) sandboxMemberId = await setUpSandbox(services, sandbox);
    else await setUpInstalledPortals(services);
  } catch (e) {
    // A start that fails leaves nothing open behind it (port, sockets, store, queue).
    await stopServing(0);
    await services.close();
    throw e;
  }
  const publicUrl = services.publicUrl();

  // Models retrain when their nextTrainingAt passes (hourly check; one enqueue across processes via the store's locks).
  const retraining = startRetrainScheduler({ installs: store.installs, models: store.models, jobs: services.jobs, queue: services.trainingQueue, locks: store.locks, log: (msg, detail) => log.info({ detail }, msg) });
  // Expired linking codes, linking attempts and action/de-duplication records go every 10 minutes
  // (the adapters also sweep as they go), so strangers' guesses and old events leave no rows behind.
  const sweeper = setInterval(() => {
    const now = Date.now();
    Promise.all([store.linkCodes.sweep(now), store.actions.sweep(now)]).catch((e) => log.warn({ err: e instanceof Error ? e.message : e }, 'store sweep failed'));
  }, 10 * 60_000);
  sweeper.unref();

  return {
    url: publicUrl,
    store,
    sandbox,
    clients: services.clients,
    actions: services.actions,
    dialog: services.dialog,
    trainingQueue: services.trainingQueue,
    issueLinkCode: services.issueLinkCode,
    web: services.web,
    log,
    sandboxMemberId,
    async close() {
      await stopServing(opts.shutdownGraceMs ?? 8000);
      retraining.stop();
      clearInterval(sweeper);
      await services.close();
    },
  };
}

/**
 * Sandbox mode: the built-in portal answers at this server's URL; it installs our app the first time,
 * its stored install follows it when the server moved, and the bots and card tabs exist before we
 * serve. Returns its member id.
 */
async function setUpSandbox(services: Services, sandbox: Sandbox): Promise<string> {
  const { config, log, store } = services;
  const host = listenHost(config);
  if (isLoopback(host)) log.info({ host }, 'sandbox mode: listening on loopback only (the console and demo pages act as any user)');
  else log.warn({ host }, 'sandbox mode on a non-loopback address: anyone who reaches it can act as any sandbox user');
  sandbox.setPublicUrl(`${services.publicUrl()}/sandbox`);
  const info = sandbox.info();
  const known = await store.installs.get(info.memberId);
  const moved = known && installAtSandboxAddress(known, info, Date.now());
  if (moved) {
    await store.installs.save(moved);
    services.clients.forget(info.memberId);
  }
  if (!known) {
    const delivery = await sandbox.installApp(`${services.publicUrl()}/webhook/bitrix`, 1);
    if (delivery.status !== 200) throw new Error(`the sandbox portal could not install the app (handler answered ${delivery.status})`);
  }
  // The install handler registers the bots in the background; make sure they exist before serving.
  await services.setUpPortal({ memberId: info.memberId });
  await services.showDemo(info.memberId);
  return info.memberId;
}

/**
 * A configured app: re-point the card tabs of every installed portal when PUBLIC_URL changed since
 * the last start — each in the background, and only of portals whose endpoints pass today's policy (a
 * record stored before it is not connected to).
 */
async function setUpInstalledPortals(services: Services): Promise<void> {
  const { log } = services;
  for (const install of await services.store.installs.list()) {
    const problems = portalEndpointProblems(install, services.portalPolicy);
    if (problems.length) {
      log.warn({ memberId: install.memberId, domain: install.domain, problems }, 'installed portal is not a Bitrix24 portal we may connect to; skipped (reinstall it or list it in B24_ALLOWED_DOMAINS)');
      continue;
    }
    services.setUpPortal(install).catch((e) => log.warn({ memberId: install.memberId, err: e instanceof Error ? e.message : e }, 'placements could not be checked'));
  }
}
