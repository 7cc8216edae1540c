/** The sandbox applies each token's user's rights as a portal does (issue 12; docs/sandbox.md "Rights"). */
import express from 'express';
import request from 'supertest';
import { createSandbox, type Sandbox } from '../../src/sandbox';

describe('sandbox rights per token', () => {
  const sb: Sandbox = createSandbox({ leads: 300, seed: 7, webhookCode: 'hookcode', rateLimit: false });
  const app = express();
  app.use('/sandbox', sb.router);
  sb.setPublicUrl('http://127.0.0.1:9/sandbox');
  const as = (userId: number) => sb.issueTokens(userId).accessToken;
  const call = (token: string, method: string, body: Record<string, unknown> = {}) =>
    request(app).post(`/sandbox/rest/${method}`).set('Content-Type', 'application/json').send({ ...body, auth: token });
  afterAll(() => sb.close());

  test('tasks.task.add: the creator is the token\'s user; another CREATED_BY only for an administrator', async () => {
    const own = await call(as(5), 'tasks.task.add', { fields: { TITLE: 'mine', RESPONSIBLE_ID: 3 } });
    expect(own.body.result.task).toMatchObject({ createdBy: '5', responsibleId: '3' });
    const forged = await call(as(5), 'tasks.task.add', { fields: { TITLE: 'as 1', RESPONSIBLE_ID: 3, CREATED_BY: 1 } });
    expect(forged.status).toBe(403);
    expect(forged.body.error).toBe('ACCESS_DENIED');
    const admin = await call(as(1), 'tasks.task.add', { fields: { TITLE: 'for 5', RESPONSIBLE_ID: 3, CREATED_BY: 5 } });
    expect(admin.body.result.task.createdBy).toBe('5');
  });

  test('calendar.event.add: the organiser is the token\'s user (host ignored); another user\'s calendar refused', async () => {
    const add = await call(as(5), 'calendar.event.add', {
      type: 'user', ownerId: 5, name: 'Встреча', from: '2026-12-02T11:00:00', to: '2026-12-02T13:00:00', timezone_from: 'Europe/Moscow',
      auto_detect_section: 'Y', is_meeting: 'Y', attendees: [7], host: 1,
    });
    const ev = await call(as(5), 'calendar.event.getbyid', { id: add.body.result });
    expect(ev.body.result).toMatchObject({ CREATED_BY: '5', MEETING_HOST: '5' });
    expect(ev.body.result.ATTENDEES_CODES).toEqual(['U5', 'U7']);
    const other = await call(as(5), 'calendar.event.add', { type: 'user', ownerId: 1, name: 'x', from: '2026-12-02T11:00:00', to: '2026-12-02T12:00:00', auto_detect_section: 'Y' });
    expect(other.status).toBe(400);
    expect(other.body).toMatchObject({ error: '', error_description: 'Доступ запрещен' });
  });

  test('CRM: a non-admin sees only leads they are responsible for; crm.lead.get of another\'s lead → Access denied', async () => {
    const all = await call(as(1), 'crm.lead.list', { select: ['ID', 'ASSIGNED_BY_ID'], start: 0 });
    const mine = await call(as(5), 'crm.lead.list', { select: ['ID', 'ASSIGNED_BY_ID'], start: 0 });
    expect(mine.body.total).toBeGreaterThan(0);
    expect(mine.body.total).toBeLessThan(all.body.total);
    expect((mine.body.result as { ASSIGNED_BY_ID: string }[]).every((r) => r.ASSIGNED_BY_ID === '5')).toBe(true);
    const theirs = (all.body.result as { ID: string; ASSIGNED_BY_ID: string }[]).find((r) => r.ASSIGNED_BY_ID !== '5')!;
    const own = (mine.body.result as { ID: string }[])[0]!;
    const denied = await call(as(5), 'crm.lead.get', { id: theirs.ID });
    expect(denied.status).toBe(400);
    expect(denied.body).toEqual({ error: '', error_description: 'Access denied' });
    expect((await call(as(5), 'crm.lead.get', { id: own.ID })).body.result.ID).toBe(own.ID);
    expect((await call(as(1), 'crm.lead.get', { id: theirs.ID })).body.result.ID).toBe(theirs.ID);
    // crm.item.list (what the app reads leads and deals with) applies the same role.
    const items = await call(as(5), 'crm.item.list', { entityTypeId: 1, select: ['id', 'assignedById'], start: 0 });
    expect(items.body.total).toBe(mine.body.total);
    expect((items.body.result.items as { assignedById: unknown }[]).every((r) => Number(r.assignedById) === 5)).toBe(true);
    const deals = await call(as(5), 'crm.item.list', { entityTypeId: 2, filter: { '!assignedById': 5 }, select: ['id'] });
    expect(deals.body.result.items).toEqual([]);
    // Activities follow their lead or deal.
    const acts = await call(as(5), 'crm.activity.list', { filter: { OWNER_TYPE_ID: 1, OWNER_ID: theirs.ID }, select: ['ID'] });
    expect(acts.body.result).toEqual([]);
  });

  test('im.message.add is authored by the token\'s user, as im.dialog.messages.get shows', async () => {
    const sent = await call(as(5), 'im.message.add', { DIALOG_ID: '9', MESSAGE: 'привет' });
    const read = await call(as(9), 'im.dialog.messages.get', { DIALOG_ID: '5' });
    const m = (read.body.result.messages as { id: number; author_id: number; text: string }[]).find((x) => x.id === sent.body.result);
    expect(m).toMatchObject({ author_id: 5, text: 'привет' });
  });
});
