/**
 * `b24-assistant worker`: takes training jobs from the BullMQ queue on Redis (REDIS_URL) and trains
 * portals' models, recording progress in the store. Portals are reached with the stored installs and
 * the app's credentials (in sandbox mode, the sandbox app's, kept in DATA_DIR by the server).
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, isSandboxMode } from '../config';
import { parseArgs, type OptionSpec } from './args';

export const usage = `usage: b24-assistant worker
  Takes training jobs from the BullMQ queue on REDIS_URL and trains portals' models.
`;
export const options: OptionSpec = {};

export async function run(argv: string[]): Promise<number> {
  parseArgs(argv, options);
  const config = loadConfig();
  if (!config.REDIS_URL) {
    process.stderr.write('worker needs REDIS_URL: without Redis the server trains models in its own process\n');
    return 2;
  }
  // Loaded here, not at the top, so `worker --help` answers without loading the queue and the store.
  const [{ openConfiguredStore }, { PortalClients }, { portalCrmSource }, { createPortalScorer }, { pooledMembers }, { createBullWorker }, { createLogger }] = await Promise.all([
    import('../store'),
    import('../bitrix/client'),
    import('../bitrix/crm-source'),
    import('../scoring/portal-scorer'),
    import('../scoring/pooled'),
    import('../scoring/queue'),
    import('../log'),
  ]);
  const log = createLogger(config.LOG_LEVEL);
  const store = await openConfiguredStore(config);
  const app = isSandboxMode(config)
    ? (JSON.parse(fs.readFileSync(path.join(config.DATA_DIR, 'sandbox-app.json'), 'utf8')) as { clientId: string; clientSecret: string })
    : { clientId: config.B24_CLIENT_ID!, clientSecret: config.B24_CLIENT_SECRET! };
  const clients = new PortalClients({ installs: store.installs, locks: store.locks, app, log });
  const scorer = createPortalScorer({ crm: portalCrmSource(clients), models: store.models, minClosed: config.SCORING_MIN_CLOSED, retrainDays: config.SCORING_RETRAIN_DAYS, pooled: async () => pooledMembers(config.SCORING_POOLED, await store.installs.list()) });
  const worker = await createBullWorker(store.jobs, config.REDIS_URL, scorer.runner);
  process.stdout.write('worker: waiting for training jobs\n');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await worker.close();
  await store.close();
  return 0;
}
