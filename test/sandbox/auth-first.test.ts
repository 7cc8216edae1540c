/**
 * The sandbox authenticates a REST call on its path (incoming webhook) or its `auth` parameter
 * alone; the rest of the query and body is parsed only for a known caller (issue 11 item 1).
 */
import express from 'express';
import request from 'supertest';

jest.mock('../../src/sandbox/php-query', () => {
  const real = jest.requireActual('../../src/sandbox/php-query');
  return { ...real, parsePhpQuery: jest.fn(real.parsePhpQuery) };
});
// eslint-disable-next-line import/first
import { parsePhpQuery } from '../../src/sandbox/php-query';
// eslint-disable-next-line import/first
import { createSandbox } from '../../src/sandbox';

const parse = parsePhpQuery as jest.MockedFunction<typeof parsePhpQuery>;

describe('sandbox REST: authenticate, then parse', () => {
  const sandbox = createSandbox({ leads: 10, webhookCode: 'hook-code', rateLimit: false });
  const app = express().use(sandbox.router);
  afterAll(() => sandbox.close());
  beforeEach(() => parse.mockClear());

  it.each([
    ['no auth', '/rest/profile?__proto__[account][userId]=1&fields[a][b][c]=1'],
    ['an unknown token', '/rest/profile?auth=nope&__proto__[account][userId]=1'],
    ['a wrong webhook code', '/rest/1/wrong-code/profile?__proto__[account][userId]=1'],
  ])('%s: refused with the parameters unparsed', async (_n, url) => {
    const r = await request(app).get(url);
    expect(r.status).toBe(401);
    expect(parse).not.toHaveBeenCalled();
  });

  it('a form body without a token is refused unparsed too', async () => {
    const r = await request(app).post('/rest/profile').type('form').send('__proto__[account][userId]=1&fields[x]=1');
    expect(r.status).toBe(401);
    expect(parse).not.toHaveBeenCalled();
  });

  it('a known caller gets the parameters parsed (token in the query, the body or a JSON body)', async () => {
    const { accessToken } = sandbox.issueTokens(3);
    expect((await request(app).get(`/rest/profile?auth=${accessToken}&x[y]=1`)).body.result.ID).toBe('3');
    expect((await request(app).post('/rest/profile').type('form').send(`x[y]=1&auth=${accessToken}`)).body.result.ID).toBe('3');
    expect((await request(app).post('/rest/profile').send({ auth: accessToken, x: { y: 1 } })).body.result.ID).toBe('3');
    expect((await request(app).get('/rest/1/hook-code/profile?x[y]=1')).body.result.ID).toBe('1');
    expect(parse).toHaveBeenCalled();
  });

  it('an object where a method expects a string is the caller\'s 400, not a 500', async () => {
    for (const q of ['batch?halt[a]=1&cmd[x]=profile', 'crm.lead.list?order[ID][x]=1', 'crm.lead.list?start[x]=1']) {
      const r = await request(app).get(`/rest/1/hook-code/${q}`);
      expect({ q, status: r.status, error: r.body.error }).toEqual({ q, status: 400, error: 'INVALID_REQUEST' });
    }
  });

  it('auth[...] is not a token, and the body\'s auth wins over the query\'s (as PHP reads $_REQUEST)', async () => {
    const { accessToken } = sandbox.issueTokens(4);
    expect((await request(app).get(`/rest/profile?auth[x]=${accessToken}`)).status).toBe(401);
    expect((await request(app).post(`/rest/profile?auth=nope`).type('form').send(`auth=${accessToken}`)).body.result.ID).toBe('4');
  });
});
