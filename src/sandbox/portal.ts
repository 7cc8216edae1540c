/**
 * The sandbox portal's state: its users, the synthetic CRM, what the API created, the installed
 * app and its OAuth tokens. HTTP and method handlers read and change it only through here.
 */
import crypto from 'node:crypto';
import seedUsers from './seed-users.json';
import { generateCrm, leadTable, dealTable, contactTable, activityTable, type Crm } from './crm';
import { Collection, type DocStore } from './persist';
import type { Table } from './query';
import { createRng, hex } from './random';
import { Errors, type PortalLanguage } from './errors';
import type { SiteDateFormat } from './dates';

export interface SeedUser {
  id: number; name: string; lastName: string; secondName: string; gender: string; timeZone: string;
  workPosition: string; department: number; admin: boolean; active: boolean;
}
export const SEED_USERS: SeedUser[] = seedUsers.users;
export const PORTAL_TIME_ZONE = seedUsers.portalTimeZone;

/** All scopes the sandbox knows; an app or webhook gets these unless configured otherwise. */
export const ALL_SCOPES = ['crm', 'user', 'user_basic', 'user_brief', 'task', 'calendar', 'im', 'imbot',
  'imopenlines', 'placement', 'department', 'entity', 'log'];

export interface AccessToken { token: string; userId: number; expires: number; scope: string[] }
export interface RefreshToken { token: string; userId: number; issued: number }
export interface TaskRow { ID: number; [k: string]: unknown }
export interface CalendarRow { ID: number; [k: string]: unknown }
export interface MessageRow { ID: number; kind: 'im' | 'imbot' | 'openline' | 'command.answer'; fromUserId: number; botId?: number;
  dialogId: string; message: string; params: Record<string, unknown>; at: number }
export interface BotRow { ID: number; CODE: string; TYPE: string; OPENLINE: string; clientId: string; handlers: Record<string, string>;
  properties: Record<string, unknown>;
  /** Registered through Chatbots 2.0 (imbot.v2.Bot.register): gets only the V2 events (chat-bots-v2/migration.md). */
  api?: 1 | 2; botToken?: string; eventMode?: string }
export interface CommandRow { ID: number; BOT_ID: number; COMMAND: string; handler: string; COMMON: string; HIDDEN: string;
  LANG: unknown; clientId: string }
export interface BindingRow { ID: number; event: string; handler: string; authType: number; eventType: string; clientId: string }
export interface PlacementRow { ID: number; placement: string; handler: string; title: string; description: string; clientId: string }
export interface AppRow { clientId: string; clientSecret: string; memberId: string; applicationToken: string; domain: string;
  installed: boolean; handlerUrl?: string; version: string }

export interface PortalOptions {
  seed: number;
  leads: number;
  crmEndMs: number;
  clientId: string;
  clientSecret: string;
  webhookCode: string;
  webhookUserId: number;
  accessTokenTtlSeconds: number;
  scope: string[];
  webhookScope: string[];
  language: PortalLanguage;
  dateFormat: SiteDateFormat;
}

export class Portal {
  readonly crm: Crm;
  readonly tables: { lead: Table; deal: Table; contact: Table; activity: Table };
  readonly users = SEED_USERS;
  readonly tasks: Collection<TaskRow>;
  readonly calendar: Collection<CalendarRow>;
  readonly messages: Collection<MessageRow>;
  readonly bots: Collection<BotRow>;
  readonly commands: Collection<CommandRow>;
  readonly bindings: Collection<BindingRow>;
  readonly placements: Collection<PlacementRow>;
  readonly accessTokens: Collection<AccessToken>;
  readonly refreshTokens: Collection<RefreshToken>;
  private readonly meta: Collection<{ value: unknown }>;
  readonly app: AppRow;

  constructor(readonly opts: PortalOptions, private readonly store: DocStore, private readonly now: () => number) {
    this.crm = generateCrm({
      seed: opts.seed, leads: opts.leads, endMs: opts.crmEndMs,
      managerIds: SEED_USERS.filter((u) => u.id >= 2 && u.id <= 25).map((u) => u.id),
    });
    this.tables = {
      lead: leadTable(this.crm), deal: dealTable(this.crm), contact: contactTable(this.crm), activity: activityTable(this.crm),
    };
    this.tasks = new Collection(store, 'tasks');
    this.calendar = new Collection(store, 'calendar');
    this.messages = new Collection(store, 'messages');
    this.bots = new Collection(store, 'bots');
    this.commands = new Collection(store, 'commands');
    this.bindings = new Collection(store, 'bindings');
    this.placements = new Collection(store, 'placements');
    this.accessTokens = new Collection(store, 'access_tokens');
    this.refreshTokens = new Collection(store, 'refresh_tokens');
    this.meta = new Collection(store, 'meta');
    // member_id is stable per seed and app (like a real portal's id); application_token is a secret.
    const stable = createRng(opts.seed ^ 0x3e3e);
    const saved = this.meta.get('app')?.value as AppRow | undefined;
    this.app = saved && saved.clientId === opts.clientId
      ? { ...saved, clientSecret: opts.clientSecret }
      : {
          clientId: opts.clientId, clientSecret: opts.clientSecret, memberId: hex(stable, 16),
          applicationToken: crypto.randomBytes(16).toString('hex'), domain: '127.0.0.1', installed: false, version: '1',
        };
    this.saveApp();
  }

  saveApp(): void {
    this.meta.set('app', { value: this.app });
  }

  /** Next id for a collection, persisted so ids never repeat across restarts. */
  nextId(name: string, start = 1): number {
    const cur = Number(this.meta.get(`seq:${name}`)?.value ?? start - 1);
    const next = cur + 1;
    this.meta.set(`seq:${name}`, { value: next });
    return next;
  }

  user(id: number): SeedUser | undefined {
    return this.users.find((u) => u.id === id);
  }

  // ---- OAuth --------------------------------------------------------------------------------

  issueTokens(userId: number): { access: AccessToken; refresh: RefreshToken } {
    const t = this.now();
    const access: AccessToken = {
      token: crypto.randomBytes(24).toString('hex'), userId,
      expires: Math.floor(t / 1000) + this.opts.accessTokenTtlSeconds, scope: this.opts.scope,
    };
    const refresh: RefreshToken = { token: crypto.randomBytes(24).toString('hex'), userId, issued: Math.floor(t / 1000) };
    this.accessTokens.set(access.token, access);
    this.refreshTokens.set(refresh.token, refresh);
    return { access, refresh };
  }

  /** The token's user, or the documented 401 for an unknown or expired token. */
  authenticate(token: string): AccessToken {
    const a = this.accessTokens.get(token);
    if (!a) throw Errors.invalidToken();
    if (a.expires * 1000 <= this.now()) throw Errors.expired();
    return a;
  }

  /** Single use: the old refresh token dies, and with it the access token issued alongside. */
  useRefreshToken(token: string): RefreshToken | undefined {
    const r = this.refreshTokens.get(token);
    if (!r) return undefined;
    this.refreshTokens.delete(token);
    return r;
  }

  expireAccessTokens(): void {
    for (const a of this.accessTokens.values()) this.accessTokens.set(a.token, { ...a, expires: 0 });
  }

  close(): void {
    this.store.close();
  }
}
