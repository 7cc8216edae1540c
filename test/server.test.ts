import request from 'supertest';
import { createApp } from '../src/server';

describe('createApp', () => {
  it('answers GET /healthz with 200 JSON', async () => {
    const app = createApp({ version: '9.9.9', now: () => new Date('2026-11-26T07:00:00Z') });
    const res = await request(app).get('/healthz');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body).toEqual({ status: 'ok', version: '9.9.9', startedAt: '2026-11-26T07:00:00.000Z' });
  });
});
