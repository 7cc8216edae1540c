/** Dialogflow ES fulfillment and the Actions Builder webhook with platform-shaped payloads. */
import crypto from 'node:crypto';
import express from 'express';
import request from 'supertest';
import { dialogflowRouter, googleRouter, verifyGoogleJwt } from '../../src/channels/google';
import type { Dialog, Turn } from '../../src/dialog/types';

const seen: Turn[] = [];
const dialog: Dialog = {
  handle: async (t) => {
    seen.push(t);
    return t.account
      ? { text: 'Поставить себе задачу «отчёт»?', buttons: [{ title: 'Да', payload: { answer: 'yes' } }, { title: 'Нет' }] }
      : { text: 'Назовите код.' };
  },
};
const voiceLinks = { get: async (_p: string, id: string) => (id === 'linked-user' ? { platform: 'google' as const, voiceUserId: id, memberId: 'm', userId: 3, createdAt: 0 } : null) };

const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
function jwt(claims: Record<string, unknown>, key = privateKey, kid = 'k1'): string {
  const head = b64({ alg: 'RS256', kid, typ: 'JWT' });
  const body = b64(claims);
  const sig = crypto.sign('RSA-SHA256', Buffer.from(`${head}.${body}`), key).toString('base64url');
  return `${head}.${body}.${sig}`;
}
const NOW = Date.parse('2026-11-26T07:00:00Z');
const good = { iss: 'https://accounts.google.com', aud: 'proj-1', iat: NOW / 1000 - 10, exp: NOW / 1000 + 3600 };

describe('Dialogflow ES fulfillment', () => {
  const app = express().use(dialogflowRouter({ dialog, voiceLinks }));
  const body = (userId: string) => ({
    responseId: 'r1',
    session: 'projects/agent-1/agent/sessions/s-1',
    queryResult: { queryText: 'поставь себе задачу отчёт', parameters: {}, allRequiredParamsPresent: true, languageCode: 'ru', intent: { name: 'projects/agent-1/agent/intents/x', displayName: 'task.create' }, intentDetectionConfidence: 1 },
    originalDetectIntentRequest: { source: 'google', version: '2', payload: { user: { userId, locale: 'ru-RU' } } },
  });

  it('answers with fulfillmentText, messages, the Google rich response and our context', async () => {
    const r = await request(app).post('/webhook/dialogflow').send(body('linked-user'));
    expect(r.status).toBe(200);
    expect(r.body.fulfillmentText).toBe('Поставить себе задачу «отчёт»?');
    expect(r.body.fulfillmentMessages[1]).toEqual({ quickReplies: { quickReplies: ['Да', 'Нет'] } });
    expect(r.body.payload.google).toMatchObject({ expectUserResponse: true, richResponse: { items: [{ simpleResponse: { textToSpeech: 'Поставить себе задачу «отчёт»?' } }], suggestions: [{ title: 'Да' }, { title: 'Нет' }] } });
    expect(r.body.outputContexts[0].name).toBe('projects/agent-1/agent/sessions/s-1/contexts/b24-assistant');
    expect(seen.at(-1)).toMatchObject({ channel: 'google', account: { memberId: 'm', userId: 3 }, locale: 'ru', text: 'поставь себе задачу отчёт' });
  });
  it('asks an unlinked user to link', async () => {
    const r = await request(app).post('/webhook/dialogflow').send(body('stranger'));
    expect(r.body.fulfillmentText).toBe('Назовите код.');
  });
  it('refuses malformed requests', async () => {
    expect((await request(app).post('/webhook/dialogflow').send({ session: 'x' })).status).toBe(400);
    expect((await request(app).post('/webhook/dialogflow').set('content-type', 'application/json').send('{')).status).toBe(400);
  });
});

describe('Actions Builder webhook', () => {
  const app = express().use(googleRouter({ dialog, voiceLinks, projectId: 'proj-1', keys: { k1: publicKey }, now: () => new Date(NOW) }));
  const body = { handler: { name: 'b24' }, intent: { name: 'task', params: {}, query: 'create a task' }, scene: { name: 'Main', slotFillingStatus: 'UNSPECIFIED', slots: {} }, session: { id: 'g-1', params: {}, typeOverrides: [] }, user: { locale: 'en-US', params: { b24uid: 'linked-user' } }, device: { capabilities: ['SPEECH', 'RICH_RESPONSE'] } };

  it('verifies the signature and answers in the v3 format', async () => {
    const r = await request(app).post('/webhook/google').set('google-assistant-signature', jwt(good)).send(body);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ session: { id: 'g-1' }, user: { params: { b24uid: 'linked-user' } }, prompt: { override: false, firstSimple: { text: 'Поставить себе задачу «отчёт»?' }, suggestions: [{ title: 'Да' }, { title: 'Нет' }] } });
  });
  it.each([
    ['missing', undefined],
    ['expired', jwt({ ...good, exp: NOW / 1000 - 3600 })],
    ['wrong audience', jwt({ ...good, aud: 'someone-else' })],
    ['bad signature', jwt(good, crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey)],
    ['unknown key', jwt(good, privateKey, 'k9')],
    // Key ids that name something every object inherits find no key (today: a 500 from crypto.verify).
    ['"constructor" key id', jwt(good, privateKey, 'constructor')],
    ['"__proto__" key id', jwt(good, privateKey, '__proto__')],
    ['"toString" key id', jwt(good, privateKey, 'toString')],
  ])('refuses a %s signature with 403', async (_n, token) => {
    const req = request(app).post('/webhook/google');
    if (token) req.set('google-assistant-signature', token);
    const r = await req.send(body);
    expect(r.status).toBe(403);
  });
  it('verifyGoogleJwt returns the claims of a good token', () => {
    expect(verifyGoogleJwt(jwt(good), 'proj-1', { k1: publicKey }, NOW)).toMatchObject({ aud: 'proj-1' });
  });
});
