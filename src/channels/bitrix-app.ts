/**
 * The Bitrix24 application's lifecycle on the wire: the ONAPPINSTALL / ONAPPUNINSTALL events a
 * portal POSTs to our handler (form-encoded PHP-bracket bodies, protocols.md §3.2–3.4) and the
 * install page's POST (`/install`). Bodies are read raw and parsed with `parsePhpForm`, never with
 * `express.urlencoded` (which turns numeric keys into arrays). Other events are passed to `next`
 * handlers (the messenger bot adapter) through `onOtherEvent`.
 */
import express, { Router, type Request, type Response } from 'express';
import { parsePhpForm, pickString, PhpFormError, type PhpForm } from '../bitrix/php-form';
import { EventAuthError, InvalidInstallError, PortalNotInstalledError } from '../bitrix/errors';
import type { InstallService } from '../bitrix/install';
import type { Install } from '../store/types';

export interface BitrixAppDeps {
  installs: InstallService;
  /** After an install is stored: register bots, placements. Errors are logged, not answered. */
  afterInstall?: (install: Install) => Promise<void>;
  /** Any other verified event (bot messages …); absent → 202 and ignored. */
  onOtherEvent?: (event: string, form: PhpForm, install: Install) => Promise<void> | void;
  log?: (msg: string, detail?: unknown) => void;
}

const LIMIT = 64 * 1024;
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
    return parsePhpForm(typeof req.body === 'string' ? req.body : '');
  } catch (e) {
    problem(res, 400, 'malformed_form', e instanceof PhpFormError ? e.message : 'the form body cannot be read');
    return null;
  }
}

function fail(res: Response, e: unknown, log?: BitrixAppDeps['log']): void {
  if (e instanceof InvalidInstallError) return problem(res, 400, 'invalid_install', e.message);
  if (e instanceof EventAuthError) return problem(res, 403, 'forbidden', 'application_token does not match this portal');
  if (e instanceof PortalNotInstalledError) return problem(res, 401, 'not_installed', 'this portal has not installed the app');
  log?.('bitrix app event failed', e);
  problem(res, 500, 'internal', 'the event could not be handled');
}

export function bitrixAppRouter(deps: BitrixAppDeps): Router {
  const router = Router();
  const tooLarge = (err: unknown, _req: Request, res: Response, next: (e?: unknown) => void) => {
    if ((err as { type?: string })?.type === 'entity.too.large') return problem(res, 413, 'too_large', `bodies over ${LIMIT} bytes are refused`);
    if (err) return problem(res, 400, 'bad_body', 'the body cannot be read');
    next();
  };

  router.post('/webhook/bitrix', rawForm, tooLarge, async (req: Request, res: Response) => {
    const form = readForm(req, res);
    if (!form) return;
    const event = (pickString(form, 'event') ?? '').toUpperCase();
    if (!event) return problem(res, 400, 'missing_event', 'the form has no "event" field');
    try {
      if (event === 'ONAPPINSTALL') {
        const install = await deps.installs.onAppInstall(form);
        res.json({ ok: true });
        if (deps.afterInstall) deps.afterInstall(install).catch((e) => deps.log?.('after-install step failed', e));
        return;
      }
      if (event === 'ONAPPUNINSTALL') {
        await deps.installs.onAppUninstall(form);
        return void res.json({ ok: true });
      }
      const install = await deps.installs.verifyEvent(form);
      if (!deps.onOtherEvent) return void res.status(202).json({ ok: true, ignored: event });
      // Acknowledge at once; the portal does not wait for our answer (protocols.md §3.5).
      res.json({ ok: true });
      Promise.resolve(deps.onOtherEvent(event, form, install)).catch((e) => deps.log?.(`handling ${event} failed`, e));
    } catch (e) {
      fail(res, e, deps.log);
    }
  });

  // The install page of a UI app: tokens in the POST body, DOMAIN & co. in the query.
  router.post('/install', rawForm, tooLarge, async (req: Request, res: Response) => {
    const form = readForm(req, res);
    if (!form) return;
    try {
      const install = await deps.installs.onInstallPage(form, req.query as Record<string, unknown>);
      if (deps.afterInstall) await deps.afterInstall(install).catch((e) => deps.log?.('after-install step failed', e));
      res.type('html').send('<!doctype html><meta charset="utf-8"><title>b24-assistant</title><p>Приложение установлено.</p><script src="//api.bitrix24.com/api/v1/"></script><script>window.BX24 && BX24.installFinish && BX24.installFinish();</script>');
    } catch (e) {
      fail(res, e, deps.log);
    }
  });
  return router;
}
