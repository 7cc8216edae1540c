/**
 * The composition root: builds every service from the validated configuration and wires them into
 * one express app. Nothing else constructs stores, clients or the sandbox; tests call
 * `startRuntime` with a temporary DATA_DIR and port 0.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import type { Config } from './config';
import { isSandboxMode, listenHost } from './config';
import { createApp, finalErrorHandler } from './server';
import { countCalls, createMetrics, own, type Metrics } from './metrics';
import { openConfiguredStore } from './store';
import type { Store } from './store/types';
import { createSandbox, type Sandbox } from './sandbox';
import { InstallService, portalEndpointProblems } from './bitrix/install';
import { PortalClients, type AppCredentials } from './bitrix/client';
import { DirectoryCache } from './bitrix/directory';
import { DEFAULT_BOTS, botIdsOf, ensureBots } from './bitrix/bots';
import { createPortalActions } from './bitrix/portal-actions';
import { createUserTokenKeeper } from './bitrix/user-tokens';
import { bitrixAppRouter } from './channels/bitrix-app';
import { createBitrixBotHandler } from './channels/bitrix-bot';
import { attachConsole, consoleRouter } from './channels/console';
import { aliceRouter } from './channels/alice';
import { dialogflowRouter, googleRouter } from './channels/google';
import type { Dialog, PortalActions } from './dialog/types';
import { createDialog, issueLinkCode } from './dialog';
import { createParser } from './nlu';
import { createCodeHasher, resolveEncryptionKey } from './store';
import { botMessage } from './bitrix/actions';
import { portalCrmSource } from './bitrix/crm-source';
import { listPage } from './bitrix/crm';
import { createPortalScorer } from './scoring/portal-scorer';
import { pooledMembers } from './scoring/pooled';
import { createBullQueue, createInProcessQueue, type JobQueue } from './scoring/queue';
import { startRetrainScheduler } from './scoring/schedule';
import { createWebPages, PLACEMENTS, WS_PATH, type DemoUser, type Entity, type WebPages } from './web';
import type { WebDeps } from './web/deps';
import { profileVerifier, queueTrainer, watchJobs } from './web/adapters';
import { ensurePlacements } from './bitrix/placements';
import { CONSOLE_WS_PATH } from './channels/console';

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

/** Paths pino removes from every log line: tokens and secrets never reach the logs. */
export const REDACTED_LOG_PATHS = [
  '*.access_token', '*.refresh_token', '*.application_token', '*.accessToken', '*.refreshToken', '*.applicationToken',
  '*.clientSecret', '*.client_secret', '*.auth', 'auth', '*.AUTH_ID', '*.REFRESH_ID', '*.password', 'config.ENCRYPTION_KEY', 'config.B24_CLIENT_SECRET',
];

/** 127.0.0.0/8, ::1 and localhost: addresses only this machine reaches. */
export const isLoopback = (host: string): boolean => /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i.test(host);

export function createLogger(level: Config['LOG_LEVEL'], destination?: NodeJS.WritableStream): Logger {
  return pino({ level, redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' } }, destination as pino.DestinationStream | undefined);
}

/** The sandbox app's credentials, made once and kept in DATA_DIR so stored tokens stay valid across restarts. */
function sandboxCredentials(dataDir: string): AppCredentials {
  const file = path.join(dataDir, 'sandbox-app.json');
  try {
    const c = JSON.parse(fs.readFileSync(file, 'utf8')) as AppCredentials;
    if (c.clientId && c.clientSecret) return c;
  } catch {
    /* first start */
  }
  const c = { clientId: `local.${crypto.randomBytes(6).toString('hex')}`, clientSecret: crypto.randomBytes(24).toString('base64url') };
  fs.writeFileSync(file, JSON.stringify(c), { mode: 0o600 });
  return c;
}

export interface RuntimeOptions {
  log?: Logger;
  version?: string;
  /** How long a stop waits for requests in flight before cutting their connections (default 8 s). */
  shutdownGraceMs?: number;
  /** Leads in the sandbox's synthetic CRM. Default 2,500 (enough closed leads to train a model). */
  sandboxLeads?: number;
  /**
   * Portal origins whose install may come over plain http, besides our own sandbox: a sandbox
   * portal in another process (tests, bench/webhook). Real portals are https only.
   */
  httpPortalOrigins?: readonly string[];
}

export async function startRuntime(config: Config, opts: RuntimeOptions = {}): Promise<Runtime> {
  const log = opts.log ?? createLogger(config.LOG_LEVEL);
  // The queue is built below; the gauge reads it at scrape time.
  const metrics = createMetrics({ depth: () => trainingQueue.depth() });
  fs.mkdirSync(config.DATA_DIR, { recursive: true });
  const store = await openConfiguredStore(config);
  const sandboxMode = isSandboxMode(config);

  let sandbox: Sandbox | undefined;
  let app: AppCredentials;
  if (sandboxMode) {
    app = sandboxCredentials(config.DATA_DIR);
    const webhookCode = config.SANDBOX_WEBHOOK_CODE ?? crypto.randomBytes(12).toString('hex');
    sandbox = createSandbox({
      dataDir: path.join(config.DATA_DIR, 'sandbox'),
      webhookCode,
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      leads: opts.sandboxLeads ?? 2500,
    });
  } else {
    app = { clientId: config.B24_CLIENT_ID!, clientSecret: config.B24_CLIENT_SECRET! };
  }

  let publicUrl = '';
  const clients: PortalClients = new PortalClients({ installs: store.installs, userTokens: store.userTokens, locks: store.locks, app, log, authUrl: (m, u) => appPageUrl(m, u), onCall: (method, outcome) => metrics.portalCalls.inc(own({ method, outcome })) });
  // Users' own pairs from app pages and events (issue 12); a new pair replaces a cached client's.
  const userTokens = createUserTokenKeeper({ installs: store.installs, userTokens: store.userTokens, onKept: (m, u) => clients.forgetUser(m, u) });
  // The portals we connect to (src/bitrix/install.ts): cloud zones, B24_ALLOWED_DOMAINS, our sandbox, benches' sandboxes.
  const portalPolicy = {
    allowedDomains: config.B24_ALLOWED_DOMAINS,
    httpOrigins: () => [...(sandbox ? [new URL(sandbox.info().rest).origin] : []), ...config.B24_HTTP_PORTALS, ...(opts.httpPortalOrigins ?? [])],
  };
  const installs = new InstallService({
    installs: store.installs,
    log,
    onChange: (m) => {
      clients.forget(m);
      // Uninstalled: every user's pair of that portal goes with it.
      void store.installs.get(m).then((i) => (i ? undefined : store.userTokens.removeAll(m))).catch((e) => log.warn({ err: e instanceof Error ? e.message : e }, 'user tokens not removed'));
    },
    // An install credential is single use across processes (the action log is shared).
    firstUse: async (key, memberId, now) => (await store.actions.claim(key, memberId, 'install.auth', now)).claimed,
    endpointPolicy: portalPolicy,
  });
  /**
   * The one-tap page that authorises a user: in sandbox mode our own voice page as that demo user;
   * on a real portal the app's page in the portal (`/marketplace/app/<ID>/`, the ID from `app.info`,
   * asked once per portal), which opens our voice page with the user's placement auth.
   */
  const appIds = new Map<string, Promise<string | undefined>>();
  async function appPageUrl(memberId: string, userId: number): Promise<string | undefined> {
    if (sandbox) return `${publicUrl}/app/voice?user=${userId}`;
    const install = await store.installs.get(memberId);
    if (!install) return undefined;
    let id = appIds.get(memberId);
    if (!id) {
      id = clients
        .get(memberId)
        .then((c) => c.call<{ ID?: unknown }>('app.info'))
        .then((r) => (r?.ID !== undefined && /^\d+$/.test(String(r.ID)) ? String(r.ID) : undefined))
        .catch(() => undefined);
      appIds.set(memberId, id);
    }
    const appId = await id;
    return appId ? `https://${install.domain}/marketplace/app/${appId}/` : `https://${install.domain}/marketplace/`;
  }
  const directories = new DirectoryCache();
  const scorer = createPortalScorer({ crm: portalCrmSource(clients), models: store.models, minClosed: config.SCORING_MIN_CLOSED, retrainDays: config.SCORING_RETRAIN_DAYS, pooled: async () => pooledMembers(config.SCORING_POOLED, await store.installs.list()), retrainStaleOnDemand: false, userNames: async (memberId) => new Map((await directories.users(await clients.get(memberId))).map((u) => [u.id, [u.name, u.lastName].filter(Boolean).join(' ')])) });
  // Job saves of this process reach the pages' progress bars at once (src/web/adapters.ts).
  // A running job saves at every progress step; the metric counts each state it reaches once.
  const jobs = watchJobs(store.jobs, (job) => {
    if (job.state !== 'running' || job.progress === 0) metrics.trainingJobs.inc(own({ state: job.state }));
  });
  const trainingQueue = config.REDIS_URL ? await createBullQueue(jobs, config.REDIS_URL) : createInProcessQueue(jobs, scorer.runner);
  // Models retrain when their nextTrainingAt passes (hourly check; one enqueue across processes via the store's locks).
  const retraining = startRetrainScheduler({ installs: store.installs, models: store.models, jobs, queue: trainingQueue, locks: store.locks, log: (msg, detail) => log.info({ detail }, msg) });
  const actions = observedActions(log, metrics, createPortalActions({
    clients,
    directories,
    store,
    scorer,
    defaultDeadlineHour: config.DEFAULT_DEADLINE_HOUR,
    defaultTimeZone: 'Europe/Moscow',
  }));

  // Expired linking codes, linking attempts and action/de-duplication records go every 10 minutes
  // (the adapters also sweep as they go), so strangers' guesses and old events leave no rows behind.
  const sweeper = setInterval(() => {
    const now = Date.now();
    Promise.all([store.linkCodes.sweep(now), store.actions.sweep(now)]).catch((e) => log.warn({ err: e instanceof Error ? e.message : e }, 'store sweep failed'));
  }, 10 * 60_000);
  sweeper.unref();

  const parser = await createParser();
  const hashCode = createCodeHasher(resolveEncryptionKey(config.DATA_DIR, config.ENCRYPTION_KEY));
  const issueCode = async (account: { memberId: string; userId: number }) => {
    // Only for an active user of that portal: a code for user 99999 would link a voice user to nobody.
    const users = (await directories.get(await clients.get(account.memberId), account.userId)).users;
    if (!users.some((u) => u.id === account.userId)) throw new Error(`no active user ${account.userId} in this portal`);
    return issueLinkCode({ linkCodes: store.linkCodes, hashCode }, account, Date.now(), config.LINK_CODE_TTL_SECONDS * 1000);
  };
  const dialog = observedDialog(log, metrics, createDialog({
    parser,
    sessions: store.sessions,
    actions,
    config: { defaultDeadlineHour: config.DEFAULT_DEADLINE_HOUR },
    link: { linkCodes: store.linkCodes, voiceLinks: store.voiceLinks, hashCode },
    // An open line bound to a lead the model scores high goes to an operator at once. Only an existing
    // model answers: a client's first message never waits for the CRM export of a first training.
    async isHotRecord(memberId, rec) {
      const install = await store.installs.get(memberId);
      if (!install || !(await store.models.latest(memberId, rec.entity))) return false;
      const a = await actions.scoreLead({ memberId, userId: install.installedBy ?? 1 }, rec.entity === 'deal' ? { id: rec.id, entity: 'deal' } : { id: rec.id });
      return a.kind === 'score' && a.level === 'high';
    },
  }));
  const bitrixBot = createBitrixBotHandler({
    dialog,
    async send(install, m, key) {
      const client = await clients.get(install.memberId);
      await botMessage({ client, actions: store.actions, locks: store.locks }, key, m);
    },
    async transferToOperator(install, chatId) {
      const client = await clients.get(install.memberId);
      await client.call('imopenlines.bot.session.operator', { CHAT_ID: chatId }, { write: true });
    },
    async timeZoneOf(install, userId) {
      const client = await clients.get(install.memberId);
      return (await directories.get(client, userId)).timeZone;
    },
    // A re-delivered event reaching another server process is dropped there too (the action log is shared).
    claimMessage: async (key, install) => (await store.actions.claim(`bot-event:${key}`, install.memberId, 'bot.event', Date.now())).claimed,
    // A bot deleted in the portal is forgotten, so the next set-up registers it again.
    async onBotDelete(install, botId) {
      const fresh = await store.installs.get(install.memberId);
      const ids = botIdsOf(fresh);
      if (!fresh || (ids.botId !== botId && ids.openlinesBotId !== botId)) return;
      const settings = { ...fresh.settings };
      if (ids.botId === botId) delete settings.botId;
      if (ids.openlinesBotId === botId) delete settings.openlinesBotId;
      if (!settings.botId && !settings.openlinesBotId) delete settings.botApi;
      await store.installs.save({ ...fresh, settings, updatedAt: Date.now() });
      log.info({ memberId: install.memberId, botId }, 'bot deleted in the portal; forgotten');
    },
    log: (msg, e) => log.warn({ err: e instanceof Error ? e.message : e }, msg),
  });

  const handlerUrl = () => `${publicUrl}/webhook/bitrix`;
  /** Register the bots and bind the card tabs in a portal (idempotent: kept, re-pointed or made). */
  const settingUp = new Map<string, ReturnType<typeof setUpPortalOnce>>();
  // One set-up per portal at a time: the install event's background run and the start-up check meet here.
  const setUpPortal = (install: { memberId: string }) => {
    let p = settingUp.get(install.memberId);
    if (!p) {
      p = setUpPortalOnce(install).finally(() => settingUp.delete(install.memberId));
      settingUp.set(install.memberId, p);
    }
    return p;
  };
  const setUpPortalOnce = async (install: { memberId: string }) => {
    const client = await clients.get(install.memberId);
    await learnInstaller(client, install.memberId);
    const bots = await ensureBots(client, store.installs, install.memberId, handlerUrl());
    log.info({ memberId: install.memberId, ...bots }, 'bots registered');
    const placements = await ensurePlacements(client, publicUrl, PLACEMENTS);
    log.info({ memberId: install.memberId, placements: placements.map((p) => `${p.placement}:${p.action}`) }, 'placements bound');
    return { bots, placements };
  };
  // ONAPPINSTALL carries no auth[user_id] (on-app-install.md): the installer is the user the
  // install's token belongs to, which `profile` names.
  const learnInstaller = async (client: { call<T>(m: string): Promise<T> }, memberId: string) => {
    const cur = await store.installs.get(memberId);
    if (!cur || cur.installedBy) return;
    const me = await client.call<{ ID?: string | number }>('profile');
    const id = Number(me?.ID);
    const fresh = await store.installs.get(memberId);
    if (fresh && !fresh.installedBy && Number.isSafeInteger(id) && id > 0) await store.installs.save({ ...fresh, installedBy: id, updatedAt: Date.now() });
  };
  const afterInstall = async (install: { memberId: string }): Promise<void> => {
    await setUpPortal(install);
  };

  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const version = opts.version ?? (require('../package.json') as { version: string }).version;
  const readiness: Record<string, () => Promise<void>> = {
    store: async () => void (await store.installs.get('readyz-probe')),
    queue: () => trainingQueue.ping(),
  };
  if (config.REDIS_URL) readiness.redis = async () => void (await store.sessions.get('readyz-probe', Date.now()));
  const expressApp = createApp({ version, metrics, readiness, log });
  if (sandbox) expressApp.use('/sandbox', sandbox.router);
  expressApp.use(
    bitrixAppRouter({
      installs,
      // ONAPPINSTALL is stored only for a Bitrix24 portal's endpoints (cloud zones, B24_ALLOWED_DOMAINS, our sandbox)
      // once app.info and user.admin there confirm an administrator's tokens of our app (src/bitrix/install.ts).
      verifyInstall: { clientId: app.clientId, ...portalPolicy },
      afterInstall,
      onOtherEvent: bitrixBot.accept,
      beforeOtherEvent: (form, install) => userTokens.fromEvent(form, install),
      log: (msg, e) => log.warn({ err: e instanceof Error ? e.message : e }, msg),
    }),
  );

  // A late voice result goes to the user's private chat with our bot.
  const notify = async (account: { memberId: string; userId: number }, text: string) => {
    const install = await store.installs.get(account.memberId);
    const { botId, botApi } = botIdsOf(install);
    if (!install || !botId) return;
    const client = await clients.get(account.memberId);
    await botMessage({ client, actions: store.actions, locks: store.locks }, `notify:${account.memberId}:${account.userId}:${crypto.createHash('sha256').update(text).digest('hex').slice(0, 16)}:${Date.now()}`, { botId, dialogId: account.userId, text, api: botApi });
  };
  expressApp.use(
    aliceRouter({
      dialog,
      voiceLinks: store.voiceLinks,
      notify,
      ...(config.ALICE_SKILL_ID ? { skillId: config.ALICE_SKILL_ID } : {}),
      log: (msg, e) => log.warn({ err: e instanceof Error ? e.message : e }, msg),
    }),
  );

  const googleKeys = config.GOOGLE_SIGNING_KEYS_FILE ? (JSON.parse(fs.readFileSync(config.GOOGLE_SIGNING_KEYS_FILE, 'utf8')) as Record<string, string>) : undefined;
  const googleDeps = {
    dialog,
    voiceLinks: store.voiceLinks,
    notify,
    ...(config.GOOGLE_PROJECT_ID && googleKeys ? { projectId: config.GOOGLE_PROJECT_ID, keys: googleKeys } : {}),
    // Dialogflow's request names no zone: the linked portal user's own (the directory's).
    timeZoneOf: async (account: { memberId: string; userId: number }) => (await actions.directory(account)).timeZone,
    log: (msg: string, e: unknown) => log.warn({ err: e instanceof Error ? e.message : e }, msg),
  };
  expressApp.use(dialogflowRouter(googleDeps));
  expressApp.use(googleRouter(googleDeps));

  // The console acts as any user it is told to, so it exists only beside the sandbox portal.
  let sandboxMember = '';
  // A console user stands for a demo user who opened the app in the sandbox portal: authorised the
  // same way (a placement pair the sandbox issues), once, so the console acts with their own rights.
  const consoleDialog: Dialog = {
    async handle(turn) {
      const a = turn.account;
      if (sandbox && a && !(await store.userTokens.get(a.memberId, a.userId)) && sandbox.state.user(a.userId)) {
        const t = sandbox.issueTokens(a.userId);
        await userTokens.fromPage({ memberId: a.memberId, accessToken: t.accessToken, refreshToken: t.refreshToken, expiresIn: t.expires - Math.floor(Date.now() / 1000) }, a.userId);
      }
      return dialog.handle(turn);
    },
  };
  const consoleDeps = {
    dialog: consoleDialog,
    get memberId() {
      return sandboxMember;
    },
    listUsers: async () => (await directories.get(await clients.get(sandboxMember), 1)).users,
  };
  if (sandbox) expressApp.use(consoleRouter(consoleDeps));

  const server = http.createServer(expressApp);
  const consoleWss = sandbox ? attachConsole(server, consoleDeps) : undefined;
  // Each socket endpoint takes only its own path; anything else is refused here rather than left hanging.
  const socketPaths = new Set([WS_PATH, ...(sandbox ? [CONSOLE_WS_PATH] : [])]);
  server.on('upgrade', (req: http.IncomingMessage, socket: import('node:stream').Duplex) => {
    if (!socketPaths.has(new URL(req.url ?? '/', 'http://local').pathname)) socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, listenHost(config), () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  if (sandbox) {
    const host = listenHost(config);
    if (isLoopback(host)) log.info({ host }, 'sandbox mode: listening on loopback only (the console and demo pages act as any user)');
    else log.warn({ host }, 'sandbox mode on a non-loopback address: anyone who reaches it can act as any sandbox user');
  }
  publicUrl = (config.PUBLIC_URL ?? `http://127.0.0.1:${port}`).replace(/\/+$/, '');

  let sandboxMemberId: string | undefined;
  if (sandbox) {
    sandbox.setPublicUrl(`${publicUrl}/sandbox`);
    sandboxMemberId = sandbox.info().memberId;
    sandboxMember = sandboxMemberId;
    const known = await store.installs.get(sandboxMemberId);
    const rest = sandbox.info().rest;
    if (known && known.clientEndpoint !== rest) {
      // The sandbox is ours and now listens elsewhere (another PORT or PUBLIC_URL): follow it.
      const oldBase = known.clientEndpoint.replace(/rest\/$/, '');
      const newBase = rest.replace(/rest\/$/, '');
      await store.installs.save({ ...known, domain: sandbox.info().domain, clientEndpoint: rest, serverEndpoint: known.serverEndpoint.replace(oldBase, newBase), updatedAt: Date.now() });
      clients.forget(sandboxMemberId);
    }
    if (!known) {
      const delivery = await sandbox.installApp(handlerUrl(), 1);
      if (delivery.status !== 200) throw new Error(`the sandbox portal could not install the app (handler answered ${delivery.status})`);
    }
    // The install handler registers the bots in the background; make sure they exist before serving.
    await afterInstall({ memberId: sandboxMemberId });
  } else {
    // Re-point the card tabs of every installed portal when PUBLIC_URL changed since the last start —
    // only of portals whose endpoints pass today's policy (a record stored before it is not connected to).
    for (const install of await store.installs.list()) {
      const problems = portalEndpointProblems(install, portalPolicy);
      if (problems.length) {
        log.warn({ memberId: install.memberId, domain: install.domain, problems }, 'installed portal is not a Bitrix24 portal we may connect to; skipped (reinstall it or list it in B24_ALLOWED_DOMAINS)');
        continue;
      }
      afterInstall(install).catch((e) => log.warn({ memberId: install.memberId, err: e instanceof Error ? e.message : e }, 'placements could not be checked'));
    }
  }

  // The portal pages (src/web, docs/web.md): voice linking, the scoring dashboard, the card tabs.
  const web = createWebPages({
    store,
    now: Date.now,
    sessionSecret: crypto.createHmac('sha256', resolveEncryptionKey(config.DATA_DIR, config.ENCRYPTION_KEY)).update('web pages').digest('hex'),
    verifyPortalAuth: profileVerifier(store.installs),
    keepUserTokens: (auth, userId) => userTokens.fromPage({ memberId: auth.memberId, accessToken: auth.authId, refreshToken: auth.refreshId, expiresIn: auth.authExpires }, userId),
    issueLinkCode: async (account, now) => ({ code: await issueCode(account), expiresAt: now + config.LINK_CODE_TTL_SECONDS * 1000 }),
    scoreRecord: (account, entity, id, lang) => actions.scoreLead(account, entity === 'deal' ? { id, entity: 'deal' } : { id }, lang),
    // The scorer's counts, cached for an hour after a refusal, so the page does not export the CRM on every visit.
    dataCounts: (memberId, entity) => scorer.dataCounts(memberId, entity),
    trainer: queueTrainer({ queue: trainingQueue, jobs, models: store.models }),
    async install(auth) {
      const done = await setUpPortal({ memberId: auth.memberId });
      return { placements: done.placements.map((p) => p.placement), bots: [DEFAULT_BOTS.messenger.code, ...(done.bots.openlinesBotId ? [DEFAULT_BOTS.openlines.code] : [])] };
    },
    ...(sandbox && sandboxMemberId ? { sandbox: await demoDirectory(sandboxMemberId) } : {}),
    publicUrl: () => publicUrl,
    log: (msg, e) => log.warn({ err: e instanceof Error ? e.message : e }, msg),
  });
  expressApp.use(web.router);
  expressApp.use(finalErrorHandler((detail, msg) => log.warn(detail, msg)));
  const detachWeb = web.attach(server);

  /** The sandbox's demo users and a few open records, so a newcomer can click through every page. */
  async function demoDirectory(memberId: string): Promise<NonNullable<WebDeps['sandbox']>> {
    const client = await clients.get(memberId);
    const users = (await directories.get(client, 1)).users.slice(0, 6).map((u) => ({ id: u.id, name: [u.name, u.lastName].filter(Boolean).join(' ') }));
    const records: { entity: Entity; id: number }[] = [];
    const firstOpen = async (entity: Entity, field: string) => {
      try {
        const rows = (await listPage(client, entity, { filter: { [field]: 'P' }, select: ['ID'], order: { ID: 'ASC' } })).result;
        for (const r of rows.slice(0, 2)) records.push({ entity, id: Number(r.ID) });
      } catch (e) {
        log.warn({ err: e instanceof Error ? e.message : e }, `demo records: ${entity} list failed`);
      }
    };
    await firstOpen('lead', 'STATUS_SEMANTIC_ID');
    await firstOpen('deal', 'STAGE_SEMANTIC_ID');
    const placementAuth = (userId: number) => {
      // What the portal POSTs to an app page, for this demo user (AUTH_ID, REFRESH_ID, AUTH_EXPIRES, member_id, DOMAIN).
      const t = sandbox!.issueTokens(userId);
      return { memberId, domain: sandbox!.info().domain, authId: t.accessToken, refreshId: t.refreshToken, authExpires: Math.max(1, t.expires - Math.floor(Date.now() / 1000)) };
    };
    return { memberId, users, records, placementAuth };
  }

  return {
    url: publicUrl,
    store,
    sandbox,
    clients,
    actions,
    dialog,
    trainingQueue,
    issueLinkCode: issueCode,
    web,
    log,
    sandboxMemberId,
    async close() {
      detachWeb();
      for (const c of consoleWss?.clients ?? []) c.terminate();
      consoleWss?.close();
      // Requests in flight finish; past the deadline their connections are cut so a stop never hangs.
      const cut = setTimeout(() => server.closeAllConnections(), opts.shutdownGraceMs ?? 8000);
      await new Promise<void>((r) => server.close(() => r()));
      clearTimeout(cut);
      retraining.stop();
      clearInterval(sweeper);
      await trainingQueue.close();
      if (sandbox) await sandbox.close();
      await store.close();
    },
  };
}

/** Each turn counted by channel and intent, and one log line without what was said. */
function observedDialog(log: Logger, metrics: Metrics, dialog: Dialog): Dialog {
  return {
    async handle(turn) {
      const t0 = Date.now();
      try {
        const reply = await dialog.handle(turn);
        const intent = reply.parse?.intent ?? 'none';
        metrics.turns.inc(own({ channel: turn.channel, intent }));
        log.info({ channel: turn.channel, portal: turn.account?.memberId, intent, ms: Date.now() - t0, outcome: 'answered' }, 'turn');
        return reply;
      } catch (e) {
        metrics.turns.inc(own({ channel: turn.channel, intent: 'error' }));
        log.info({ channel: turn.channel, portal: turn.account?.memberId, ms: Date.now() - t0, outcome: 'error' }, 'turn');
        throw e;
      }
    },
  };
}

/** Each portal action counted by name and outcome; the writes and scores logged (portal, duration, outcome). */
function observedActions(log: Logger, metrics: Metrics, actions: PortalActions): PortalActions {
  return countCalls(actions, (action, outcome, ms, args) => {
    metrics.actions.inc(own({ action, outcome }));
    if (action === 'directory') return;
    const account = args[0] as { memberId?: unknown } | undefined;
    log.info({ action, portal: typeof account?.memberId === 'string' ? account.memberId : undefined, ms, outcome }, 'portal action');
  });
}

