/**
 * Pushes the Dialogflow ES agent built by export-skills to Google with `@google-cloud/dialogflow`
 * (v2 `AgentsClient.restoreAgent`): the agent of the project is replaced by the ZIP's intents and
 * settings (webhook URL included), then the long-running operation is awaited.
 *
 * Transport: the SDK's HTTP/1.1 REST mode (`fallback: true`), the one the tests drive end to end
 * against a local server. Auth: a credentials JSON (service-account key) read by the SDK itself;
 * for a service account google-auth-library signs its own bearer JWT with the key (scopes
 * cloud-platform + dialogflow) instead of calling the token endpoint. Nothing here ever prints
 * the key: files are checked without echoing their content and every message is scrubbed of PEM
 * blocks before it leaves.
 */
import fs from 'node:fs';
import { v2 } from '@google-cloud/dialogflow';

type AgentsClient = InstanceType<typeof v2.AgentsClient>;
type ClientOptions = NonNullable<ConstructorParameters<typeof v2.AgentsClient>[0]>;

/** Where the API is: production uses Google's (unset); tests and emulators pass a local one. */
export interface Endpoint {
  apiEndpoint: string;
  port?: number;
  protocol?: 'http' | 'https';
}

/** Builds the client; injectable so a test can point it at a fake server. */
export type AgentsClientFactory = (options: ClientOptions) => AgentsClient;
export const defaultAgentsClientFactory: AgentsClientFactory = (options) => new v2.AgentsClient(options);

export class PushError extends Error {
  constructor(message: string) {
    super(redactSecrets(message));
    this.name = 'PushError';
  }
}

/** Removes PEM blocks (whole or cut off) and anything that looks like a JSON private_key value. */
export function redactSecrets(text: string): string {
  return text
    .replace(/-----BEGIN [A-Z ]+-----[\s\S]*?(-----END [A-Z ]+-----|$)/g, '[private key redacted]')
    .replace(/("private_key"\s*:\s*)"(?:[^"\\]|\\.)*"/g, '$1"[redacted]"');
}

export interface PushSettings {
  projectId: string;
  /** Regional agent (e.g. `europe-west1`); unset = the global agent `projects/<id>/agent`. */
  location?: string;
  keyFilename: string;
  /** client_email of the key, for messages. */
  account?: string;
  endpoint?: Endpoint;
}

interface CredentialsInfo {
  type: string;
  account?: string;
  projectId?: string;
}

/** Reads the credentials file without ever echoing it; throws PushError in words. */
export function readCredentials(file: string): CredentialsInfo {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'does not exist'
      : code === 'EACCES' || code === 'EPERM' ? 'cannot be read (permission denied)'
      : code === 'EISDIR' ? 'is a directory, not a key file'
      : `cannot be read (${code ?? 'unknown error'})`;
    throw new PushError(`credentials file ${file} ${why}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the text: never pass it on.
    throw new PushError(`credentials file ${file} is not JSON: expected a service-account key (Google Cloud console → IAM → Service accounts → Keys → Add key → JSON)`);
  }
  const o = (json && typeof json === 'object' ? json : {}) as Record<string, unknown>;
  const type = typeof o.type === 'string' ? o.type : '';
  const str = (k: string) => (typeof o[k] === 'string' && o[k] ? (o[k] as string) : undefined);
  if (type === 'service_account') {
    const missing = ['client_email', 'private_key'].filter((k) => !str(k));
    if (missing.length) throw new PushError(`credentials file ${file} is a service-account key without ${missing.join(' and ')}`);
    if (!/-----BEGIN (RSA )?PRIVATE KEY-----/.test(str('private_key')!)) throw new PushError(`credentials file ${file}: private_key is not a PEM private key`);
    return { type, account: str('client_email'), projectId: str('project_id') };
  }
  if (type === 'authorized_user' || type === 'external_account' || type === 'impersonated_service_account') {
    return { type, projectId: str('quota_project_id') };
  }
  throw new PushError(`credentials file ${file} is not a Google credentials JSON (its "type" is ${type ? `"${type}"` : 'missing'}; expected "service_account")`);
}

/** `http://127.0.0.1:8080` → the client's endpoint options. */
export function parseEndpoint(url: string): Endpoint {
  let u: URL;
  try {
    u = new URL(url.includes('://') ? url : `https://${url}`);
  } catch {
    throw new PushError(`bad Dialogflow endpoint "${url}": expected a URL such as https://dialogflow.googleapis.com`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new PushError(`bad Dialogflow endpoint "${url}": only http and https`);
  const protocol = u.protocol === 'http:' ? 'http' : 'https';
  return { apiEndpoint: u.hostname.replace(/^\[|\]$/g, ''), port: u.port ? Number(u.port) : protocol === 'http' ? 80 : 443, protocol };
}

/**
 * Settings from the command line and the environment: `--credentials` or
 * GOOGLE_APPLICATION_CREDENTIALS; `--project`, GOOGLE_PROJECT_ID, GOOGLE_CLOUD_PROJECT or the
 * key's own project_id; `--location` or DIALOGFLOW_LOCATION; `--endpoint` or DIALOGFLOW_ENDPOINT.
 */
export function resolvePushSettings(
  opts: { project?: string; credentials?: string; location?: string; endpoint?: string },
  env: NodeJS.ProcessEnv = process.env,
): PushSettings {
  const keyFilename = opts.credentials || env.GOOGLE_APPLICATION_CREDENTIALS;
  if (!keyFilename) {
    throw new PushError('no Google credentials: pass --credentials FILE (a service-account key JSON) or set GOOGLE_APPLICATION_CREDENTIALS');
  }
  const creds = readCredentials(keyFilename);
  const projectId = opts.project || env.GOOGLE_PROJECT_ID || env.GOOGLE_CLOUD_PROJECT || creds.projectId;
  if (!projectId) {
    throw new PushError(`no Google Cloud project id: pass --project ID or set GOOGLE_PROJECT_ID (the key in ${keyFilename} names none)`);
  }
  if (!/^[a-z0-9.:-]+$/i.test(projectId)) throw new PushError(`"${projectId}" is not a Google Cloud project id`);
  const location = opts.location || env.DIALOGFLOW_LOCATION || undefined;
  if (location && !/^[a-z0-9-]+$/.test(location)) throw new PushError(`"${location}" is not a Dialogflow location (e.g. europe-west1)`);
  const endpointUrl = opts.endpoint || env.DIALOGFLOW_ENDPOINT;
  const endpoint = endpointUrl
    ? parseEndpoint(endpointUrl)
    : location && location !== 'global'
      ? { apiEndpoint: `${location}-dialogflow.googleapis.com` }
      : undefined;
  return { projectId, location, keyFilename, account: creds.account, endpoint };
}

export const agentParent = (s: Pick<PushSettings, 'projectId' | 'location'>) =>
  s.location ? `projects/${s.projectId}/locations/${s.location}` : `projects/${s.projectId}`;

const CODE_NAMES = [
  'OK', 'CANCELLED', 'UNKNOWN', 'INVALID_ARGUMENT', 'DEADLINE_EXCEEDED', 'NOT_FOUND', 'ALREADY_EXISTS',
  'PERMISSION_DENIED', 'RESOURCE_EXHAUSTED', 'FAILED_PRECONDITION', 'ABORTED', 'OUT_OF_RANGE',
  'UNIMPLEMENTED', 'INTERNAL', 'UNAVAILABLE', 'DATA_LOSS', 'UNAUTHENTICATED',
] as const;
const HTTP_TO_GRPC: Record<number, number> = { 400: 3, 401: 16, 403: 7, 404: 5, 409: 10, 412: 9, 429: 8, 499: 1, 500: 13, 501: 12, 503: 14, 504: 4 };

/** System and TLS error codes that mean the server was not reached (not, say, ERR_OSSL_* from signing). */
const NETWORK_CODE = /^(E(CONN[A-Z]+|NOTFOUND|AI_AGAIN|TIMEDOUT|HOSTUNREACH|NETUNREACH|PIPE|PROTO)|UND_ERR_[A-Z_]+|[A-Z_]*CERT[A-Z_]*|UNABLE_TO_[A-Z_]+)$/;

type ErrorBody = { code?: number; status?: string; message?: string };

/** Google's JSON error body, wherever gaxios left it (parsed, as text, bytes, or bytes as "123,34,…"). */
function errorBody(candidates: unknown[]): ErrorBody | undefined {
  for (const c of candidates) {
    if (c && typeof c === 'object' && !(c instanceof Uint8Array) && 'error' in c) {
      const b = (c as { error?: unknown }).error;
      if (b && typeof b === 'object') return b as ErrorBody;
    }
    let text = c instanceof Uint8Array ? Buffer.from(c).toString('utf8') : typeof c === 'string' ? c : undefined;
    if (!text) continue;
    // gaxios with Node's own fetch renders the body as its byte values joined by commas.
    if (/^\d{1,3}(,\d{1,3})+$/.test(text)) text = Buffer.from(text.split(',').map(Number)).toString('utf8');
    try {
      const parsed = JSON.parse(text) as { error?: unknown };
      if (parsed && typeof parsed === 'object' && parsed.error && typeof parsed.error === 'object') return parsed.error as ErrorBody;
    } catch {
      /* not JSON */
    }
  }
  return undefined;
}

/** The gRPC status of an SDK error, whether it came over gRPC, REST (HTTP + JSON) or in an operation. */
export function googleStatus(err: unknown): { code?: number; name?: string; message: string; network?: string } {
  type E = Record<string, unknown> & { response?: { status?: number; data?: unknown }; cause?: unknown };
  const e = (err ?? {}) as E;
  const message = err instanceof Error ? err.message : String(err);
  const cause = (e.cause ?? {}) as E;
  const body = errorBody([e.response?.data, message, cause.message]);
  const serverMessage = body?.message ?? (typeof e.details === 'string' && e.details ? e.details : message);
  if (body?.status && (CODE_NAMES as readonly string[]).includes(body.status)) {
    const code = CODE_NAMES.indexOf(body.status as (typeof CODE_NAMES)[number]);
    return { code, name: body.status, message: serverMessage };
  }
  const num = [e.code, e.status, e.response?.status, body?.code].find((n): n is number => typeof n === 'number');
  if (num !== undefined) {
    const code = num < CODE_NAMES.length ? num : HTTP_TO_GRPC[num] ?? (num >= 500 ? 13 : num >= 400 ? 9 : undefined);
    if (code !== undefined) return { code, name: CODE_NAMES[code], message: serverMessage };
  }
  // No answer from the server: find the system error (node-fetch puts it on the error, Node's fetch on a cause).
  for (let c: E | undefined = e, depth = 0; c && depth < 5; c = c.cause as E | undefined, depth++) {
    if (typeof c.code === 'string' && NETWORK_CODE.test(c.code)) return { message, network: c.code };
  }
  return { message };
}

/** The error in words: what Google answered and what to do about it. */
export function explainPushError(err: unknown, s: PushSettings): string {
  const st = googleStatus(err);
  const who = s.account ? `the service account ${s.account}` : `the credentials in ${s.keyFilename}`;
  const where = s.location ? `project "${s.projectId}" (location ${s.location})` : `project "${s.projectId}"`;
  const host = s.endpoint ? `${s.endpoint.protocol ?? 'https'}://${s.endpoint.apiEndpoint}${s.endpoint.port ? `:${s.endpoint.port}` : ''}` : 'dialogflow.googleapis.com';
  let text: string;
  switch (st.code) {
    case 7:
      text = `permission denied (PERMISSION_DENIED): ${who} may not change the Dialogflow agent of ${where}. Give it the "Dialogflow API Admin" role (roles/dialogflow.admin) in that project, and check that the Dialogflow API is enabled there.`;
      break;
    case 5:
      text = `not found (NOT_FOUND): ${where} has no Dialogflow ES agent, or the project does not exist. Create the agent once in the Dialogflow ES console (dialogflow.cloud.google.com) in that project${s.location ? ' and location' : ''}, then push again.`;
      break;
    case 16:
      text = `not authenticated (UNAUTHENTICATED): Google did not accept ${who} from ${s.keyFilename}. The key may have been deleted or disabled, or this machine's clock may be wrong; create a new key if needed.`;
      break;
    case 3:
      text = `invalid argument (INVALID_ARGUMENT): Dialogflow refused the request or the agent archive.`;
      break;
    case 8:
      text = `quota exceeded (RESOURCE_EXHAUSTED) for ${where}: wait and try again.`;
      break;
    case 4:
      text = `deadline exceeded (DEADLINE_EXCEEDED): the restore did not finish in time; it may still complete, check the agent in the Dialogflow console.`;
      break;
    case 14:
      text = `Dialogflow is unavailable (UNAVAILABLE): try again later.`;
      break;
    case undefined:
      // No status from Google: a network error, or a local one (e.g. the key could not sign).
      return redactSecrets(st.network ? `cannot reach ${host} (${st.network}). ${st.message}` : `the push failed: ${st.message}`);
    default:
      text = `${st.name} (gRPC code ${st.code}).`;
  }
  const said = st.message && !text.includes(st.message) ? ` Google said: ${st.message}` : '';
  return redactSecrets(`${text}${said}`);
}

export interface PushResult {
  parent: string;
  operation: string;
  bytes: number;
}

/**
 * Restores the agent of the project from `agentContent` (a ZIP) and waits for the operation.
 * Throws PushError with an explanation in words.
 */
export async function pushAgent(
  s: PushSettings,
  agentContent: Buffer,
  opts: { factory?: AgentsClientFactory; log?: (line: string) => void; pollMs?: number; timeoutMs?: number } = {},
): Promise<PushResult> {
  const factory = opts.factory ?? defaultAgentsClientFactory;
  const log = opts.log ?? (() => {});
  const parent = agentParent(s);
  const client = factory({ keyFilename: s.keyFilename, projectId: s.projectId, fallback: true, ...(s.endpoint ?? {}) });
  try {
    log(`restoring the Dialogflow agent of ${parent} from a ${agentContent.length}-byte ZIP`);
    const pollMs = opts.pollMs ?? 1000;
    const [operation] = await client.restoreAgent(
      { parent, agentContent },
      {
        timeout: 120_000,
        // How the operation is polled (google-gax BackoffSettings): from pollMs up to 10 s apart.
        longrunning: {
          initialRetryDelayMillis: pollMs,
          retryDelayMultiplier: 1.5,
          maxRetryDelayMillis: Math.max(pollMs, 10_000),
          totalTimeoutMillis: opts.timeoutMs ?? 10 * 60_000,
          initialRpcTimeoutMillis: null,
          rpcTimeoutMultiplier: null,
          maxRpcTimeoutMillis: null,
        },
      },
    );
    log(`waiting for operation ${operation.name ?? '(unnamed)'}`);
    await operation.promise();
    return { parent, operation: operation.name ?? '', bytes: agentContent.length };
  } catch (err) {
    if (err instanceof PushError) throw err;
    throw new PushError(explainPushError(err, s));
  } finally {
    await client.close().catch(() => {});
  }
}
