/**
 * Stage one of the server (`src/runtime.ts` runs the three): every service built from the validated
 * configuration — the store, the portal clients, the sandbox portal in sandbox mode, the scorer and
 * its training queue, the dialogue, and what each channel and page needs. Nothing listens and no
 * timer runs here, so a test can `createApp(await buildServices(config))` and drive the whole app
 * through supertest; `close()` releases what was opened.
 *
 * Policy lives beside its subject, not here: portal set-up and the app page (src/bitrix/portal-setup.ts),
 * a deleted bot (src/bitrix/bots.ts), the hot-lead check (src/scoring/hot-record.ts), late replies
 * (src/channels/late-reply.ts), the console's demo users (src/channels/console.ts), the demo pages
 * (src/web/adapters.ts), the sandbox's moved address (src/sandbox/moved-install.ts).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from './config';
import { isSandboxMode } from './config';
import { createLogger } from './log';
import { createMetrics, own, type Metrics } from './metrics';
import { observedActions, observedDialog } from './observed';
import { createCodeHasher, openConfiguredStore, resolveEncryptionKey } from './store';
import type { Store } from './store/types';
import { createSandbox, type Sandbox } from './sandbox';
import { InstallService, type PortalHostPolicy } from './bitrix/install';
import { PortalClients, type AppCredentials } from './bitrix/client';
import { DirectoryCache } from './bitrix/directory';
import { DEFAULT_BOTS, forgetDeletedBot } from './bitrix/bots';
import { appPageUrl, portalSetUp, type PortalSetUp } from './bitrix/portal-setup';
import { createPortalActions } from './bitrix/portal-actions';
import { createUserTokenKeeper, type UserTokenKeeper } from './bitrix/user-tokens';
import { botMessage } from './bitrix/actions';
import { openRecordIds } from './bitrix/crm';
import { portalCrmSource } from './bitrix/crm-source';
import type { BitrixAppDeps } from './channels/bitrix-app';
import { createBitrixBotHandler, type BitrixBotHandler } from './channels/bitrix-bot';
import { demoUserDialog, type ConsoleDeps } from './channels/console';
import type { AliceDeps } from './channels/alice';
import type { GoogleDeps } from './channels/google';
import type { Notify } from './channels/common';
import { botLateReply } from './channels/late-reply';
import type { Dialog, PortalActions } from './dialog/types';
import { createDialog, issueLinkCode } from './dialog';
import { createParser } from './nlu';
import { createPortalScorer, type PortalScorer } from './scoring/portal-scorer';
import { hotRecordCheck } from './scoring/hot-record';
import { pooledMembers } from './scoring/pooled';
import { createBullQueue, createInProcessQueue, type JobQueue } from './scoring/queue';
import { createWebPages, PLACEMENTS, type WebPages } from './web';
import type { WebDeps } from './web/deps';
import { profileVerifier, queueTrainer, sandboxDemo, watchJobs, type WatchedJobStore } from './web/adapters';
import type { AppDeps, ReadinessCheck } from './server';

export { createLogger, REDACTED_LOG_PATHS } from './log';

export interface ServiceOptions {
  log?: Logger;
  version?: string;
  /** Leads in the sandbox's synthetic CRM. Default 2,500 (enough closed leads to train a model). */
  sandboxLeads?: number;
  /**
   * Portal origins whose install may come over plain http, besides our own sandbox: a sandbox
   * portal in another process (tests, bench/webhook). Real portals are https only.
   */
  httpPortalOrigins?: readonly string[];
}

/** Everything the app serves and the runtime starts; `createApp(services)` takes it as its deps. */
export interface Services extends AppDeps {
  config: Config;
  log: Logger;
  metrics: Metrics;
  readiness: Record<string, ReadinessCheck>;
  store: Store;
  /** Sandbox mode: the built-in portal (mounted at /sandbox); absent with a configured app. */
  sandbox?: Sandbox;
  /** Our app's OAuth credentials (the sandbox's own in sandbox mode). */
  app: AppCredentials;
  /** The portals we connect to (src/bitrix/install.ts): cloud zones, B24_ALLOWED_DOMAINS, our sandbox, benches' sandboxes. */
  portalPolicy: PortalHostPolicy;
  clients: PortalClients;
  userTokens: UserTokenKeeper;
  installs: InstallService;
  directories: DirectoryCache;
  scorer: PortalScorer;
  jobs: WatchedJobStore;
  /** Training jobs: in-process, or BullMQ on Redis when REDIS_URL is set (then `worker` processes run them). */
  trainingQueue: JobQueue;
  actions: PortalActions;
  dialog: Dialog;
  bitrixBot: BitrixBotHandler;
  /** Where a late voice result goes: the user's chat with our bot. */
  notify: Notify;
  /** Registers the bots and binds the card tabs in a portal (src/bitrix/portal-setup.ts). */
  setUpPortal: PortalSetUp;
  /** A fresh one-time voice linking code for an active user of that portal. */
  issueLinkCode(account: { memberId: string; userId: number }): Promise<string>;
  web: WebPages;
  /** The server's public base URL, no trailing slash: PUBLIC_URL, or '' until the runtime listens. */
  publicUrl(): string;
  setPublicUrl(url: string): void;
  /** Sandbox mode: the demo users and records the pages offer, once the sandbox has the app installed. */
  showDemo(memberId: string): Promise<void>;
  close(): Promise<void>;
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

export async function buildServices(config: Config, opts: ServiceOptions = {}): Promise<Services> {
  const log = opts.log ?? createLogger(config.LOG_LEVEL);
  const warn = (msg: string, e: unknown) => log.warn({ err: e instanceof Error ? e.message : e }, msg);
  // The queue is built below; the gauge reads it at scrape time.
  const metrics = createMetrics({ depth: () => trainingQueue.depth() });
  fs.mkdirSync(config.DATA_DIR, { recursive: true });
  const store = await openConfiguredStore(config);
  let publicUrl = (config.PUBLIC_URL ?? '').replace(/\/+$/, '');

  let sandbox: Sandbox | undefined;
  let app: AppCredentials;
  if (isSandboxMode(config)) {
    app = sandboxCredentials(config.DATA_DIR);
    sandbox = createSandbox({
      dataDir: path.join(config.DATA_DIR, 'sandbox'),
      webhookCode: config.SANDBOX_WEBHOOK_CODE ?? crypto.randomBytes(12).toString('hex'),
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      leads: opts.sandboxLeads ?? 2500,
    });
  } else {
    app = { clientId: config.B24_CLIENT_ID!, clientSecret: config.B24_CLIENT_SECRET! };
  }

  // The one-tap page that authorises a user: in sandbox mode our own voice page as that demo user,
  // on a real portal the app's page there (src/bitrix/portal-setup.ts).
  let portalAppPage: (memberId: string) => Promise<string | undefined> = async () => undefined;
  const clients: PortalClients = new PortalClients({
    installs: store.installs,
    userTokens: store.userTokens,
    locks: store.locks,
    app,
    log,
    authUrl: async (m, u) => (sandbox ? `${publicUrl}/app/voice?user=${u}` : portalAppPage(m)),
    onCall: (method, outcome) => metrics.portalCalls.inc(own({ method, outcome })),
  });
  portalAppPage = appPageUrl({ installs: store.installs, client: (m) => clients.get(m) });
  // Users' own pairs from app pages and events (issue 12); a new pair replaces a cached client's.
  const userTokens = createUserTokenKeeper({ installs: store.installs, userTokens: store.userTokens, onKept: (m, u) => clients.forgetUser(m, u) });
  const portalPolicy: PortalHostPolicy = {
    allowedDomains: config.B24_ALLOWED_DOMAINS,
    httpOrigins: () => [...(sandbox ? [new URL(sandbox.info().rest).origin] : []), ...config.B24_HTTP_PORTALS, ...(opts.httpPortalOrigins ?? [])],
  };
  const installs = new InstallService({
    installs: store.installs,
    log,
    onChange: (m) => {
      clients.forget(m);
      // Uninstalled: every user's pair of that portal goes with it.
      void store.installs.get(m).then((i) => (i ? undefined : store.userTokens.removeAll(m))).catch((e) => warn('user tokens not removed', e));
    },
    // An install credential is single use across processes (the action log is shared).
    firstUse: async (key, memberId, now) => (await store.actions.claim(key, memberId, 'install.auth', now)).claimed,
    endpointPolicy: portalPolicy,
  });
  const directories = new DirectoryCache();
  // The portal's users by id, so reasons and history points name a responsible person, not "№14".
  const userNames = async (memberId: string) => new Map((await directories.users(await clients.get(memberId))).map((u) => [u.id, [u.name, u.lastName].filter(Boolean).join(' ')]));
  const scorer = createPortalScorer({
    crm: portalCrmSource(clients),
    models: store.models,
    minClosed: config.SCORING_MIN_CLOSED,
    retrainDays: config.SCORING_RETRAIN_DAYS,
    pooled: async () => pooledMembers(config.SCORING_POOLED, await store.installs.list()),
    retrainStaleOnDemand: false,
    userNames,
  });
  // Job saves of this process reach the pages' progress bars at once (src/web/adapters.ts).
  // A running job saves at every progress step; the metric counts each state it reaches once.
  const jobs = watchJobs(store.jobs, (job) => {
    if (job.state !== 'running' || job.progress === 0) metrics.trainingJobs.inc(own({ state: job.state }));
  });
  const trainingQueue = config.REDIS_URL ? await createBullQueue(jobs, config.REDIS_URL) : createInProcessQueue(jobs, scorer.runner);
  const actions = observedActions(log, metrics, createPortalActions({ clients, directories, store, scorer, defaultDeadlineHour: config.DEFAULT_DEADLINE_HOUR, defaultTimeZone: 'Europe/Moscow' }));

  const parser = await createParser();
  const encryptionKey = resolveEncryptionKey(config.DATA_DIR, config.ENCRYPTION_KEY);
  const hashCode = createCodeHasher(encryptionKey);
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
    isHotRecord: hotRecordCheck({ installs: store.installs, models: store.models, scoreLead: (a, ref, lang) => actions.scoreLead(a, ref, lang) }),
  }));
  const bitrixBot = createBitrixBotHandler({
    dialog,
    async send(install, m, key) {
      await botMessage({ client: await clients.get(install.memberId), actions: store.actions, locks: store.locks }, key, m);
    },
    async transferToOperator(install, chatId) {
      await (await clients.get(install.memberId)).call('imopenlines.bot.session.operator', { CHAT_ID: chatId }, { write: true });
    },
    async timeZoneOf(install, userId) {
      return (await directories.get(await clients.get(install.memberId), userId)).timeZone;
    },
    // A re-delivered event reaching another server process is dropped there too (the action log is shared).
    claimMessage: async (key, install) => (await store.actions.claim(`bot-event:${key}`, install.memberId, 'bot.event', Date.now())).claimed,
    async onBotDelete(install, botId) {
      if (await forgetDeletedBot(store.installs, install.memberId, botId, Date.now())) log.info({ memberId: install.memberId, botId }, 'bot deleted in the portal; forgotten');
    },
    log: warn,
  });

  const setUpPortal = portalSetUp({
    installs: store.installs,
    client: (m) => clients.get(m),
    handlerUrl: () => `${publicUrl}/webhook/bitrix`,
    publicUrl: () => publicUrl,
    placements: PLACEMENTS,
    log: (detail, msg) => log.info(detail, msg),
  });
  const notify = botLateReply({ installs: store.installs, client: (m) => clients.get(m), actions: store.actions, locks: store.locks });

  const bitrix: BitrixAppDeps = {
    installs,
    // ONAPPINSTALL is stored only for a Bitrix24 portal's endpoints (cloud zones, B24_ALLOWED_DOMAINS, our sandbox)
    // once app.info and user.admin there confirm an administrator's tokens of our app (src/bitrix/install.ts).
    verifyInstall: { clientId: app.clientId, ...portalPolicy },
    afterInstall: async (install) => void (await setUpPortal(install)),
    onOtherEvent: bitrixBot.accept,
    beforeOtherEvent: (form, install) => userTokens.fromEvent(form, install),
    log: warn,
  };
  const alice: AliceDeps = { dialog, voiceLinks: store.voiceLinks, notify, ...(config.ALICE_SKILL_ID ? { skillId: config.ALICE_SKILL_ID } : {}), log: warn };
  const googleKeys = config.GOOGLE_SIGNING_KEYS_FILE ? (JSON.parse(fs.readFileSync(config.GOOGLE_SIGNING_KEYS_FILE, 'utf8')) as Record<string, string>) : undefined;
  const google: GoogleDeps = {
    dialog,
    voiceLinks: store.voiceLinks,
    notify,
    ...(config.GOOGLE_PROJECT_ID && googleKeys ? { projectId: config.GOOGLE_PROJECT_ID, keys: googleKeys } : {}),
    // Dialogflow's request names no zone: the linked portal user's own (the directory's).
    timeZoneOf: async (account) => (await actions.directory(account)).timeZone,
    log: warn,
  };

  // The console acts as any user it is told to, so it exists only beside the sandbox portal, as its
  // demo users (src/channels/console.ts).
  const sb = sandbox;
  const consoleDeps: ConsoleDeps | undefined = sb && {
    dialog: demoUserDialog({
      dialog,
      portal: sb,
      hasTokens: async (m, u) => Boolean(await store.userTokens.get(m, u)),
      keepTokens: (m, u, pair) => userTokens.fromPage({ memberId: m, ...pair }, u),
    }),
    get memberId() {
      return sb.info().memberId;
    },
    listUsers: async () => (await directories.get(await clients.get(sb.info().memberId), 1)).users,
  };

  // The portal pages (src/web, docs/web.md): voice linking, the scoring dashboard, the card tabs.
  let demo: WebDeps['sandbox'];
  const web = createWebPages({
    store,
    now: Date.now,
    sessionSecret: crypto.createHmac('sha256', encryptionKey).update('web pages').digest('hex'),
    verifyPortalAuth: profileVerifier(store.installs),
    keepUserTokens: (auth, userId) => userTokens.fromPage({ memberId: auth.memberId, accessToken: auth.authId, refreshToken: auth.refreshId, expiresIn: auth.authExpires }, userId),
    issueLinkCode: async (account, now) => ({ code: await issueCode(account), expiresAt: now + config.LINK_CODE_TTL_SECONDS * 1000 }),
    scoreRecord: (account, entity, id, lang) => actions.scoreLead(account, entity === 'deal' ? { id, entity: 'deal' } : { id }, lang),
    // The scorer's counts, cached for an hour after a refusal, so the page does not export the CRM on every visit.
    dataCounts: (memberId, entity) => scorer.dataCounts(memberId, entity),
    userNames,
    trainer: queueTrainer({ queue: trainingQueue, jobs, models: store.models }),
    async install(auth) {
      const done = await setUpPortal({ memberId: auth.memberId });
      return { placements: done.placements.map((p) => p.placement), bots: [DEFAULT_BOTS.messenger.code, ...(done.bots.openlinesBotId ? [DEFAULT_BOTS.openlines.code] : [])] };
    },
    // Read at each request: the demo appears once the sandbox has the app installed (`showDemo`).
    get sandbox() {
      return demo;
    },
    publicUrl: () => publicUrl,
    log: warn,
  });

  const readiness: Record<string, ReadinessCheck> = {
    store: async () => void (await store.installs.get('readyz-probe')),
    queue: () => trainingQueue.ping(),
  };
  if (config.REDIS_URL) readiness.redis = async () => void (await store.sessions.get('readyz-probe', Date.now()));

  return {
    config,
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    version: opts.version ?? (require('../package.json') as { version: string }).version,
    log,
    metrics,
    readiness,
    channels: { ...(sandbox ? { sandbox: sandbox.router, console: consoleDeps } : {}), bitrix, alice, google, web: web.router },
    store,
    sandbox,
    app,
    portalPolicy,
    clients,
    userTokens,
    installs,
    directories,
    scorer,
    jobs,
    trainingQueue,
    actions,
    dialog,
    bitrixBot,
    notify,
    setUpPortal,
    issueLinkCode: issueCode,
    web,
    publicUrl: () => publicUrl,
    setPublicUrl(url) {
      publicUrl = url.replace(/\/+$/, '');
    },
    async showDemo(memberId) {
      if (!sb) return;
      const client = await clients.get(memberId);
      demo = await sandboxDemo({
        memberId,
        users: async () => (await directories.get(client, 1)).users,
        openRecords: (entity, limit) => openRecordIds(client, entity, limit),
        portal: { domain: () => sb.info().domain, issueTokens: (u) => sb.issueTokens(u) },
        now: Date.now,
        log: warn,
      });
    },
    async close() {
      await trainingQueue.close();
      if (sandbox) await sandbox.close();
      await store.close();
    },
  };
}
