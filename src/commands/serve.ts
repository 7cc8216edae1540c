import fs from 'node:fs';
import { loadConfig } from '../config';
import { createApp } from '../server';

export async function run(_argv: string[]): Promise<number> {
  const config = loadConfig();
  fs.mkdirSync(config.DATA_DIR, { recursive: true });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const version = (require('../../package.json') as { version: string }).version;
  const app = createApp({ version });
  await new Promise<void>((resolve, reject) => {
    const server = app.listen(config.PORT, config.HOST, () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : config.PORT;
      process.stdout.write(`b24-assistant listening on http://127.0.0.1:${port} (data in ${config.DATA_DIR})\n`);
    });
    server.on('error', reject);
    const stop = () => server.close(() => resolve());
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
