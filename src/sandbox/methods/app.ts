/** `app.info`, `scope`, `methods`, `server.time`, `event.*`, `placement.*`. */
import { RestError } from '../errors';
import { isoPortal } from '../dates';
import { ALL_SCOPES } from '../portal';
import { int, isYes, param, str, type CallContext, type MethodDef } from './types';

const PLACEMENTS = ['CRM_LEAD_DETAIL_TAB', 'CRM_DEAL_DETAIL_TAB', 'CRM_LEAD_LIST_MENU', 'CRM_DEAL_LIST_MENU',
  'CRM_LEAD_DETAIL_ACTIVITY', 'LEFT_MENU', 'IM_NAVIGATION', 'IM_CONTEXT_MENU', 'USER_PROFILE_MENU', 'REST_APP_URI'];

export function appMethods(list: () => string[]): Record<string, MethodDef> {
  return {
    'app.info': {
      scope: null,
      // A local app's CODE is its client id ("local.56017020f07e17.98523769" in the docs' example), which
      // is how an install handler can tell the token belongs to its own app (src/bitrix/install.ts).
      handler: (c) => ({
        ID: '1', CODE: c.portal.app.clientId, VERSION: Number(c.portal.app.version), STATUS: 'L', INSTALLED: c.portal.app.installed,
        PAYMENT_EXPIRED: 'N', DAYS: null, LANGUAGE_ID: 'ru', LICENSE: 'ru_project', LICENSE_TYPE: 'project', LICENSE_FAMILY: 'project',
        ...(c.authType === 'webhook' ? { SCOPE: c.scope } : {}),
      }),
    },
    scope: {
      scope: null,
      handler: (c) => (isYes(param(c, 'full')) ? ALL_SCOPES : c.scope),
    },
    methods: {
      scope: null,
      handler: (c) => {
        const scope = str(param(c, 'scope'));
        return list().filter((m) => !scope || m.startsWith(scope));
      },
    },
    'server.time': { scope: null, handler: (c) => isoPortal(c.now()) },
    'event.bind': {
      scope: null, admin: true, appOnly: true,
      handler: (c) => {
        const event = str(param(c, 'event')).toUpperCase();
        const handler = str(param(c, 'handler'));
        if (!event) throw new RestError('ERROR_EVENT_NOT_FOUND', 'Event not found', 400);
        if (!/^https?:\/\//.test(handler)) throw new RestError('WRONG_HANDLER_URL', 'Wrong handler URL', 400);
        const eventType = str(param(c, 'event_type')) === 'offline' ? 'offline' : 'online';
        if (c.portal.bindings.values().some((b) => b.event === event && b.handler === handler && b.eventType === eventType))
          throw new RestError('ERROR_HANDLER_ALREADY_EXIST', 'Handler already exists!', 400);
        const id = c.portal.nextId('binding');
        c.portal.bindings.set(id, { ID: id, event, handler, authType: int(param(c, 'auth_type')) ?? 0, eventType, clientId: c.portal.app.clientId });
        return true;
      },
    },
    'event.get': {
      scope: null, appOnly: true,
      handler: (c) => c.portal.bindings.values().map((b) => ({
        event: b.event, handler: b.handler, auth_type: String(b.authType), offline: b.eventType === 'offline' ? 1 : 0,
      })),
    },
    'event.unbind': {
      scope: null, admin: true, appOnly: true,
      handler: (c) => {
        const event = str(param(c, 'event')).toUpperCase();
        const handler = str(param(c, 'handler'));
        let count = 0;
        for (const b of c.portal.bindings.values()) {
          if (b.event === event && (!handler || b.handler === handler)) {
            c.portal.bindings.delete(b.ID);
            count++;
          }
        }
        return { count };
      },
    },
    'placement.list': { scope: 'placement', handler: () => PLACEMENTS },
    'placement.bind': {
      scope: 'placement', admin: true, appOnly: true,
      handler: (c: CallContext) => {
        const placement = str(param(c, 'PLACEMENT')).toUpperCase();
        const handler = str(param(c, 'HANDLER'));
        if (!PLACEMENTS.includes(placement)) throw new RestError('ERROR_PLACEMENT_NOT_FOUND', 'Placement not found', 400);
        if (!/^https?:\/\//.test(handler)) throw new RestError('ERROR_WRONG_HANDLER_URL', 'Wrong handler URL', 400);
        if (c.portal.placements.values().some((p) => p.placement === placement && p.handler === handler))
          throw new RestError('ERROR_PLACEMENT_HANDLER_EXISTS', 'Handler already binded', 400);
        const id = c.portal.nextId('placement');
        c.portal.placements.set(id, { ID: id, placement, handler, title: str(param(c, 'TITLE')), description: str(param(c, 'DESCRIPTION')), clientId: c.portal.app.clientId });
        return true;
      },
    },
    'placement.get': {
      scope: 'placement', appOnly: true,
      handler: (c) => c.portal.placements.values().map((p) => ({ placement: p.placement, handler: p.handler, title: p.title, description: p.description, options: [] })),
    },
    'placement.unbind': {
      scope: 'placement', admin: true, appOnly: true,
      handler: (c) => {
        const placement = str(param(c, 'PLACEMENT')).toUpperCase();
        const handler = str(param(c, 'HANDLER'));
        let count = 0;
        for (const p of c.portal.placements.values()) {
          if (p.placement === placement && (!handler || p.handler === handler)) {
            c.portal.placements.delete(p.ID);
            count++;
          }
        }
        return { count };
      },
    },
  };
}
