import { AjaxError } from '@bitrix24/b24jssdk';
import {
  BitrixAccessDeniedError,
  BitrixApiError,
  BitrixMissingScopeError,
  BitrixRateLimitError,
  BitrixReauthRequiredError,
  BitrixTransportError,
  BitrixUserNotFoundError,
  PortalNotInstalledError,
  fromSdkError,
  redactSecrets,
} from '../../src/bitrix/errors';

const ajax = (code: string, status: number, description = '') =>
  new AjaxError({ code, status, description, requestInfo: { method: 'm', params: {}, requestId: 'r' } } as any);

describe('fromSdkError', () => {
  it.each([
    ['ACCESS_DENIED', 403, BitrixAccessDeniedError, 'access_denied'],
    ['insufficient_scope', 403, BitrixMissingScopeError, 'missing_scope'],
    ['USER_NOT_FOUND', 400, BitrixUserNotFoundError, 'user_not_found'],
    ['QUERY_LIMIT_EXCEEDED', 503, BitrixRateLimitError, 'rate_limited'],
    ['OPERATION_TIME_LIMIT', 429, BitrixRateLimitError, 'rate_limited'],
    ['invalid_grant', 400, BitrixReauthRequiredError, 'reauth_required'],
    ['ERROR_CORE', 400, BitrixApiError, 'api'],
  ])('maps %s to its kind', (code, status, cls, kind) => {
    const e = fromSdkError(ajax(code, status), 'tasks.task.add', { fields: { TITLE: 'x' } });
    expect(e).toBeInstanceOf(cls);
    expect(e.kind).toBe(kind);
    expect((e as BitrixApiError).code).toBe(code);
    expect((e as BitrixApiError).method).toBe('tasks.task.add');
  });

  it('treats network codes as transport errors', () => {
    const e = fromSdkError(ajax('NETWORK_ERROR', 0), 'user.get', {});
    expect(e).toBeInstanceOf(BitrixTransportError);
    expect(fromSdkError(ajax('ECONNRESET', 0), 'user.get', {})).toBeInstanceOf(BitrixTransportError);
    expect(fromSdkError(ajax('REQUEST_TIMEOUT', 408), 'user.get', {})).toBeInstanceOf(BitrixTransportError);
  });

  it('maps a deleted portal to PortalNotInstalledError', () => {
    expect(fromSdkError(ajax('PORTAL_DELETED', 500), 'user.get', {}, 'm1')).toBeInstanceOf(PortalNotInstalledError);
  });

  it('sorts by code and status, never by the words: a portal answers in its own language', () => {
    // calendar.event.add answers error "" with a description only; English and Russian portals alike.
    const en = fromSdkError(ajax('', 400, 'Access denied'), 'calendar.event.add', {});
    const ru = fromSdkError(ajax('', 400, 'Доступ запрещен'), 'calendar.event.add', {});
    expect(en.constructor).toBe(ru.constructor);
    // The documented refusal of a record (crm-lead-get.md: error "" and the text) is access denied in
    // both languages (issue 12: "нет доступа к этому лиду"); any other empty-code text stays an API error.
    expect(en.kind).toBe('access_denied');
    expect(ru.kind).toBe('access_denied');
    expect(fromSdkError(ajax('', 400, 'Event not found'), 'calendar.event.update', {}).kind).toBe('api');
    expect(fromSdkError(ajax('', 403, 'Доступ запрещен'), 'calendar.event.add', {})).toBeInstanceOf(BitrixAccessDeniedError);
    expect(fromSdkError(ajax('ERROR_CORE', 400, 'user not found'), 'tasks.task.add', {}).kind).toBe('api');
  });

  it('removes tokens from the params it keeps', () => {
    const e = fromSdkError(ajax('ERROR_CORE', 400), 'x', { auth: 'tok-123', fields: { access_token: 'a', TITLE: 't' } }) as BitrixApiError;
    expect(JSON.stringify(e.params)).not.toMatch(/tok-123|"a"/);
    expect((e.params as any).fields.TITLE).toBe('t');
  });
});

describe('redactSecrets', () => {
  it('redacts nested secret keys of any case and keeps the rest', () => {
    const r = redactSecrets({ AUTH_ID: 'x1', auth: { refresh_token: 'r', domain: 'd' }, list: [{ client_secret: 's' }] });
    expect(r).toEqual({ AUTH_ID: '[redacted]', auth: '[redacted]', list: [{ client_secret: '[redacted]' }] });
  });
});
