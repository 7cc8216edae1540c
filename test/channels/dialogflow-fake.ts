/**
 * A local stand-in for the Dialogflow v2 REST API, enough for `AgentsClient.restoreAgent` in the
 * SDK's HTTP/1.1 mode: it checks the bearer token the SDK signs with the service-account key (RS256
 * over header.payload, issuer = the key's client_email, Dialogflow scope, not expired), reads the
 * agent ZIP from the JSON body with its own small ZIP reader, and answers as told: a done
 * operation, a pending one that the SDK has to poll, a failed operation, or an HTTP error in
 * Google's JSON error shape.
 */
import http from 'node:http';
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';

export function makeServiceAccount(projectId: string | undefined, email = 'pusher@demo-project.iam.gserviceaccount.com') {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const json: Record<string, string> = {
    type: 'service_account',
    private_key_id: crypto.randomBytes(8).toString('hex'),
    private_key: privateKey,
    client_email: email,
    client_id: '1234567890',
    // Not used by the SDK for a service account (it signs its own JWT), so point it nowhere useful.
    token_uri: 'http://127.0.0.1:9/token',
  };
  if (projectId) json.project_id = projectId;
  return { json, publicKey, email, privateKey };
}

/** Reads a ZIP without trusting its writer: central directory → local headers → inflate → CRC. */
export function readZip(buf: Buffer): Map<string, Buffer> {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central header at ${p}`);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const csize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nlen = buf.readUInt16LE(p + 28);
    const elen = buf.readUInt16LE(p + 30);
    const clen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nlen).toString('utf8');
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const lnlen = buf.readUInt16LE(local + 26);
    const lelen = buf.readUInt16LE(local + 28);
    if (buf.readUInt32LE(local + 14) !== crc || buf.readUInt32LE(local + 18) !== csize) throw new Error(`local header of ${name} disagrees`);
    const start = local + 30 + lnlen + lelen;
    const raw = buf.subarray(start, start + csize);
    const data = method === 8 ? zlib.inflateRawSync(raw) : method === 0 ? Buffer.from(raw) : null;
    if (!data) throw new Error(`method ${method} of ${name}`);
    if (data.length !== size) throw new Error(`size of ${name}`);
    const zcrc = (zlib as unknown as { crc32?: (b: Buffer) => number }).crc32;
    if (zcrc && zcrc(data) >>> 0 !== crc) throw new Error(`CRC of ${name}`);
    out.set(name, data);
    p += 46 + nlen + elen + clen;
  }
  return out;
}

export type Scenario =
  | { kind: 'done' }
  | { kind: 'pending'; polls: number }
  | { kind: 'operation-error'; code: number; message: string }
  | { kind: 'http-error'; http: number; status: string; message: string };

export interface SeenRestore {
  parent: string;
  zip: Buffer;
  files: Map<string, Buffer>;
  claims: Record<string, unknown>;
}

export class FakeDialogflow {
  readonly restores: SeenRestore[] = [];
  readonly polls: string[] = [];
  readonly rejectedAuth: string[] = [];
  scenario: Scenario = { kind: 'done' };
  private server = http.createServer((req, res) => this.handle(req, res));
  private pollsLeft = 0;

  constructor(private readonly publicKey: string, private readonly email: string) {}

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Verifies `Authorization: Bearer <JWT>` as Google would for a self-signed service-account JWT. */
  private checkAuth(header: string | undefined): Record<string, unknown> | string {
    const m = /^Bearer ([\w-]+)\.([\w-]+)\.([\w-]+)$/.exec(header ?? '');
    if (!m) return 'no bearer JWT';
    const [, h, p, sig] = m as unknown as [string, string, string, string];
    const head = JSON.parse(Buffer.from(h, 'base64url').toString()) as { alg?: string };
    if (head.alg !== 'RS256') return `alg ${head.alg}`;
    const ok = crypto.verify('RSA-SHA256', Buffer.from(`${h}.${p}`), this.publicKey, Buffer.from(sig, 'base64url'));
    if (!ok) return 'bad signature';
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
    if (claims.iss !== this.email || claims.sub !== this.email) return `issuer ${String(claims.iss)}`;
    if (typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now()) return 'expired';
    const scope = String(claims.scope ?? '');
    if (!scope.includes('https://www.googleapis.com/auth/dialogflow') && !scope.includes('https://www.googleapis.com/auth/cloud-platform')) return `scope ${scope}`;
    return claims;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const error = (http: number, status: string, message: string) => send(http, { error: { code: http, message, status } });
      const auth = this.checkAuth(req.headers.authorization);
      if (typeof auth === 'string') {
        this.rejectedAuth.push(auth);
        return error(401, 'UNAUTHENTICATED', `Request had invalid authentication credentials (${auth}).`);
      }
      const url = new URL(req.url ?? '/', 'http://x');
      const restore = /^\/v2\/(projects\/[^/]+(?:\/locations\/[^/]+)?)\/agent:restore$/.exec(url.pathname);
      const poll = /^\/v2\/(projects\/[^/]+(?:\/locations\/[^/]+)?\/operations\/[^/]+)$/.exec(url.pathname);
      const s = this.scenario;
      if (req.method === 'POST' && restore) {
        const body = JSON.parse(Buffer.concat(chunks).toString()) as { agentContent?: string; agentUri?: string };
        if (!body.agentContent) return error(400, 'INVALID_ARGUMENT', 'agent_content is empty');
        const zip = Buffer.from(body.agentContent, 'base64');
        let files: Map<string, Buffer>;
        try {
          files = readZip(zip);
        } catch (e) {
          return error(400, 'INVALID_ARGUMENT', `Invalid agent zip: ${(e as Error).message}`);
        }
        if (!files.has('agent.json')) return error(400, 'INVALID_ARGUMENT', 'Invalid agent zip: missing required json file agent.json');
        this.restores.push({ parent: restore[1]!, zip, files, claims: auth });
        if (s.kind === 'http-error') return error(s.http, s.status, s.message);
        const name = `${restore[1]}/operations/restore-${this.restores.length}`;
        if (s.kind === 'pending') {
          this.pollsLeft = s.polls;
          return send(200, { name, metadata: { '@type': 'type.googleapis.com/google.protobuf.Struct', value: {} }, done: false });
        }
        return send(200, this.finished(name));
      }
      if (req.method === 'GET' && poll) {
        this.polls.push(poll[1]!);
        if (this.pollsLeft-- > 1) return send(200, { name: poll[1], done: false });
        return send(200, this.finished(poll[1]!));
      }
      error(404, 'NOT_FOUND', `no route ${req.method} ${url.pathname}`);
    });
  }

  private finished(name: string) {
    const s = this.scenario;
    if (s.kind === 'operation-error') return { name, done: true, error: { code: s.code, message: s.message } };
    return { name, done: true, response: { '@type': 'type.googleapis.com/google.protobuf.Empty' } };
  }
}
