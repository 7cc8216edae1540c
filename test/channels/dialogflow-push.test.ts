/**
 * `export-skills --push`: the real @google-cloud/dialogflow client (REST mode) against a local fake
 * of the Dialogflow v2 API that verifies the service-account JWT, the parent and the agent ZIP.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { execFile, execFileSync } from 'node:child_process';
import { buildSkillFiles, agentZip, fileText } from '../../src/channels/skills';
import { loadTexts } from '../../src/dialog/texts';
import {
  pushAgent,
  resolvePushSettings,
  explainPushError,
  googleStatus,
  redactSecrets,
  PushError,
  defaultAgentsClientFactory,
  type AgentsClientFactory,
  type PushSettings,
} from '../../src/channels/dialogflow-push';
import { run } from '../../src/commands/export-skills';
import { FakeDialogflow, makeServiceAccount, readZip } from './dialogflow-fake';

const ENV_KEYS = ['GOOGLE_APPLICATION_CREDENTIALS', 'GOOGLE_PROJECT_ID', 'GOOGLE_CLOUD_PROJECT', 'GCLOUD_PROJECT', 'DIALOGFLOW_LOCATION', 'DIALOGFLOW_ENDPOINT', 'PUBLIC_URL'];
const savedEnv: Record<string, string | undefined> = {};
let dir: string;
let sa: ReturnType<typeof makeServiceAccount>;
let keyFile: string;
let fake: FakeDialogflow;
let endpoint: string;
const files = buildSkillFiles(loadTexts(), 'https://bot.example.com');

beforeAll(async () => {
  for (const k of ENV_KEYS) {
    savedEnv[k] = process.env[k];
    delete process.env[k];
  }
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'df-push-'));
  sa = makeServiceAccount('demo-project');
  keyFile = path.join(dir, 'key.json');
  fs.writeFileSync(keyFile, JSON.stringify(sa.json));
  fake = new FakeDialogflow(sa.publicKey, sa.email);
  endpoint = await fake.start();
});

afterAll(async () => {
  await fake.stop();
  fs.rmSync(dir, { recursive: true, force: true });
  for (const k of ENV_KEYS) if (savedEnv[k] === undefined) delete process.env[k]; else process.env[k] = savedEnv[k];
});

beforeEach(() => {
  fake.scenario = { kind: 'done' };
  fake.restores.length = 0;
  fake.polls.length = 0;
  fake.rejectedAuth.length = 0;
});

/**
 * The production factory plus one thing jest needs: gaxios loads node-fetch with a dynamic
 * import(), which jest's VM refuses without --experimental-vm-modules, so hand it Node's fetch.
 */
const factory: AgentsClientFactory = (options) =>
  defaultAgentsClientFactory({ ...options, clientOptions: { transporterOptions: { fetchImplementation: fetch } } } as typeof options);

const settings = (extra: Partial<PushSettings> = {}): PushSettings => ({
  ...resolvePushSettings({ credentials: keyFile, endpoint }),
  ...extra,
});

/** Runs the command with stdout/stderr captured. */
async function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const o = jest.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((stdout += String(s)), true));
  const e = jest.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((stderr += String(s)), true));
  try {
    const code = await run(argv, { pollMs: 20, factory });
    return { code, stdout, stderr };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

const keyBody = () => sa.privateKey.split('\n')[1]!; // a line of the key's base64

describe('agentZip', () => {
  it('holds exactly the agent files, as export-skills writes them, readable by an independent reader', () => {
    const zip = agentZip(files);
    const entries = readZip(zip);
    const expected = Object.keys(files).filter((f) => f.startsWith('google/agent/')).map((f) => f.slice('google/agent/'.length)).sort();
    expect([...entries.keys()].sort()).toEqual(expected);
    expect(expected).toEqual(expect.arrayContaining(['agent.json', 'package.json', 'intents/task.create.json', 'intents/task.create_usersays_ru.json']));
    for (const name of expected) expect(entries.get(name)!.toString('utf8')).toBe(fileText(files[`google/agent/${name}`]));
    expect(JSON.parse(entries.get('agent.json')!.toString())).toMatchObject({ language: 'ru', webhook: { url: 'https://bot.example.com/webhook/dialogflow' } });
  });

  it('is reproducible: the same files give the same bytes', () => {
    expect(agentZip(buildSkillFiles(loadTexts(), 'https://bot.example.com')).equals(agentZip(files))).toBe(true);
  });

  const unzip = fs.existsSync('/usr/bin/unzip') ? it : it.skip;
  unzip('passes Info-ZIP\'s integrity test (unzip -t) and lists the same names', () => {
    const file = path.join(dir, 'agent.zip');
    fs.writeFileSync(file, agentZip(files));
    expect(execFileSync('/usr/bin/unzip', ['-t', file]).toString()).toContain('No errors detected');
    const names = execFileSync('/usr/bin/unzip', ['-Z1', file]).toString().trim().split('\n').sort();
    expect(names).toEqual([...readZip(agentZip(files)).keys()].sort());
  });
});

describe('pushAgent through @google-cloud/dialogflow', () => {
  it('restores the agent with a JWT signed by the key, waits for the operation by polling, and reports it', async () => {
    fake.scenario = { kind: 'pending', polls: 2 };
    const lines: string[] = [];
    const zip = agentZip(files);
    const result = await pushAgent(settings(), zip, { pollMs: 20, log: (l) => lines.push(l), factory });
    expect(fake.rejectedAuth).toEqual([]);
    expect(fake.restores).toHaveLength(1);
    const seen = fake.restores[0]!;
    expect(seen.parent).toBe('projects/demo-project');
    expect(seen.zip.equals(zip)).toBe(true);
    expect(JSON.parse(seen.files.get('agent.json')!.toString())).toMatchObject({ webhook: { url: 'https://bot.example.com/webhook/dialogflow' } });
    expect(seen.claims).toMatchObject({ iss: sa.email, sub: sa.email });
    expect(String(seen.claims.scope)).toContain('https://www.googleapis.com/auth/dialogflow');
    // The operation was pending: the SDK polled it until done.
    expect(fake.polls).toEqual(['projects/demo-project/operations/restore-1', 'projects/demo-project/operations/restore-1']);
    expect(result).toEqual({ parent: 'projects/demo-project', operation: 'projects/demo-project/operations/restore-1', bytes: zip.length });
    expect(lines.join('\n')).toContain('waiting for operation projects/demo-project/operations/restore-1');
  });

  it('explains PERMISSION_DENIED (HTTP 403) in words, naming the account and the role, without the key', async () => {
    fake.scenario = { kind: 'http-error', http: 403, status: 'PERMISSION_DENIED', message: "Caller does not have required permission to use project demo-project." };
    const err = await pushAgent(settings(), agentZip(files), { pollMs: 20, factory }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PushError);
    const msg = (err as Error).message;
    expect(msg).toContain('permission denied (PERMISSION_DENIED)');
    expect(msg).toContain(sa.email);
    expect(msg).toContain('roles/dialogflow.admin');
    expect(msg).toContain('Google said: Caller does not have required permission');
    expect(msg).not.toContain(keyBody());
    expect(fake.restores).toHaveLength(1); // it did reach the server with a valid token
  });

  it('explains NOT_FOUND (no agent in the project)', async () => {
    fake.scenario = { kind: 'http-error', http: 404, status: 'NOT_FOUND', message: 'com.google.apps.framework.request.NotFoundException: No DesignTimeAgent found for project demo-project.' };
    const msg = await pushAgent(settings(), agentZip(files), { factory }).then(() => '', (e: Error) => e.message);
    expect(msg).toContain('not found (NOT_FOUND): project "demo-project" has no Dialogflow ES agent');
    expect(msg).toContain('No DesignTimeAgent found');
  });

  it('explains UNAUTHENTICATED when the server rejects the key (signed by a key it does not know)', async () => {
    const other = makeServiceAccount('demo-project', sa.email);
    const otherFile = path.join(dir, 'other-key.json');
    fs.writeFileSync(otherFile, JSON.stringify(other.json));
    const msg = await pushAgent(resolvePushSettings({ credentials: otherFile, endpoint }), agentZip(files), { factory }).then(() => '', (e: Error) => e.message);
    expect(fake.rejectedAuth).toEqual(['bad signature']);
    expect(fake.restores).toHaveLength(0);
    expect(msg).toContain('not authenticated (UNAUTHENTICATED)');
    expect(msg).toContain(otherFile);
    expect(msg).not.toContain(other.privateKey.split('\n')[1]!);
  });

  it('reports a key that cannot sign as a local failure, without the key', async () => {
    const broken = path.join(dir, 'broken-key.json');
    const garbage = 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODk=';
    fs.writeFileSync(broken, JSON.stringify({ ...sa.json, private_key: `-----BEGIN PRIVATE KEY-----\n${garbage}\n-----END PRIVATE KEY-----\n` }));
    const msg = await pushAgent(resolvePushSettings({ credentials: broken, endpoint }), agentZip(files), { factory }).then(() => '', (e: Error) => e.message);
    expect(msg).toMatch(/^the push failed: /);
    expect(msg).not.toContain(garbage);
    expect(fake.restores).toHaveLength(0);
  });

  it('reports an operation that finished with an error', async () => {
    fake.scenario = { kind: 'operation-error', code: 3, message: 'Invalid agent zip: intents/x.json has no name' };
    const msg = await pushAgent(settings(), agentZip(files), { pollMs: 20, factory }).then(() => '', (e: Error) => e.message);
    expect(msg).toContain('invalid argument (INVALID_ARGUMENT)');
    expect(msg).toContain('Google said: Invalid agent zip: intents/x.json has no name');
  });

  it('restores a regional agent under projects/<id>/locations/<loc>', async () => {
    await pushAgent(settings({ location: 'europe-west1' }), agentZip(files), { factory });
    expect(fake.restores.map((r) => r.parent)).toEqual(['projects/demo-project/locations/europe-west1']);
  });

  it('says when the endpoint cannot be reached', async () => {
    const port = await closedPort();
    const msg = await pushAgent(resolvePushSettings({ credentials: keyFile, endpoint: `http://127.0.0.1:${port}` }), agentZip(files), { factory }).then(() => '', (e: Error) => e.message);
    expect(msg).toContain(`cannot reach http://127.0.0.1:${port} (ECONNREFUSED)`);
  });

  it('builds the production client with the SDK defaults (no endpoint override) through the injectable factory', async () => {
    const seen: unknown[] = [];
    const recording: AgentsClientFactory = (options) => {
      seen.push(options);
      // Hand back a real client pointed at the fake, as a test double of Google.
      return factory({ ...options, apiEndpoint: '127.0.0.1', port: Number(new URL(endpoint).port), protocol: 'http' });
    };
    await pushAgent(resolvePushSettings({ credentials: keyFile }), agentZip(files), { factory: recording });
    expect(seen).toEqual([{ keyFilename: keyFile, projectId: 'demo-project', fallback: true }]);
    expect(fake.restores).toHaveLength(1);
  });
});

describe('resolvePushSettings', () => {
  it('takes the project from --project, then GOOGLE_PROJECT_ID, then the key; credentials from GOOGLE_APPLICATION_CREDENTIALS', () => {
    expect(resolvePushSettings({ credentials: keyFile }).projectId).toBe('demo-project');
    expect(resolvePushSettings({ credentials: keyFile }, { GOOGLE_PROJECT_ID: 'env-project' }).projectId).toBe('env-project');
    expect(resolvePushSettings({ credentials: keyFile, project: 'flag-project' }, { GOOGLE_PROJECT_ID: 'env-project' }).projectId).toBe('flag-project');
    expect(resolvePushSettings({}, { GOOGLE_APPLICATION_CREDENTIALS: keyFile })).toMatchObject({ keyFilename: keyFile, account: sa.email, endpoint: undefined });
  });

  it('sends a regional agent to its regional endpoint and parses --endpoint URLs', () => {
    expect(resolvePushSettings({ credentials: keyFile, location: 'europe-west1' }).endpoint).toEqual({ apiEndpoint: 'europe-west1-dialogflow.googleapis.com' });
    expect(resolvePushSettings({ credentials: keyFile, endpoint: 'http://localhost:8085' }).endpoint).toEqual({ apiEndpoint: 'localhost', port: 8085, protocol: 'http' });
  });

  it('fails in words: no credentials, missing or unreadable file, not JSON, not a key, no project', () => {
    const fail = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(PushError);
        return (e as Error).message;
      }
      throw new Error('did not fail');
    };
    expect(fail(() => resolvePushSettings({}, {}))).toMatch(/no Google credentials: pass --credentials FILE .* GOOGLE_APPLICATION_CREDENTIALS/);
    expect(fail(() => resolvePushSettings({ credentials: path.join(dir, 'nope.json') }))).toBe(`credentials file ${path.join(dir, 'nope.json')} does not exist`);
    expect(fail(() => resolvePushSettings({ credentials: dir }))).toBe(`credentials file ${dir} is a directory, not a key file`);
    const pem = path.join(dir, 'key.pem');
    fs.writeFileSync(pem, sa.privateKey);
    const notJson = fail(() => resolvePushSettings({ credentials: pem }));
    expect(notJson).toContain('is not JSON');
    expect(notJson).not.toContain(keyBody());
    const other = path.join(dir, 'other.json');
    fs.writeFileSync(other, JSON.stringify({ hello: 'world' }));
    expect(fail(() => resolvePushSettings({ credentials: other }))).toContain('is not a Google credentials JSON');
    const noProject = path.join(dir, 'no-project.json');
    fs.writeFileSync(noProject, JSON.stringify(makeServiceAccount(undefined).json));
    expect(fail(() => resolvePushSettings({ credentials: noProject }, {}))).toContain('no Google Cloud project id: pass --project ID or set GOOGLE_PROJECT_ID');
  });
});

describe('error explanations', () => {
  const s: PushSettings = { projectId: 'p', keyFilename: '/k.json', account: 'a@p.iam.gserviceaccount.com' };
  it('reads gRPC codes, REST bodies and operation errors alike', () => {
    expect(googleStatus(Object.assign(new Error('7 PERMISSION_DENIED: nope'), { code: 7, details: 'nope' }))).toMatchObject({ code: 7, name: 'PERMISSION_DENIED', message: 'nope' });
    expect(googleStatus(Object.assign(new Error('x'), { code: 16, details: 'bad creds' }))).toMatchObject({ code: 16, name: 'UNAUTHENTICATED' });
    expect(googleStatus(Object.assign(new Error('{"error":{"code":404,"message":"gone","status":"NOT_FOUND"}}'), { code: 404 }))).toMatchObject({ code: 5, message: 'gone' });
    expect(googleStatus(Object.assign(new Error('x'), { response: { status: 401, data: 'Unauthorized' } }))).toMatchObject({ code: 16 });
    expect(explainPushError(Object.assign(new Error('5 NOT_FOUND: x'), { code: 5, details: 'x' }), s)).toContain('has no Dialogflow ES agent');
    expect(explainPushError(Object.assign(new Error('y'), { code: 16, details: 'y' }), s)).toContain('Google did not accept the service account a@p.iam.gserviceaccount.com from /k.json');
  });
  it('never lets a PEM block or a private_key value through', () => {
    const text = `boom {"private_key":"-----BEGIN PRIVATE KEY-----\\nMIIEv\\n-----END PRIVATE KEY-----\\n"} and -----BEGIN RSA PRIVATE KEY-----\nabc`;
    const out = redactSecrets(text);
    expect(out).not.toContain('MIIEv');
    expect(out).not.toContain('abc');
    expect(out).toContain('[private key redacted]');
  });
});

describe('export-skills --push (the command)', () => {
  it('writes the files and agent.zip, then pushes that same zip', async () => {
    const out = path.join(dir, 'out');
    const r = await cli(['--out', out, '--url', 'https://bot.example.com', '--push', '--credentials', keyFile, '--project', 'cli-project', '--endpoint', endpoint]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(out, 'google/agent/agent.json'))).toBe(true);
    const written = fs.readFileSync(path.join(out, 'google/agent.zip'));
    expect(fake.restores).toHaveLength(1);
    expect(fake.restores[0]!.parent).toBe('projects/cli-project');
    expect(fake.restores[0]!.zip.equals(written)).toBe(true);
    // Nine commands of the dialogue's intent table, plus the welcome and fallback intents.
    expect(r.stdout).toContain('pushed: the Dialogflow agent of projects/cli-project now has the 11 intents of this export (webhook https://bot.example.com/webhook/dialogflow)');
  });

  it('without --push it only writes', async () => {
    const r = await cli(['--out', path.join(dir, 'out2'), '--credentials', keyFile]);
    expect(r.code).toBe(0);
    expect(fake.restores).toHaveLength(0);
    expect(fs.existsSync(path.join(dir, 'out2/google/agent.zip'))).toBe(true);
  });

  it('exits 1 with the explanation on stderr when permission is denied, and prints no key', async () => {
    fake.scenario = { kind: 'http-error', http: 403, status: 'PERMISSION_DENIED', message: 'The caller does not have permission' };
    process.env.GOOGLE_APPLICATION_CREDENTIALS = keyFile;
    process.env.DIALOGFLOW_ENDPOINT = endpoint;
    try {
      const r = await cli(['--out', path.join(dir, 'out3'), '--push']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^push failed: permission denied \(PERMISSION_DENIED\): the service account pusher@demo-project\.iam\.gserviceaccount\.com may not change the Dialogflow agent of project "demo-project"/);
      expect(r.stdout + r.stderr).not.toContain(keyBody());
      expect(r.stdout + r.stderr).not.toContain('PRIVATE KEY');
    } finally {
      delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
      delete process.env.DIALOGFLOW_ENDPOINT;
    }
  });

  it('exits 1 without credentials and without a project id', async () => {
    const r = await cli(['--out', path.join(dir, 'out4'), '--push']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('push failed: no Google credentials');
    const noProject = path.join(dir, 'no-project2.json');
    fs.writeFileSync(noProject, JSON.stringify(makeServiceAccount(undefined).json));
    const r2 = await cli(['--out', path.join(dir, 'out4'), '--push', '--credentials', noProject]);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toContain('push failed: no Google Cloud project id');
    expect(fake.restores).toHaveLength(0);
  });
});

/**
 * The command as users run it (`tsx src/main.ts export-skills --push`), in its own process: no
 * injected factory, so this is the SDK exactly as shipped (its own fetch), against the fake server.
 */
describe('npm run cli -- export-skills --push (a real process)', () => {
  const root = path.resolve(__dirname, '..', '..');
  const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
  const spawn = (args: string[], env: Record<string, string> = {}) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
      for (const k of ENV_KEYS) if (!(k in env)) delete childEnv[k];
      execFile(tsx, ['src/main.ts', 'export-skills', ...args], { cwd: root, env: childEnv, timeout: 60_000 }, (err, stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr }),
      );
    });

  it('pushes with credentials and project from the environment, and explains a 403 with exit code 1', async () => {
    const out = path.join(dir, 'proc');
    const env = { GOOGLE_APPLICATION_CREDENTIALS: keyFile, GOOGLE_PROJECT_ID: 'proc-project', DIALOGFLOW_ENDPOINT: endpoint };
    fake.scenario = { kind: 'pending', polls: 1 };
    const ok = await spawn(['--out', out, '--push'], env);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('pushed: the Dialogflow agent of projects/proc-project now has the 11 intents');
    expect(fake.rejectedAuth).toEqual([]);
    expect(fake.restores.map((r) => r.parent)).toEqual(['projects/proc-project']);
    expect(fake.restores[0]!.zip.equals(fs.readFileSync(path.join(out, 'google/agent.zip')))).toBe(true);
    expect(fake.polls).toEqual(['projects/proc-project/operations/restore-1']);

    fake.scenario = { kind: 'http-error', http: 403, status: 'PERMISSION_DENIED', message: 'Dialogflow API has not been used in project proc-project before or it is disabled.' };
    const denied = await spawn(['--out', out, '--push'], env);
    expect(denied.code).toBe(1);
    expect(denied.stderr).toContain('push failed: permission denied (PERMISSION_DENIED): the service account pusher@demo-project.iam.gserviceaccount.com');
    expect(denied.stderr).toContain('Google said: Dialogflow API has not been used in project proc-project before or it is disabled.');
    expect(denied.stdout + denied.stderr).not.toContain(keyBody());
  });
});
