/** The same flow against the project's sandbox portal (src/sandbox), over HTTP through the SDK. */
import express from 'express';
import type { Server } from 'node:http';
import { createEvent, createTask, sendMessage } from '../../src/bitrix/actions';
import { PortalClients } from '../../src/bitrix/client';
import { InstallService } from '../../src/bitrix/install';
import { parsePhpForm } from '../../src/bitrix/php-form';
import { createSandbox } from '../../src/sandbox';
import { createMemoryStore } from '../../src/store/memory';

describe('against src/sandbox', () => {
  it('installs via ONAPPINSTALL, then creates a task, an event and a message and reads them back', async () => {
    const sb = createSandbox({ leads: 100, seed: 1 });
    await sb.listen(0);
    const store = createMemoryStore();
    const svc = new InstallService({ installs: store.installs });
    const app = express();
    app.post('/install', express.text({ type: '*/*' }), async (req, res) => {
      await svc.onAppInstall(parsePhpForm(String(req.body)));
      res.send('ok');
    });
    const server: Server = await new Promise((r) => {
      const s = app.listen(0, '127.0.0.1', () => r(s));
    });
    try {
      const port = (server.address() as { port: number }).port;
      await sb.installApp(`http://127.0.0.1:${port}/install`, 1);
      const info = sb.info();
      const clients = new PortalClients({ installs: store.installs, locks: store.locks, app: { clientId: info.clientId, clientSecret: info.clientSecret } });
      const client = await clients.get(info.memberId);
      const deps = { client, actions: store.actions, locks: store.locks };
      const t = await createTask(deps, 'sb-task', { title: 'Sandbox task', responsibleId: 1, creatorId: 1, deadline: '2026-12-01T10:00', timeZone: 'Europe/Moscow' });
      const task = await client.call<{ task: Record<string, unknown> }>('tasks.task.get', { taskId: t.result.taskId });
      expect(task.task.title).toBe('Sandbox task');
      const e = await createEvent(deps, 'sb-event', { ownerId: 1, title: 'Sandbox event', from: '2026-12-01T13:15', to: '2026-12-01T14:00', timeZone: 'Europe/Moscow' });
      const ev = await client.call<Record<string, unknown>>('calendar.event.getbyid', { id: e.result.eventId });
      expect(ev.NAME).toBe('Sandbox event');
      const m = await sendMessage(deps, 'sb-msg', { to: 2, text: 'Sandbox hello' });
      expect(m.result.messageId).toBeGreaterThan(0);
      expect((await createTask(deps, 'sb-task', { title: 'Sandbox task', responsibleId: 1, creatorId: 1 })).replayed).toBe(true);
    } finally {
      server.close();
      await sb.close();
    }
  });
});
