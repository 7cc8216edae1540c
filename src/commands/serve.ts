/** `b24-assistant serve` (`npm start`): the server on the configuration from the environment. */
import { loadConfig, ConfigError } from '../config';
import { parseArgs, type OptionSpec } from './args';

export const usage = `usage: b24-assistant serve
  Runs the server on the configuration from the environment (README: Configuration).
  Without B24_CLIENT_ID it runs in sandbox mode with a built-in portal.
`;
export const options: OptionSpec = {};

export async function run(argv: string[]): Promise<number> {
  parseArgs(argv, options);
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
  // Loaded here, not at the top, so `serve --help` answers without loading the server.
  const { startRuntime } = await import('../runtime');
  const rt = await startRuntime(config);
  const lines = [`b24-assistant listening on ${rt.url} (data in ${config.DATA_DIR})`, `  health:   ${rt.url}/healthz`];
  if (rt.sandbox) {
    const info = rt.sandbox.info();
    lines.push(
      `  sandbox portal (no Bitrix24 app configured): ${rt.url}/sandbox/rest/`,
      `  sandbox incoming webhook: ${info.webhook}`,
      `  sandbox portal ${info.memberId}: app installed, bots registered`,
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
