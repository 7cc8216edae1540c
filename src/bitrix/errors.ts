/**
 * Typed errors of the portal layer. Two roots, split by where the failure happened:
 * `BitrixApiError` — the portal (or its OAuth server) answered with an error; `BitrixTransportError` —
 * no answer came (network, timeout, refresh lock never freed). Specific subclasses carry a `kind`
 * the dialogue turns into a sentence. Every error keeps the method and the params with tokens
 * removed, so logging an error never leaks a secret.
 */
import { AjaxError, SdkError } from '@bitrix24/b24jssdk';

/** What the dialogue can say about a failure. */
export type BitrixErrorKind =
  | 'api'
  | 'transport'
  | 'access_denied'
  | 'missing_scope'
  | 'user_not_found'
  | 'not_installed'
  | 'reauth_required'
  | 'rate_limited'
  | 'in_progress'
  | 'invalid_install'
  | 'forbidden'
  | 'needs_authorization';

/** Keys whose values are secrets wherever they appear (event bodies, params, OAuth answers). */
const SECRET_KEYS = new Set(
  [
    'auth',
    'access_token',
    'refresh_token',
    'client_secret',
    'application_token',
    'auth_id',
    'refresh_id',
    'accesstoken',
    'refreshtoken',
    'clientsecret',
    'applicationtoken',
    'password',
    'secret',
  ].map((k) => k.toLowerCase()),
);

/** A deep copy of `value` with every secret-bearing key replaced by '[redacted]'. */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (depth > 12) return '[deep]';
  if (Array.isArray(value)) return value.map((v) => redactSecrets(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out[k] = SECRET_KEYS.has(k.toLowerCase()) && v !== '' && v != null ? '[redacted]' : redactSecrets(v, depth + 1);
    }
    return out;
  }
  return value;
}

export abstract class BitrixError extends Error {
  abstract readonly kind: BitrixErrorKind;
}

export interface ApiErrorInit {
  method: string;
  /** The portal's error code, e.g. `ACCESS_DENIED`; may be '' (calendar.event.add answers so). */
  code: string;
  status: number;
  description?: string;
  params?: unknown;
  memberId?: string;
}

/** The portal answered with an error. */
export class BitrixApiError extends BitrixError {
  readonly kind: BitrixErrorKind = 'api';
  readonly method: string;
  readonly code: string;
  readonly status: number;
  readonly description: string;
  readonly params: unknown;
  readonly memberId?: string;
  constructor(init: ApiErrorInit) {
    super(`${init.method}: ${init.code || 'error'}${init.description ? ` — ${init.description}` : ''} (HTTP ${init.status})`);
    this.name = new.target.name;
    this.method = init.method;
    this.code = init.code;
    this.status = init.status;
    this.description = init.description ?? '';
    this.params = redactSecrets(init.params);
    this.memberId = init.memberId;
  }
}

/** The token's user may not do this (ACCESS_DENIED, INVALID_CREDENTIALS, user_access_error, …). */
export class BitrixAccessDeniedError extends BitrixApiError {
  override readonly kind = 'access_denied' as const;
}
/** The app was installed without the scope this method needs. */
export class BitrixMissingScopeError extends BitrixApiError {
  override readonly kind = 'missing_scope' as const;
}
/** The user named in the call is deleted, fired or unknown. */
export class BitrixUserNotFoundError extends BitrixApiError {
  override readonly kind = 'user_not_found' as const;
}
/** The portal kept answering QUERY_LIMIT_EXCEEDED / OPERATION_TIME_LIMIT after the SDK's retries. */
export class BitrixRateLimitError extends BitrixApiError {
  override readonly kind = 'rate_limited' as const;
}
/** The refresh token was refused (invalid_grant, app removed, payment required): the portal must reinstall. */
export class BitrixReauthRequiredError extends BitrixApiError {
  override readonly kind = 'reauth_required' as const;
}

/** No install is stored for this portal (never installed, or uninstalled). */
export class PortalNotInstalledError extends BitrixError {
  readonly kind = 'not_installed' as const;
  constructor(readonly memberId: string, reason = 'no install is stored') {
    super(`portal ${memberId} is not installed: ${reason}`);
    this.name = 'PortalNotInstalledError';
  }
}

/** No answer from the portal: network error, timeout, or a refresh that never completed. */
export class BitrixTransportError extends BitrixError {
  readonly kind = 'transport' as const;
  constructor(readonly method: string, readonly code: string, message: string, readonly params?: unknown) {
    super(`${method}: no answer from the portal (${code}): ${message}`);
    this.name = 'BitrixTransportError';
    this.params = redactSecrets(params);
  }
}

/**
 * The speaker has no token of their own here yet (never opened the app page, or the pair was
 * revoked): nothing is done in their name. `url` is the one-tap page that authorises them.
 */
export class NeedsAuthorizationError extends BitrixError {
  readonly kind = 'needs_authorization' as const;
  constructor(readonly memberId: string, readonly userId: number, readonly url?: string) {
    super(`user ${userId} of portal ${memberId} has not authorised the app yet`);
    this.name = 'NeedsAuthorizationError';
  }
}

/** Another attempt of the same idempotent action is running right now. */
export class ActionInProgressError extends BitrixError {
  readonly kind = 'in_progress' as const;
  constructor(readonly key: string) {
    super(`action ${key} is being performed by another attempt`);
    this.name = 'ActionInProgressError';
  }
}

/** Codes by kind (portal codes are matched case-sensitively as Bitrix sends them). */
const ACCESS_CODES = new Set(['ACCESS_DENIED', 'BOT_OWNERSHIP_ERROR', 'APP_ID_ERROR', 'INVALID_CREDENTIALS', 'user_access_error', 'ACCESS_ERROR', 'allowed_only_intranet_user', 'WRONG_AUTH_TYPE', 'AUTHORIZE_ERROR']);
const SCOPE_CODES = new Set(['insufficient_scope', 'invalid_scope']);
const USER_CODES = new Set(['USER_NOT_FOUND', 'USER_ID_EMPTY', 'ERROR_USER_NOT_FOUND']);
const RATE_CODES = new Set(['QUERY_LIMIT_EXCEEDED', 'OPERATION_TIME_LIMIT']);
const REAUTH_CODES = new Set(['invalid_grant', 'invalid_client', 'PAYMENT_REQUIRED', 'expired_token', 'invalid_token', 'NO_AUTH_FOUND']);
const GONE_CODES = new Set(['PORTAL_DELETED', 'APPLICATION_NOT_FOUND', 'ERROR_OAUTH']);
/** No answer at all: axios/Node codes and the SDK's names for them. */
export const TRANSPORT_CODES = [
  'NETWORK_ERROR',
  'REQUEST_TIMEOUT',
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'ERR_NETWORK',
  'ERR_BAD_RESPONSE',
  'ERR_CANCELED',
  'JSSDK_AXIOS_ERROR',
];
const TRANSPORT_SET = new Set(TRANSPORT_CODES);

/**
 * Classify a portal error by its code and HTTP status only. A portal writes `error_description`
 * in its own language ("Access denied" / "Доступ запрещен"), so the words never decide the class;
 * an empty-code error (calendar.*) without a telling status stays a plain BitrixApiError.
 */
export function apiErrorFor(init: ApiErrorInit): BitrixApiError {
  const { code } = init;
  if (SCOPE_CODES.has(code)) return new BitrixMissingScopeError(init);
  if (ACCESS_CODES.has(code)) return new BitrixAccessDeniedError(init);
  if (USER_CODES.has(code)) return new BitrixUserNotFoundError(init);
  if (RATE_CODES.has(code) || init.status === 503 || init.status === 429) return new BitrixRateLimitError(init);
  if (REAUTH_CODES.has(code)) return new BitrixReauthRequiredError(init);
  if (init.status === 403) return new BitrixAccessDeniedError(init);
  // The one exception to "codes only": crm.*.get and calendar.* refuse a record the user may not
  // open with an EMPTY code and only a text, in the portal's language (crm-lead-get.md). With no
  // code to go by, the text of a Russian or English portal is read; anything else stays an API error.
  if (!code && /access denied|доступ запрещ/i.test(init.description ?? '')) return new BitrixAccessDeniedError(init);
  return new BitrixApiError(init);
}

/** Turn whatever the SDK threw into one of ours (already-typed errors pass through). */
export function fromSdkError(err: unknown, method: string, params: unknown, memberId?: string): BitrixError {
  if (err instanceof BitrixError) return err;
  // Our own refresh hook throws typed errors; the SDK wraps them as JSSDK_UNKNOWN_ERROR.
  const inner = (err as { originalError?: unknown } | null)?.originalError;
  if (inner instanceof BitrixError) return inner;
  if (err instanceof AjaxError || err instanceof SdkError) {
    // The portal's own answer when the SDK dropped it: `{"error": "", "error_description": "Access denied"}`
    // (crm.*.get, calendar.*) has an empty code, which the SDK replaces by ERR_BAD_REQUEST and its own text.
    const answer = (err as { originalError?: { response?: { data?: unknown } } }).originalError?.response?.data as { error?: unknown; error_description?: unknown } | undefined;
    const blank = answer && typeof answer === 'object' && answer.error === '' && typeof answer.error_description === 'string';
    const code = blank ? '' : String(err.code ?? '');
    const status = Number(err.status ?? 0);
    const description = blank ? String(answer.error_description) : err instanceof AjaxError ? describe(err) : err.message;
    if (TRANSPORT_SET.has(code) || (status === 0 && !REAUTH_CODES.has(code) && code.startsWith('E'))) {
      return new BitrixTransportError(method, code, description, params);
    }
    if (GONE_CODES.has(code) && memberId) return new PortalNotInstalledError(memberId, code);
    return apiErrorFor({ method, code, status, description, params, memberId });
  }
  const message = err instanceof Error ? err.message : String(err);
  return new BitrixTransportError(method, 'UNKNOWN', message, params);
}

/** The SDK folds the code into its message ("CODE (on method)"); keep only the portal's text. */
function describe(err: AjaxError): string {
  const m = err.message ?? '';
  return m === `${err.code} (on ${err.requestInfo?.method})` ? '' : m;
}

/** An install body (ONAPPINSTALL, install page POST, uninstall) failed validation. */
export class InvalidInstallError extends BitrixError {
  readonly kind = 'invalid_install' as const;
  constructor(readonly problems: string[]) {
    super(`invalid install request: ${problems.join('; ')}`);
    this.name = 'InvalidInstallError';
  }
}

/** An event's `auth[application_token]` does not match the one stored at install. */
export class EventAuthError extends BitrixError {
  readonly kind = 'forbidden' as const;
  constructor(readonly memberId: string) {
    super(`event for portal ${memberId} carries a wrong application_token`);
    this.name = 'EventAuthError';
  }
}
