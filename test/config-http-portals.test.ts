/**
 * B24_HTTP_PORTALS (issue 16 item 2): a configured server pointed at a sandbox portal started
 * apart, over plain http. The setting takes bare http(s) origins only; the server accepts that
 * portal's install only when its origin is listed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig, parsePortalOrigins } from '../src/config';
import { createLogger, startRuntime, type Runtime } from '../src/runtime';
import { createSandbox, type Sandbox } from '../src/sandbox';

describe('B24_HTTP_PORTALS', () => {
  it('takes comma-separated http(s) origins, normalised and without repeats', () => {
    expect(parsePortalOrigins(' http://127.0.0.1:8090, HTTP://LOCALHOST:8091/ ,,http://127.0.0.1:8090')).toEqual({ origins: ['http://127.0.0.1:8090', 'http://localhost:8091'], bad: [] });
    expect(parsePortalOrigins(undefined)).toEqual({ origins: [], bad: [] });
    expect(loadConfig({ B24_HTTP_PORTALS: 'https://portal.test' }).B24_HTTP_PORTALS).toEqual(['https://portal.test']);
    expect(loadConfig({}).B24_HTTP_PORTALS).toEqual([]);
  });

  it('refuses anything that is not a bare http(s) origin, naming each bad entry at once', () => {
    const bad = ['127.0.0.1:8090', 'ftp://127.0.0.1', 'http://127.0.0.1:8090/rest/', 'http://u:p@127.0.0.1', 'http://127.0.0.1/?x=1', 'javascript:alert(1)', 'file:///etc'];
    expect(parsePortalOrigins(bad.join(',')).bad).toEqual(bad);
    let err: unknown;
    try {
      loadConfig({ B24_HTTP_PORTALS: 'http://127.0.0.1:1, http://127.0.0.1:2/path, x', B24_CLIENT_ID: 'a' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const problems = (err as ConfigError).problems.join('\n');
    expect(problems).toMatch(/B24_HTTP_PORTALS: .*"http:\/\/127\.0\.0\.1:2\/path", "x"/);
    expect(problems).toMatch(/B24_CLIENT_SECRET/);
  });

  describe('a configured server and a sandbox portal in another listener', () => {
    let dir: string;
    let sb: Sandbox;
    let rt: Runtime | undefined;
    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b24-http-portals-'));
      sb = createSandbox({ dataDir: path.join(dir, 'portal'), leads: 20 });
      await sb.listen(0, '127.0.0.1');
    });
    afterEach(async () => {
      await rt?.close();
      rt = undefined;
    });
    afterAll(async () => {
      await sb.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    const start = (env: Record<string, string>, name: string) => {
      const i = sb.info();
      return startRuntime(loadConfig({ DATA_DIR: path.join(dir, name), PORT: '0', HOST: '127.0.0.1', B24_CLIENT_ID: i.clientId, B24_CLIENT_SECRET: i.clientSecret, ...env }), { log: createLogger('silent') });
    };

    it('refuses the plain-http install without the setting and stores it with the portal listed', async () => {
      const origin = new URL(sb.info().rest).origin;
      rt = await start({}, 'unlisted');
      const refused = await sb.installApp(`${rt.url}/webhook/bitrix`, 1);
      expect(refused.status).toBe(403);
      expect(await rt.store.installs.get(sb.info().memberId)).toBeNull();
      await rt.close();
      rt = await start({ B24_HTTP_PORTALS: `http://127.0.0.1:1,${origin}` }, 'listed');
      const ok = await sb.installApp(`${rt.url}/webhook/bitrix`, 1);
      expect(ok.status).toBe(200);
      expect((await rt.store.installs.get(sb.info().memberId))?.domain).toBe(sb.info().domain);
    });
  });
});
