/**
 * Bitrix24 events on the wire: `POST /webhook/bitrix` takes every event a portal sends us — the
 * ONAPPINSTALL / ONAPPUNINSTALL lifecycle and the bot events of imbot v1 and Chatbots 2.0 — and
 * `POST /install` the install page of a UI app. Bodies are form-encoded PHP-bracket forms
 * (protocols.md §3.2–3.4), read raw and parsed with `parsePhpForm`, never with `express.urlencoded`
 * (which turns numeric keys into arrays).
 *
 * ONAPPINSTALL is trusted only after `verifyInstall` has checked its tokens against the portal
 * (src/bitrix/install.ts): a forged install is 403 and nothing is stored. Every later event is
 * authenticated by its top-level `auth[application_token]`, then handed to the bot handler
 * (src/channels/bitrix-bot.ts), which decodes it at once (a body it cannot use is 400) and works in
 * the background after our 200.
 */
import express, { Router, type Request, type Response } from 'express';
import { parsePhpForm, pickString, PhpFormError, type PhpForm } from '../bitrix/php-form';
import { EventAuthError, InvalidInstallError, PortalNotInstalledError } from '../bitrix/errors';
import { InstallRejectedError, createInstallVerifier, type InstallService, type InstallVerifier, type InstallVerifierOptions } from '../bitrix/install';
import type { Install } from '../store/types';
import { WireError } from './bitrix-wire';
import { BITRIX_EVENT_LIMIT } from './bitrix-limits';
import type { Accepted } from './bitrix-bot';

export interface BitrixAppDeps {
  installs: InstallService;
  /**
   * Checks an ONAPPINSTALL's tokens against the portal before anything is stored — a verifier, or
   * the options of `createInstallVerifier`; it throws InstallRejectedError for a forged install.
   * Required: the install event sets the secret every later event is checked against.
   */
  verifyInstall: InstallVerifier | InstallVerifierOptions;
  /** After an install is stored: register bots, placements. Errors are logged, not answered. */
  afterInstall?: (install: Install) => Promise<void>;
  /**
   * Every other verified event (bot events): decodes synchronously and starts the work in the
   * background (`createBitrixBotHandler(...).accept`); throws WireError for a body it cannot use.
   * Absent → 202 and ignored.
   */
  onOtherEvent?: (event: string, form: PhpForm, install: Install) => Accepted;
  /**
   * Runs on every verified event before `onOtherEvent`, awaited: keeps the writing user's own
   * token when the event carries one (issue 12), so the work that follows can act as them.
   */
  beforeOtherEvent?: (form: PhpForm, install: Install) => Promise<unknown>;
  log?: (msg: string, detail?: unknown) => void;
}

// Events may carry a 20,000-character message twice (src/channels/bitrix-limits.ts); still bounded.
const LIMIT = BITRIX_EVENT_LIMIT;
const rawForm = express.text({ type: 'application/x-www-form-urlencoded', limit: LIMIT });

function problem(res: Response, status: number, error: string, message: string): void {
  res.status(status).json({ error, message });
}

function readForm(req: Request, res: Response): PhpForm | null {
  const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    problem(res, 415, 'unsupported_media_type', 'expected Content-Type application/x-www-form-urlencoded');
    return null;
  }
  try {
    return parsePhpForm(typeof req.body === 'string' ? req.body : '', { maxBytes: LIMIT });
  } catch (e) {
    problem(res, 400, 'malformed_form', e instanceof PhpFormError ? e.message : 'the form body cannot be read');
    return null;
  }
}

function fail(res: Response, e: unknown, log?: BitrixAppDeps['log']): void {
  if (e instanceof InvalidInstallError) return problem(res, 400, 'invalid_install', e.message);
  if (e instanceof InstallRejectedError) return problem(res, 403, 'install_rejected', e.message);
  if (e instanceof WireError) return problem(res, 400, e.code, e.message);
  if (e instanceof EventAuthError) return problem(res, 403, 'forbidden', 'application_token does not match this portal');
  if (e instanceof PortalNotInstalledError) return problem(res, 401, 'not_installed', 'this portal has not installed the app');
  log?.('bitrix app event failed', e);
  problem(res, 500, 'internal', 'the event could not be handled');
}

export function bitrixAppRouter(deps: BitrixAppDeps): Router {
  const router = Router();
  const verifyInstall = typeof deps.verifyInstall === 'function' ? deps.verifyInstall : createInstallVerifier(deps.verifyInstall);
  const tooLarge = (err: unknown, _req: Request, res: Response, next: (e?: unknown) => void) => {
    if (!err) return next();
    const type = (err as { type?: string }).type;
    // One line naming the refusal, never the body (docs/security.md).
    deps.log?.('bitrix webhook body refused', { type: typeof type === 'string' ? type : 'unknown' });
    if (type === 'entity.too.large') return problem(res, 413, 'too_large', `bodies over ${LIMIT} bytes are refused`);
    if (type === 'charset.unsupported' || type === 'encoding.unsupported') return problem(res, 415, 'unsupported_charset', 'only UTF-8 bodies are accepted');
    return problem(res, 400, 'bad_body', 'the body cannot be read');
  };

  router.post('/webhook/bitrix', rawForm, tooLarge, async (req: Request, res: Response) => {
    const form = readForm(req, res);
    if (!form) return;
    const event = (pickString(form, 'event') ?? '').toUpperCase();
    if (!event) return problem(res, 400, 'missing_event', 'the form has no "event" field');
    try {
      if (event === 'ONAPPINSTALL') {
        const install = await deps.installs.onAppInstall(form, verifyInstall);
        res.json({ ok: true });
        if (deps.afterInstall) deps.afterInstall(install).catch((e) => deps.log?.('after-install step failed', e));
        return;
      }
      if (event === 'ONAPPUNINSTALL') {
        await deps.installs.onAppUninstall(form);
        return void res.json({ ok: true });
      }
      const install = await deps.installs.verifyEvent(form);
      if (deps.beforeOtherEvent) await deps.beforeOtherEvent(form, install).catch((e) => deps.log?.('event tokens not kept', e));
      if (!deps.onOtherEvent) return void res.status(202).json({ ok: true, ignored: event });
      // Acknowledge at once; the work runs after our answer (protocols.md §3.2, §3.5).
      res.json(deps.onOtherEvent(event, form, install));
    } catch (e) {
      fail(res, e, deps.log);
    }
  });

  // The install page of a UI app: tokens in the POST body, DOMAIN & co. in the query.
  router.post('/install', rawForm, tooLarge, async (req: Request, res: Response) => {
    const form = readForm(req, res);
    if (!form) return;
    try {
      const install = await deps.installs.onInstallPage(form, req.query as Record<string, unknown>, verifyInstall);
      if (deps.afterInstall) await deps.afterInstall(install).catch((e) => deps.log?.('after-install step failed', e));
      res.type('html').send('<!doctype html><meta charset="utf-8"><title>b24-assistant</title><p>Приложение установлено.</p><script src="//api.bitrix24.com/api/v1/"></script><script>window.BX24 && BX24.installFinish && BX24.installFinish();</script>');
    } catch (e) {
      fail(res, e, deps.log);
    }
  });
  return router;
}
