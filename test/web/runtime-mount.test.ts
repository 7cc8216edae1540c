/**
 * The pages as `npm start` mounts them (src/runtime.ts): the card tabs bound in the sandbox portal
 * at the server's URL and re-pointed after a restart on another port, the demo pages served, and
 * WebSocket upgrades routed by path (the console's, the pages', anything else refused).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import WebSocket from 'ws';
import { loadConfig } from '../../src/config';
import { createLogger, startRuntime, type Runtime } from '../../src/runtime';

const upgradeStatus = (url: string) =>
  new Promise<number>((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', reject);
  });

describe('the portal pages mounted by the runtime', () => {
  jest.setTimeout(60_000);
  let dir: string;
  let rt: Runtime | undefined;
  const start = () => startRuntime(loadConfig({ DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1' }), { log: createLogger('silent'), sandboxLeads: 100 });

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b24-pages-'));
  });
  afterEach(async () => {
    await rt?.close();
    rt = undefined;
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const placements = async (r: Runtime) => {
    const client = await r.clients.get(r.sandboxMemberId!);
    return (await client.call<{ placement: string; handler: string }[]>('placement.get', {})).map((p) => `${p.placement} ${p.handler}`).sort();
  };

  it('binds the card tabs at the server URL, serves the demo pages, and re-points the tabs after a restart elsewhere', async () => {
    rt = await start();
    const firstUrl = rt.url;
    expect(await placements(rt)).toEqual([`CRM_DEAL_DETAIL_TAB ${firstUrl}/app/card/deal`, `CRM_LEAD_DETAIL_TAB ${firstUrl}/app/card/lead`]);

    const home = await request(rt.url).get('/app/');
    expect(home.status).toBe(200);
    // Demo users from the sandbox directory and open records to click through.
    expect(home.text).toContain('Иванов');
    expect(home.text).toMatch(/\/app\/card\/lead\/\d+/);
    for (const page of ['/app/scoring?user=1', '/app/voice?user=2', '/app/install?user=1']) expect((await request(rt.url).get(page)).status).toBe(200);
    // Without a demo user the sandbox sends a newcomer to the picker; a forged portal POST gets nothing.
    const bare = await request(rt.url).get('/app/scoring');
    expect(bare.status).toBe(303);
    expect(bare.headers.location).toMatch(/^\/app\//);
    const forged = await request(rt.url).post('/app/scoring').type('form').send({ member_id: rt.sandboxMemberId!, DOMAIN: 'evil.example', AUTH_ID: 'forged' });
    expect(forged.status).toBe(401);
    // The install page (re)does the portal set-up and says what it bound.
    const install = await request(rt.url).get('/app/install?user=1');
    // The install page says what it installs in words, not placement codes (issue 17).
    expect(install.text).toContain('вкладка «AI-прогноз» в карточке лида');
    expect(install.text).not.toContain('CRM_LEAD_DETAIL_TAB');
    expect(await placements(rt)).toHaveLength(2);

    await rt.close();
    rt = await start();
    expect(rt.url).not.toBe(firstUrl);
    expect(await placements(rt)).toEqual([`CRM_DEAL_DETAIL_TAB ${rt.url}/app/card/deal`, `CRM_LEAD_DETAIL_TAB ${rt.url}/app/card/lead`]);
    // The stored install follows the sandbox's new address, so a tab opened there still verifies.
    const sb = rt.sandbox!;
    expect((await rt.store.installs.get(rt.sandboxMemberId!))!.domain).toBe(sb.info().domain);
    const card = await request(rt.url)
      .post('/app/card/lead')
      .type('form')
      .send({ member_id: rt.sandboxMemberId!, DOMAIN: sb.info().domain, AUTH_ID: sb.issueTokens(1).accessToken, PLACEMENT: 'CRM_LEAD_DETAIL_TAB', PLACEMENT_OPTIONS: '{"ID":"3"}' });
    expect(card.status).toBe(200);
  });

  it('routes WebSocket upgrades by path: the console, the pages (token checked), nothing else', async () => {
    rt = await start();
    const ws = rt.url.replace(/^http/, 'ws');
    expect(await upgradeStatus(`${ws}/console/ws`)).toBe(101);
    expect(await upgradeStatus(`${ws}/app/ws?t=forged&job=x`)).toBe(401);
    expect(await upgradeStatus(`${ws}/elsewhere`)).toBe(404);
  });
});
