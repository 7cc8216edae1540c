/**
 * The Bitrix24 app pages as one express Router. A page is opened either by the portal (a POST with
 * the placement's auth parameters, verified through `deps.verifyPortalAuth`), by a link from
 * another page (`?t=` page token), or — in sandbox mode only — by a demo user (`?user=ID`).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Server } from 'node:http';
import { Router, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { HttpError } from '../channels/http';
import { ownRecord } from '../util/records';
import { readPageBody, type BodyKind } from './body';
import type { Account } from '../dialog/types';
import type { Entity, Lang, PortalAuth, WebDeps } from './deps';
import { esc, page } from './html';
import { entityOfJob, eventOfJob, failureOf, ProgressHub, RetrainRunner } from './jobs';
import { modelView } from './model-view';
import { cardPage, type CardModelInfo } from './pages/card';
import type { PageCtx } from './pages/context';
import { homePage } from './pages/home';
import { installPage } from './pages/install';
import { ENTITIES, entityPanel, scoringPage, type EntityPanelData } from './pages/scoring';
import { voicePage } from './pages/voice';
import { SessionTokens, type Viewer } from './session';
import { attachProgressSocket } from './socket';
import { loadTexts, pickLang, type Texts, type Translate } from './texts';

/** Placements the install step binds, each to a handler under the public URL. */
export const PLACEMENTS = [
  { placement: 'CRM_LEAD_DETAIL_TAB', handler: '/app/card/lead', title: { ru: 'AI-прогноз', en: 'AI forecast' } },
  { placement: 'CRM_DEAL_DETAIL_TAB', handler: '/app/card/deal', title: { ru: 'AI-прогноз', en: 'AI forecast' } },
] as const;

const ASSETS = new Map([['scoring.js', 'application/javascript; charset=utf-8']]);

export interface WebPages {
  router: Router;
  /** Serve the retrain progress WebSocket on this server; returns a detach function. */
  attach(server: Server): () => void;
  runner: RetrainRunner;
  hub: ProgressHub;
  tokens: SessionTokens;
}

/**
 * A refusal's reason (a code, `common.reason_<code>` in texts.yaml) in the page's words; a code
 * without words (a body reader's) is said as one that could not be read.
 */
function reasonInWords(t: Translate, vars: Record<string, string>): Record<string, string> {
  if (vars.reason === undefined) return vars;
  const key = textExists(t, `common.reason_${vars.reason}`) ? `common.reason_${vars.reason}` : 'common.reason_bad_body';
  return { ...vars, reason: t(key, vars) };
}

const textExists = (t: Translate, key: string): boolean => {
  try {
    t(key);
    return true;
  } catch {
    return false;
  }
};

class HttpProblem extends Error {
  constructor(readonly status: number, readonly key: string, readonly vars: Record<string, string> = {}) {
    super(key);
  }
}

/** Text keys for the statuses a body can be refused with. */
const BODY_PROBLEMS: Record<number, string> = { 400: 'common.bad_request', 413: 'common.too_large', 415: 'common.unsupported_media_type' };

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length <= 4096 ? v : undefined);

/** The placement fields a portal sends (DOMAIN, LANG… may come in the query, the rest in the body). */
function portalFields(req: Request): { auth: PortalAuth | null; lang?: string; placement?: string; options: Record<string, unknown> } {
  // Own fields only, into a record that inherits nothing: identity never comes from a prototype.
  const src = ownRecord(req.query, req.body);
  const memberId = str(src.member_id);
  const authId = str(src.AUTH_ID);
  const domain = str(src.DOMAIN);
  let options: Record<string, unknown> = {};
  const raw = str(src.PLACEMENT_OPTIONS);
  if (raw) {
    try {
      const o = JSON.parse(raw) as unknown;
      if (o && typeof o === 'object') options = o as Record<string, unknown>;
    } catch {
      throw new HttpProblem(400, 'common.bad_request', { reason: 'placement_options' });
    }
  }
  const any = memberId || authId || domain;
  if (any && !(memberId && authId && domain)) throw new HttpProblem(401, 'common.unauthorized');
  const refreshId = str(src.REFRESH_ID);
  const expires = Number(str(src.AUTH_EXPIRES));
  const extra = { ...(refreshId ? { refreshId } : {}), ...(Number.isFinite(expires) && expires > 0 ? { authExpires: expires } : {}) };
  return { auth: any ? { memberId: memberId!, authId: authId!, domain: domain!, ...extra } : null, lang: str(src.LANG), placement: str(src.PLACEMENT), options };
}

export function createWebPages(deps: WebDeps, texts: Texts = loadTexts()): WebPages {
  const tokens = new SessionTokens(deps.sessionSecret);
  const hub = new ProgressHub();
  const runner = new RetrainRunner({ jobs: deps.store.jobs, trainer: deps.trainer, now: deps.now, hub, log: deps.log });
  const router = Router();

  /** Who is looking, or a redirect to the demo picker / a 401. */
  async function viewerOf(req: Request): Promise<{ viewer: Viewer; lang: Lang; options: Record<string, unknown>; placement?: string; auth: PortalAuth | null }> {
    const f = portalFields(req);
    const q = ownRecord(req.query);
    const body = ownRecord(req.body);
    const now = deps.now();
    let viewer: Viewer | null = null;
    const verified = async (auth: PortalAuth) => {
      const user = await deps.verifyPortalAuth(auth);
      if (!user) throw new HttpProblem(401, 'common.unauthorized');
      // The viewer's own pair: from now on the assistant acts with their rights (issue 12).
      if (deps.keepUserTokens) await deps.keepUserTokens(auth, user.userId).catch((e) => deps.log?.('user tokens not kept', e instanceof Error ? e.message : e));
      return user;
    };
    if (f.auth) {
      const user = await verified(f.auth);
      viewer = { memberId: f.auth.memberId, userId: user.userId, admin: !!user.admin, demo: false, lang: pickLang(q.lang, f.lang) };
    } else if (q.t !== undefined || body.t !== undefined) {
      viewer = tokens.read(str(q.t) ?? str(body.t), now);
      if (!viewer) throw new HttpProblem(401, 'common.unauthorized');
    } else if (deps.sandbox && q.user !== undefined) {
      const id = Number(q.user);
      const u = deps.sandbox.users.find((x) => x.id === id);
      if (!u) throw new HttpProblem(404, 'common.not_found');
      // The same path a portal page takes: the sandbox portal issues this user's placement auth.
      if (deps.sandbox.placementAuth) await verified(deps.sandbox.placementAuth(u.id));
      // Demo users may do everything, so a newcomer can try retraining too.
      viewer = { memberId: deps.sandbox.memberId, userId: u.id, admin: true, demo: true, lang: 'ru' };
    } else if (deps.sandbox) {
      throw new HttpProblem(303, '/app/');
    } else {
      throw new HttpProblem(401, 'common.unauthorized');
    }
    const lang = q.lang !== undefined ? pickLang(q.lang, undefined) : viewer.lang;
    return { viewer: { ...viewer, lang }, lang, options: f.options, placement: f.placement, auth: f.auth };
  }

  function ctxFor(req: Request, viewer: Viewer): PageCtx {
    const token = tokens.issue(viewer, deps.now());
    const other: Lang = viewer.lang === 'ru' ? 'en' : 'ru';
    return { lang: viewer.lang, t: texts.in(viewer.lang), viewer, token, otherLangHref: `${req.originalUrl.split('?')[0]}?${new URLSearchParams({ t: token, lang: other })}` };
  }

  /**
   * The language of an error page: `?lang=`, else the portal's LANG, else the viewer's token, else
   * Russian — so an English page's errors are English too (issue 17).
   */
  function problemLang(req: Request): Lang {
    const src = ownRecord(req.query, req.body);
    if (src.lang !== undefined || src.LANG !== undefined) return pickLang(src.lang, src.LANG);
    const viewer = tokens.read(str(src.t), deps.now());
    return viewer?.lang ?? 'ru';
  }

  function sendProblem(req: Request, res: Response, e: unknown, asJson = false): void {
    if (e instanceof HttpProblem && e.status === 303) return void res.redirect(303, e.key);
    // A body we could not read: one structured line (never the body), then our own page or JSON.
    if (e instanceof HttpError) {
      deps.log?.('web request refused', { status: e.status, error: e.code, method: req.method, path: req.path });
      e = new HttpProblem(e.status, BODY_PROBLEMS[e.status] ?? 'common.bad_request', { reason: e.code });
    }
    const status = e instanceof HttpProblem ? e.status : 500;
    const key = e instanceof HttpProblem ? e.key : 'common.error';
    if (!(e instanceof HttpProblem)) deps.log?.('web page failed', e instanceof Error ? e.message : e);
    const lang = problemLang(req);
    const t = texts.in(lang);
    const message = t(key, e instanceof HttpProblem ? reasonInWords(t, e.vars) : {});
    if (asJson) return void res.status(status).json({ error: key, message });
    res.status(status).type('html').send(page({ lang, t, title: message, body: `<h1>${esc(message)}</h1>` }));
  }

  /** A page handler: a POST's body is read first (`bodies` it may be), every failure answered by `sendProblem`. */
  const handle =
    (fn: (req: Request, res: Response) => Promise<void>, asJson = false, bodies: readonly BodyKind[] = ['form']) =>
    (req: Request, res: Response, _next: NextFunction) => {
      (async () => {
        if (req.method === 'POST') req.body = await readPageBody(req, bodies);
        await fn(req, res);
      })().catch((e) => sendProblem(req, res, e, asJson));
    };

  const account = (v: Viewer): Account => ({ memberId: v.memberId, userId: v.userId });

  // Placements and app pages arrive as POST from the portal, links as GET: same handler.
  const both = (p: string, ...h: RequestHandler[]) => {
    router.get(p, ...h);
    router.post(p, ...h);
  };

  router.get(
    '/app/assets/:name',
    handle(async (req, res) => {
      const name = String(req.params.name);
      const type = ASSETS.get(name);
      if (!type) throw new HttpProblem(404, 'common.not_found');
      res.type(type).set('Cache-Control', 'no-cache').send(fs.readFileSync(path.join(__dirname, 'assets', name), 'utf8'));
    }),
  );

  router.get(
    ['/app', '/app/'],
    handle(async (req, res) => {
      if (!deps.sandbox) throw new HttpProblem(404, 'common.not_found');
      const lang = pickLang((req.query as Record<string, unknown>).lang, undefined);
      const records = deps.sandbox.records ?? [];
      res.type('html').send(homePage(lang, texts.in(lang), deps.sandbox.users, records, `/app/?lang=${lang === 'ru' ? 'en' : 'ru'}`));
    }),
  );

  both(
    '/app/voice',
    handle(async (req, res) => {
      const { viewer } = await viewerOf(req);
      const ctx = ctxFor(req, viewer);
      const [code, links] = await Promise.all([deps.issueLinkCode(account(viewer), deps.now()), deps.store.voiceLinks.listForUser(viewer.memberId, viewer.userId)]);
      res.type('html').set('Cache-Control', 'no-store').send(voicePage(ctx, { code, links, unlinked: (req.query as Record<string, unknown>).unlinked === '1' }));
    }),
  );

  router.post(
    '/app/voice/unlink',
    handle(async (req, res) => {
      const { viewer } = await viewerOf(req);
      const b = req.body as Record<string, unknown>;
      const platform = b.platform === 'alice' || b.platform === 'google' ? b.platform : null;
      const voiceUserId = str(b.voiceUserId);
      if (!platform || !voiceUserId) throw new HttpProblem(400, 'common.bad_request', { reason: 'unlink_fields' });
      const link = await deps.store.voiceLinks.get(platform, voiceUserId);
      // Only the owner may unlink; someone else's device looks like no device at all.
      if (!link || link.memberId !== viewer.memberId || link.userId !== viewer.userId) throw new HttpProblem(404, 'common.not_found');
      await deps.store.voiceLinks.remove(platform, voiceUserId);
      const token = tokens.issue(viewer, deps.now());
      res.redirect(303, `/app/voice?${new URLSearchParams({ t: token, unlinked: '1' })}`);
    }),
  );

  async function panelData(viewer: Viewer, entity: Entity): Promise<EntityPanelData> {
    const rec = await deps.store.models.latest(viewer.memberId, entity);
    const model = rec ? modelView(rec) : null;
    const counts = model ? undefined : await deps.dataCounts(viewer.memberId, entity);
    // The newest run of this entity, when it failed after the model in use was trained: said on the panel.
    const last = (await deps.store.jobs.listFor(viewer.memberId)).find((j) => entityOfJob(j) === entity && j.state !== 'queued' && j.state !== 'running');
    const lastFailure = last?.state === 'failed' && (!rec || last.updatedAt > rec.trainedAt) ? { at: last.updatedAt, ...failureOf(last.message) } : undefined;
    // The directory is read only when a feature names a user (it costs the portal a request or more).
    const names = model?.features.some((f) => f.column === 'ASSIGNED_BY_ID') ? await deps.userNames?.(viewer.memberId).catch(() => undefined) : undefined;
    return { entity, model, counts, runningJob: runner.runningJob(viewer.memberId, entity), canRetrain: viewer.admin, ...(lastFailure ? { lastFailure } : {}), ...(names ? { names } : {}) };
  }

  both(
    '/app/scoring',
    handle(async (req, res) => {
      const { viewer } = await viewerOf(req);
      const ctx = ctxFor(req, viewer);
      const panels = await Promise.all(ENTITIES.map((e) => panelData(viewer, e)));
      res.type('html').set('Cache-Control', 'no-store').send(scoringPage(ctx, panels));
    }),
  );

  router.get(
    '/app/scoring/panel/:entity',
    handle(async (req, res) => {
      const entity = req.params.entity;
      if (entity !== 'lead' && entity !== 'deal') throw new HttpProblem(404, 'common.not_found');
      const { viewer } = await viewerOf(req);
      res.type('html').set('Cache-Control', 'no-store').send(entityPanel(ctxFor(req, viewer), await panelData(viewer, entity)));
    }),
  );

  router.post(
    '/app/scoring/retrain',
    handle(async (req, res) => {
      const { viewer } = await viewerOf(req);
      if (!viewer.admin) throw new HttpProblem(403, 'common.forbidden');
      const entity = (req.body as Record<string, unknown>).entity;
      if (entity !== 'lead' && entity !== 'deal') throw new HttpProblem(400, 'common.bad_request', { reason: 'entity' });
      const r = await runner.start(viewer.memberId, entity);
      res.status(202).json(r);
    }, true, ['json', 'form']),
  );

  router.get(
    '/app/jobs/:id',
    handle(async (req, res) => {
      const { viewer } = await viewerOf(req);
      const job = await deps.store.jobs.get(String(req.params.id));
      const entity = job && entityOfJob(job);
      if (!job || !entity || job.memberId !== viewer.memberId) throw new HttpProblem(404, 'common.not_found');
      const live = hub.last(job.id);
      res.set('Cache-Control', 'no-store').json(live ?? eventOfJob(job, entity));
    }, true),
  );

  const card = handle(async (req, res) => {
    const entity = req.params.entity as string;
    if (entity !== 'lead' && entity !== 'deal') throw new HttpProblem(404, 'common.not_found');
    const { viewer, options, placement } = await viewerOf(req);
    if (placement && placement !== `CRM_${entity.toUpperCase()}_DETAIL_TAB`) throw new HttpProblem(400, 'common.bad_request', { reason: 'placement_card', placement });
    const rawId = options.ID ?? req.params.id;
    const id = Number(rawId);
    if (!Number.isSafeInteger(id) || id <= 0) throw new HttpProblem(400, 'common.bad_request', { reason: 'record_id' });
    // Scored with the viewer's own token: a record their CRM role does not open shows nothing of it (issue 12);
    // reasons in the page's language (issue 17).
    const answer = await deps.scoreRecord(account(viewer), entity, id, viewer.lang).catch((e: unknown) => {
      throw (e as { kind?: string }).kind === 'access_denied' ? new HttpProblem(403, 'common.no_access') : e;
    });
    const [history, versions] = await Promise.all([deps.store.models.scores(viewer.memberId, entity, id), deps.store.models.list(viewer.memberId, entity)]);
    // Names only when the responsible person changed along the history (a directory read costs the
    // portal requests); one that cannot be read leaves ids ("сотрудник №14").
    const owners = new Set(history.map((p) => p.factors?.find((f) => f.column === 'ASSIGNED_BY_ID')?.value).filter((v) => v !== undefined));
    const names = owners.size > 1 ? await deps.userNames?.(viewer.memberId).catch(() => undefined) : undefined;
    const latest = versions[0];
    const model: CardModelInfo | null = latest ? { version: latest.version, trainedAt: latest.trainedAt, nextTrainingAt: latest.nextTrainingAt, accuracy: modelView(latest).accuracy } : null;
    const counts = answer.kind === 'no-model' ? await deps.dataCounts(viewer.memberId, entity) : undefined;
    res.type('html').set('Cache-Control', 'no-store').send(cardPage(ctxFor(req, viewer), { entity, id, answer, history, model, counts, ...(names ? { names } : {}) }));
  });
  both('/app/card/:entity', card);
  both('/app/card/:entity/:id', card);

  both(
    '/app/install',
    handle(async (req, res) => {
      const { viewer, auth } = await viewerOf(req);
      const ctx = ctxFor(req, viewer);
      if (!viewer.admin) throw new HttpProblem(403, 'common.forbidden');
      if (!deps.install) return void res.type('html').send(installPage(ctx, { ok: true, result: { placements: PLACEMENTS.map((p) => p.placement), bots: [] } }, !!auth));
      try {
        const base = deps.publicUrl?.() ?? `${req.protocol}://${req.get('host')}`;
        const result = await deps.install(auth ?? { memberId: viewer.memberId, domain: '', authId: '' }, base);
        res.type('html').send(installPage(ctx, { ok: true, result }, !!auth));
      } catch (e) {
        deps.log?.('install step failed', e instanceof Error ? e.message : e);
        res.status(502).type('html').send(installPage(ctx, { ok: false, message: e instanceof Error ? e.message : String(e) }, !!auth));
      }
    }),
  );

  return {
    router,
    hub,
    runner,
    tokens,
    attach: (server) => attachProgressSocket(server, { tokens, hub, jobs: deps.store.jobs, now: deps.now }),
  };
}

/** The pages' Router alone (progress then falls back to polling; call `createWebPages(...).attach` for the socket). */
export function webRouter(deps: WebDeps): Router {
  return createWebPages(deps).router;
}
