/**
 * The dialogue and the portal actions as the server runs them: counted in the metrics and logged one
 * line each (portal, channel or action, duration, outcome) — never what was said.
 */
import type { Logger } from 'pino';
import type { Dialog, PortalActions } from './dialog/types';
import { countCalls, own, type Metrics } from './metrics';

/** Each turn counted by channel and intent, and one log line without what was said. */
export function observedDialog(log: Pick<Logger, 'info'>, metrics: Metrics, dialog: Dialog): Dialog {
  return {
    async handle(turn) {
      const t0 = Date.now();
      try {
        const reply = await dialog.handle(turn);
        const intent = reply.parse?.intent ?? 'none';
        metrics.turns.inc(own({ channel: turn.channel, intent }));
        log.info({ channel: turn.channel, portal: turn.account?.memberId, intent, ms: Date.now() - t0, outcome: 'answered' }, 'turn');
        return reply;
      } catch (e) {
        metrics.turns.inc(own({ channel: turn.channel, intent: 'error' }));
        log.info({ channel: turn.channel, portal: turn.account?.memberId, ms: Date.now() - t0, outcome: 'error' }, 'turn');
        throw e;
      }
    },
  };
}

/** Each portal action counted by name and outcome; the writes and scores logged (portal, duration, outcome). */
export function observedActions(log: Pick<Logger, 'info'>, metrics: Metrics, actions: PortalActions): PortalActions {
  return countCalls(actions, (action, outcome, ms, args) => {
    metrics.actions.inc(own({ action, outcome }));
    if (action === 'directory') return;
    const account = args[0] as { memberId?: unknown } | undefined;
    log.info({ action, portal: typeof account?.memberId === 'string' ? account.memberId : undefined, ms, outcome }, 'portal action');
  });
}
