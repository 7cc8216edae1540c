/** `b24-assistant serve` (`npm start`): the server on the configuration from the environment. */
import { loadConfig, listenHost, ConfigError } from '../config';
import { isLoopback, startRuntime } from '../runtime';

export async function run(_argv: string[]): Promise<number> {
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
  return 0;
}
