/** The same flow against the project's sandbox portal (src/sandbox), over HTTP through the SDK. */
import { createEvent, createTask, sendMessage } from '../../src/bitrix/actions';
import { createSandbox } from '../../src/sandbox';
import { installIntoSandbox } from '../helpers/sandbox-app';

describe('against src/sandbox', () => {
  it('installs via ONAPPINSTALL, then creates a task, an event and a message and reads them back', async () => {
    const sb = createSandbox({ leads: 100, seed: 1 });
    await sb.listen(0);
    const { store, clients, info, close } = await installIntoSandbox(sb, 1);
    try {
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
      close();
      await sb.close();
    }
  });
});
