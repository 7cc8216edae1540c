/**
 * REST errors as a portal sends them: `{error, error_description}` with the HTTP status the
 * Bitrix24 docs give (`_includes/system-errors.md`; method pages for the rest).
 */
export class RestError extends Error {
  constructor(
    public readonly code: string,
    public readonly description: string,
    public readonly status: number = 400,
  ) {
    super(`${code}: ${description}`);
    this.name = 'RestError';
  }
}

export const Errors = {
  noAuth: () => new RestError('NO_AUTH_FOUND', 'Wrong authorization data', 401),
  invalidCredentials: () => new RestError('INVALID_CREDENTIALS', 'Invalid request credentials', 401),
  expired: () => new RestError('expired_token', 'The access token provided has expired.', 401),
  invalidToken: () => new RestError('invalid_token', 'The access token provided is invalid.', 401),
  scope: (hook: boolean) =>
    new RestError(
      'insufficient_scope',
      `The request requires higher privileges than provided by the ${hook ? 'webhook token' : 'access token'}`,
      401,
    ),
  queryLimit: () => new RestError('QUERY_LIMIT_EXCEEDED', 'Too many requests', 503),
  operationLimit: () => new RestError('OPERATION_TIME_LIMIT', 'Method is blocked due to operation time limit.', 429),
  methodNotFound: () => new RestError('ERROR_METHOD_NOT_FOUND', 'Method not found!', 404),
  accessDenied: (what = 'Access denied!') => new RestError('ACCESS_DENIED', what, 403),
  notFound: (what: string) => new RestError('NOT_FOUND', what, 400),
  required: (name: string, method: string) =>
    new RestError('INVALID_ARG_VALUE', `The required parameter "${name}" for the method "${method}" is not set`, 400),
  batchLength: () => new RestError('ERROR_BATCH_LENGTH_EXCEEDED', 'Max batch length exceeded', 400),
  batchMethod: () => new RestError('ERROR_BATCH_METHOD_NOT_ALLOWED', 'Method is not allowed for batch usage', 405),
  internal: () => new RestError('INTERNAL_SERVER_ERROR', 'Internal server error', 500),
};
