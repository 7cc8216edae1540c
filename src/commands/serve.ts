/** `b24-assistant serve` (`npm start`): the server on the configuration from the environment. */
import { loadConfig, listenHost, ConfigError, isSandboxMode } from '../config';
import { isClusterWorker, superviseCluster } from './cluster';
import { parseArgs, UsageError, type OptionSpec } from './args';

export const usage = `usage: b24-assistant serve [--cluster N]
  Runs the server on the configuration from the environment (README: Configuration).
  Without B24_CLIENT_ID it runs in sandbox mode with a built-in portal (one process only).
  --cluster N   N server processes on this machine sharing PORT (node's cluster); a process
                that dies is started again. Needs a configured app (B24_CLIENT_ID).
`;
export const options: OptionSpec = { values: ['cluster'] };

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, options);
  const processes = args.has('cluster') ? Number(args.get('cluster')) : 0;
  if (args.has('cluster') && (!Number.isInteger(processes) || processes < 1 || processes > 64)) throw new UsageError(`--cluster must be a whole number from 1 to 64, got "${args.get('cluster')}"`);
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (processes && !isClusterWorker()) {
    // The sandbox portal lives inside the server process and keeps its state there: one process only.
    if (isSandboxMode(config)) {
      process.stderr.write('serve --cluster: sandbox mode runs as one process; configure an app (B24_CLIENT_ID, B24_CLIENT_SECRET) to run several\n');
      return 2;
    }
    return superviseCluster({ processes });
  }
  // Loaded here, not at the top, so `serve --help` answers without loading the server.
  const { isLoopback, startRuntime } = await import('../runtime');
  const rt = await startRuntime(config);
  const lines = [`b24-assistant listening on ${rt.url} (data in ${config.DATA_DIR})`, `  health:   ${rt.url}/healthz`];
  if (rt.sandbox) {
    const info = rt.sandbox.info();
    lines.push(
      `  sandbox portal (no Bitrix24 app configured): ${rt.url}/sandbox/rest/`,
      `  sandbox incoming webhook: ${info.webhook}`,
      `  sandbox portal ${info.memberId}: app installed, bots registered`,
      isLoopback(listenHost(config))
        ? `  bound to ${listenHost(config)} only: the console and demo pages act as any user (set HOST to expose them)`
        : `  WARNING: bound to ${listenHost(config)}: anyone who reaches this server can act as any sandbox user`,
    );
  }
  process.stdout.write(lines.join('\n') + '\n');
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await rt.close();
  // A cluster worker's channel to the primary would keep the process alive after the server is closed.
  if (isClusterWorker()) process.disconnect?.();
  return 0;
}
