/**
 * REST errors as a portal sends them: `{error, error_description}` with the HTTP status the
 * Bitrix24 docs give (`_includes/system-errors.md` of bitrix-tools/b24-rest-docs; method pages for
 * the rest). A portal answers in its own language: `description` is English, `ru` the Russian text
 * a Russian-language portal gives; `localized(lang)` picks one. Clients must therefore key on the
 * code and the status, never on the words.
 */
export type PortalLanguage = 'ru' | 'en';

export class RestError extends Error {
  constructor(
    public readonly code: string,
    public readonly description: string,
    public readonly status: number = 400,
    /** The same text on a Russian-language portal (defaults to the English one). */
    public readonly ru: string = description,
  ) {
    super(`${code}: ${description}`);
    this.name = 'RestError';
  }

  localized(lang: PortalLanguage): string {
    return lang === 'ru' ? this.ru : this.description;
  }
}

/** English and Russian texts of one error. */
export const tr = (code: string, en: string, ru: string, status = 400) => new RestError(code, en, status, ru);

export const Errors = {
  // system-errors.md: 401 NO_AUTH_FOUND "Wrong authorization data" — a wrong access token or webhook code.
  noAuth: () => tr('NO_AUTH_FOUND', 'Wrong authorization data', 'Неверные данные авторизации', 401),
  // system-errors.md: 403 INVALID_CREDENTIALS — the token's or webhook's user lacks rights.
  invalidCredentials: () => tr('INVALID_CREDENTIALS', 'Invalid request credentials', 'Недостаточно прав', 403),
  expired: () => tr('expired_token', 'The access token provided has expired.', 'Срок действия токена доступа истёк.', 401),
  invalidToken: () => tr('invalid_token', 'The access token provided is invalid.', 'Токен доступа недействителен.', 401),
  // system-errors.md: 403 insufficient_scope.
  scope: (hook: boolean) =>
    tr(
      'insufficient_scope',
      `The request requires higher privileges than provided by the ${hook ? 'webhook token' : 'access token'}`,
      `Запрос требует более высоких привилегий, чем предоставляет ${hook ? 'токен вебхука' : 'токен доступа'}`,
      403,
    ),
  queryLimit: () => tr('QUERY_LIMIT_EXCEEDED', 'Too many requests', 'Слишком много запросов', 503),
  operationLimit: () => tr('OPERATION_TIME_LIMIT', 'Method is blocked due to operation time limit.', 'Метод заблокирован из-за превышения лимита времени выполнения.', 429),
  methodNotFound: () => tr('ERROR_METHOD_NOT_FOUND', 'Method not found!', 'Метод не найден!', 404),
  accessDenied: (what = 'Access denied!', ru = 'Доступ запрещён!') => tr('ACCESS_DENIED', what, ru, 403),
  notFound: (what: string, ru = what) => tr('NOT_FOUND', what, ru, 400),
  required: (name: string, method: string) =>
    tr('INVALID_ARG_VALUE', `The required parameter "${name}" for the method "${method}" is not set`, `Не задан обязательный параметр "${name}" для метода "${method}"`, 400),
  batchLength: () => tr('ERROR_BATCH_LENGTH_EXCEEDED', 'Max batch length exceeded', 'Превышена максимальная длина пакета', 400),
  batchMethod: () => tr('ERROR_BATCH_METHOD_NOT_ALLOWED', 'Method is not allowed for batch usage', 'Метод нельзя вызывать в пакете', 405),
  internal: () => tr('INTERNAL_SERVER_ERROR', 'Internal server error', 'Внутренняя ошибка сервера', 500),
};
