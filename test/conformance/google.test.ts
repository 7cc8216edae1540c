/** Item 4: documented Google platform events (fulfillment-webhook-json samples) replayed against our routers. */
import express from 'express';
import request from 'supertest';
import { CANCEL_REPLY_MAX, dialogflowRouter, googleRouter } from '../../src/channels/google';
import type { Dialog, Turn } from '../../src/dialog/types';
import { fixture } from './helpers';

const seen: Turn[] = [];
const dialog: Dialog = { handle: async (t) => (seen.push(t), { text: 'Готово. До свидания!', endSession: true }) };
const voiceLinks = { get: async (_p: string, id: string) => (id === 'linked' ? { platform: 'google' as const, voiceUserId: id, memberId: 'm', userId: 3, createdAt: 0 } : null) };

describe('Dialogflow ES: platform events are not user text', () => {
  const app = express().use(dialogflowRouter({ dialog, voiceLinks }));
  it('actions_intent_CANCEL ends with one short final reply and never reaches the dialogue', async () => {
    const doc = fixture<{ request: Record<string, unknown>; finalReplyMax: number }>('dialogflow-cancel.json');
    seen.length = 0;
    const r = await request(app).post('/webhook/dialogflow').send(doc.request);
    expect(r.status).toBe(200);
    expect(seen).toHaveLength(0);
    expect(r.body.payload.google.expectUserResponse).toBe(false);
    expect(r.body.fulfillmentText.length).toBeLessThanOrEqual(doc.finalReplyMax);
    expect(CANCEL_REPLY_MAX).toBe(doc.finalReplyMax);
  });
  it('actions_intent_NO_INPUT re-asks instead of parsing the event name', async () => {
    const doc = fixture<{ request: Record<string, unknown> }>('dialogflow-no-input.json');
    seen.length = 0;
    const r = await request(app).post('/webhook/dialogflow').send(doc.request);
    expect(r.status).toBe(200);
    expect(seen).toHaveLength(0);
    expect(r.body.payload.google.expectUserResponse).toBe(true);
    expect(r.body.fulfillmentText).not.toMatch(/actions_intent/);
  });
  it('the zone comes from the payload, else the linked user, never an undocumented field', async () => {
    const zoned = express().use(dialogflowRouter({ dialog, voiceLinks, timeZoneOf: async () => 'Asia/Novosibirsk' }));
    const body = (payload: unknown) => ({ session: 'projects/p/agent/sessions/s', queryResult: { queryText: 'привет', languageCode: 'ru' },
      originalDetectIntentRequest: { source: 'google', version: '2', payload } });
    seen.length = 0;
    await request(zoned).post('/webhook/dialogflow').send(body({ user: { userId: 'linked', timeZone: 'America/New_York' } }));
    expect(seen[0]!.timeZone).toBe('Asia/Novosibirsk');
    await request(zoned).post('/webhook/dialogflow').send(body({ user: { userId: 'linked' }, device: { timeZone: { id: 'Europe/Riga' } } }));
    expect(seen[1]!.timeZone).toBe('Europe/Riga');
  });
});

describe('Actions Builder: a reply that ends the conversation', () => {
  const app = express().use(googleRouter({ dialog, voiceLinks }));
  it('names a non-empty scene even when the request had none', async () => {
    // Shape of the webhooks page's request sample (protocols.md §2.1), without a scene.
    const r = await request(app).post('/webhook/google').send({ handler: { name: 'h' }, intent: { name: 'do', params: {}, query: 'сделай' },
      session: { id: 's1', params: {} }, user: { locale: 'ru-RU', params: {} } });
    expect(r.status).toBe(200);
    expect(r.body.scene.name).toBeTruthy();
    expect(r.body.scene.next.name).toBe('actions.scene.END_CONVERSATION');
  });
});
