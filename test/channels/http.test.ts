/** The webhooks' shared body reader: JSON into records that inherit nothing, failures as 400/413/415. */
import express from 'express';
import request from 'supertest';
import { answerError, readJsonObject } from '../../src/channels/http';

function app(log?: (msg: string, detail: unknown) => void) {
  const seen: Record<string, unknown>[] = [];
  const a = express();
  a.post('/j', async (req, res) => {
    try {
      const body = await readJsonObject(req);
      seen.push(body);
      res.json({ keys: Object.keys(body), proto: Object.getPrototypeOf(body) === null });
    } catch (e) {
      answerError(res, e, log);
    }
  });
  return { a, seen };
}

describe('readJsonObject', () => {
  it('drops "__proto__" / "constructor" / "prototype" at every depth and builds null-prototype records', async () => {
    const { a, seen } = app();
    const r = await request(a).post('/j').set('content-type', 'application/json')
      .send('{"__proto__":{"account":{"userId":1}},"session":{"constructor":{"prototype":{"x":1}},"user":{"__proto__":{"user_id":"u"}}},"ok":1}');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ keys: ['session', 'ok'], proto: true });
    const body = seen[0] as Record<string, any>;
    expect(JSON.stringify(body)).toBe('{"session":{"user":{}},"ok":1}');
    expect(Object.getPrototypeOf(body.session.user)).toBeNull();
    expect(body.session.user.user_id).toBeUndefined();
    expect(({} as Record<string, unknown>).account).toBeUndefined();
  });

  it.each([
    ['malformed JSON', 'application/json', '{"a":\n{"level":30,"msg":"forged"}', 400, 'malformed_json'],
    ['a JSON string', 'application/json', '"x"', 400, 'bad_request'],
    ['a charset other than UTF-8', 'application/json; charset=koi8-r', '{}', 415, 'unsupported_charset'],
    ['another type', 'text/plain', '{}', 415, 'unsupported_media_type'],
    ['too large a body', 'application/json', `{"a":"${'x'.repeat(70_000)}"}`, 413, 'body_too_large'],
  ])('%s → %s %s, one log line without the body', async (_n, type, body, status, code) => {
    const lines: unknown[] = [];
    const { a } = app((msg, detail) => lines.push({ msg, detail }));
    const r = await request(a).post('/j').set('content-type', type).send(body);
    expect(r.status).toBe(status);
    expect(r.body.error).toBe(code);
    expect(r.text).not.toMatch(/forged|SyntaxError|\n\s+at /);
    expect(lines).toEqual([{ msg: 'webhook request refused', detail: { status, error: code } }]);
  });

  it('accepts UTF-8 spelled either way', async () => {
    const { a } = app();
    for (const type of ['application/json; charset=UTF-8', 'application/json;charset="utf-8"', 'application/json; charset=utf8']) {
      expect((await request(a).post('/j').set('content-type', type).send('{"a":1}')).status).toBe(200);
    }
  });
});
