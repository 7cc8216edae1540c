/**
 * The web console: a chat page at `/` and `/console` talking over a WebSocket (`/console/ws`) as a
 * chosen user of the sandbox portal, with the parse (intent, slots) shown beside each reply.
 * Mounted only in sandbox mode: it acts as any user it is told to, so it never faces a real portal.
 *
 * Wire format (JSON text frames):
 *   client → {"type":"say","text":"…","userId":2,"lang":"ru"|"en","payload"?:…}
 *   server → {"type":"reply","reply":{"text","buttons"?},"parse":{"intent","slots"}} | {"type":"error","message"}
 */
import fs from 'node:fs';
import path from 'node:path';
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { Router } from 'express';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Dialog } from '../dialog/types';
import type { DirectoryUser } from '../nlu/types';
import { parseJsonSafe } from '../util/records';
import type { Lang } from '../web/deps';
import { esc, jsonScript } from '../web/html';
import { loadTexts, pickLang, type Texts } from '../web/texts';

export interface ConsoleDeps {
  dialog: Dialog;
  memberId: string;
  listUsers(): Promise<DirectoryUser[]>;
  timeZone?: string;
  now?: () => Date;
}

/** What the console needs of the sandbox portal it stands beside. */
export interface DemoPortal {
  state: { user(id: number): unknown };
  issueTokens(userId: number): { accessToken: string; refreshToken: string; expires: number };
}

export interface DemoUserDialogDeps {
  dialog: Dialog;
  portal: DemoPortal;
  /** Whether the portal user already has their own token pair here. */
  hasTokens(memberId: string, userId: number): Promise<boolean>;
  /** Keep a pair as a page's would be kept (src/bitrix/user-tokens.ts `fromPage`). */
  keepTokens(memberId: string, userId: number, pair: { accessToken: string; refreshToken: string; expiresIn: number }): Promise<unknown>;
  /** Wall clock, epoch ms. */
  now?: () => number;
}

/**
 * A console user stands for a demo user who opened the app in the sandbox portal: authorised the
 * same way (a placement pair the sandbox issues), once, so the console acts with their own rights.
 */
export function demoUserDialog(d: DemoUserDialogDeps): Dialog {
  const now = d.now ?? Date.now;
  return {
    async handle(turn) {
      const a = turn.account;
      if (a && d.portal.state.user(a.userId) && !(await d.hasTokens(a.memberId, a.userId))) {
        const t = d.portal.issueTokens(a.userId);
        await d.keepTokens(a.memberId, a.userId, { accessToken: t.accessToken, refreshToken: t.refreshToken, expiresIn: t.expires - Math.floor(now() / 1000) });
      }
      return d.dialog.handle(turn);
    },
  };
}

const MAX_FRAME = 16 * 1024;

/** Words the console's script sets as it runs (texts.yaml, `console`). */
const CLIENT_KEYS = ['connected', 'reconnecting', 'error'] as const;

/**
 * The console page in one language (`?lang=`, Russian by default): its labels from src/web/texts.yaml
 * (`console.*`), the language select showing it, and the words the script needs as JSON.
 */
export function consolePage(template: string, lang: Lang, texts: Texts = loadTexts()): string {
  const t = texts.in(lang);
  const config = Object.fromEntries(CLIENT_KEYS.map((k) => [k, t(`console.${k}`)]));
  return template.replace(/\{\{([\w.]+)\}\}/g, (m, key: string) => {
    if (key === 'lang') return lang;
    if (key === 'selected_ru') return lang === 'ru' ? ' selected' : '';
    if (key === 'selected_en') return lang === 'en' ? ' selected' : '';
    if (key === 'config') return jsonScript('console-config', config);
    if (key.startsWith('console.')) return esc(t(key));
    return m;
  });
}

export function consoleRouter(deps: ConsoleDeps): Router {
  const template = fs.readFileSync(path.join(__dirname, 'console-page.html'), 'utf8');
  const texts = loadTexts();
  const pages = { ru: consolePage(template, 'ru', texts), en: consolePage(template, 'en', texts) };
  const router = Router();
  router.get(['/', '/console'], (req, res) => void res.type('html').send(pages[pickLang((req.query as Record<string, unknown>).lang, undefined)]));
  router.get('/console/users', async (_req, res) => {
    try {
      const users = await deps.listUsers();
      res.json({ users: users.map((u) => ({ id: u.id, name: u.name, lastName: u.lastName })) });
    } catch (e) {
      res.status(502).json({ error: 'portal_unavailable', message: (e as Error).message });
    }
  });
  return router;
}

export const CONSOLE_WS_PATH = '/console/ws';

/**
 * Serve the console's socket on `server`. Only upgrades on CONSOLE_WS_PATH are touched (ws's own
 * `server` + `path` mode answers every other path with 400, which would break the pages' socket).
 */
export function attachConsole(server: http.Server, deps: ConsoleDeps): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME });
  const onUpgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    if (new URL(req.url ?? '/', 'http://local').pathname !== CONSOLE_WS_PATH) return;
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  };
  server.on('upgrade', onUpgrade);
  wss.on('close', () => server.off('upgrade', onUpgrade));
  let connections = 0;
  wss.on('connection', (ws: WebSocket) => {
    const id = ++connections;
    ws.on('message', async (raw) => {
      let msg: { type?: unknown; text?: unknown; userId?: unknown; lang?: unknown; payload?: unknown };
      try {
        msg = parseJsonSafe(String(raw)) as typeof msg;
      } catch {
        return ws.send(JSON.stringify({ type: 'error', message: 'frames must be JSON' }));
      }
      const userId = Number(msg.userId);
      if (msg.type !== 'say' || typeof msg.text !== 'string' || !Number.isInteger(userId) || userId <= 0) {
        return ws.send(JSON.stringify({ type: 'error', message: 'expected {"type":"say","text":"…","userId":N}' }));
      }
      try {
        const reply = await deps.dialog.handle({
          channel: 'console',
          sessionKey: `console:${id}:${userId}`,
          account: { memberId: deps.memberId, userId },
          text: msg.text,
          ...(msg.payload !== undefined ? { payload: msg.payload } : {}),
          locale: msg.lang === 'en' ? 'en' : 'ru',
          timeZone: deps.timeZone ?? 'Europe/Moscow',
          now: (deps.now ?? (() => new Date()))(),
        });
        ws.send(JSON.stringify({ type: 'reply', reply: { text: reply.text, buttons: reply.buttons }, parse: reply.parse ? { intent: reply.parse.intent, slots: reply.parse.slots } : null }));
      } catch (e) {
        ws.send(JSON.stringify({ type: 'error', message: (e as Error).message }));
      }
    });
  });
  return wss;
}
