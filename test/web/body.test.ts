/** Bodies of the app pages: forms and JSON into records that inherit nothing; failures as HttpError 400/413/415. */
import express from 'express';
import request from 'supertest';
import { HttpError } from '../../src/channels/http';
import { parseFormBody, readPageBody, type BodyKind } from '../../src/web/body';

function app(kinds: BodyKind[]) {
  const a = express();
  a.post('/p', async (req, res) => {
    try {
      const body = await readPageBody(req, kinds);
      res.json({ body, proto: Object.getPrototypeOf(body) === null });
    } catch (e) {
      const err = e as HttpError;
      res.status(err.status ?? 500).json({ error: err.code });
    }
  });
  return a;
}

describe('parseFormBody', () => {
  it('keeps fields flat, drops keys that reach a prototype, inherits nothing', () => {
    const f = parseFormBody('__proto__=x&constructor=y&prototype=z&AUTH_ID=a&member_id=m&p=1&p=2&__proto__[t]=v');
    expect(Object.getPrototypeOf(f)).toBeNull();
    expect({ ...f }).toEqual({ AUTH_ID: 'a', member_id: 'm', p: ['1', '2'], '__proto__[t]': 'v' });
    expect(f.toString).toBeUndefined();
  });
  it('refuses more than 100 fields with 413', () => {
    expect(() => parseFormBody(Array.from({ length: 101 }, (_, i) => `a${i}=1`).join('&'))).toThrow(expect.objectContaining({ status: 413, code: 'too_many_parameters' }));
    expect(Object.keys(parseFormBody(Array.from({ length: 100 }, (_, i) => `a${i}=1`).join('&')))).toHaveLength(100);
  });
});

describe('readPageBody', () => {
  it('reads a form and a JSON object', async () => {
    expect((await request(app(['form'])).post('/p').type('form').send('a=1&b=%D0%B4%D0%B0')).body).toEqual({ body: { a: '1', b: 'да' }, proto: true });
    expect((await request(app(['json', 'form'])).post('/p').send({ entity: 'lead', __x: { y: 1 } })).body).toEqual({ body: { entity: 'lead', __x: { y: 1 } }, proto: true });
  });
  it('an empty POST without a type is an empty record; a body without a type is 415', async () => {
    expect((await request(app(['form'])).post('/p')).body).toEqual({ body: {}, proto: true });
    const r = await request(app(['form'])).post('/p').set('content-type', '').send(Buffer.from('a=1'));
    expect(r.status).toBe(415);
  });
  it.each([
    [['json'], 'application/json', '{"a":', 400],
    [['json'], 'application/json', '[1]', 400],
    [['json'], 'application/json', `{"a":"${'x'.repeat(17_000)}"}`, 413],
    [['form'], 'application/x-www-form-urlencoded', `a=${'x'.repeat(70_000)}`, 413],
    [['form'], 'application/x-www-form-urlencoded; charset=iso-8859-1', 'a=1', 415],
    [['form'], 'application/json', '{}', 415],
  ] as [BodyKind[], string, string, number][])('%j %s → %s', async (kinds, type, body, status) => {
    expect((await request(app(kinds)).post('/p').set('content-type', type).send(body)).status).toBe(status);
  });
});
