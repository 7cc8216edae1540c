/** The whole server on a temporary DATA_DIR and an ephemeral port, for integration tests. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { createLogger, startRuntime, type Runtime } from '../../src/runtime';

export interface TestRuntime {
  rt: Runtime;
  dir: string;
  stop(): Promise<void>;
}

export async function startTestRuntime(env: Record<string, string> = {}, sandboxLeads = 100): Promise<TestRuntime> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b24-test-'));
  const rt = await startRuntime(loadConfig({ DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', ...env }), { log: createLogger('silent'), sandboxLeads });
  return {
    rt,
    dir,
    async stop() {
      await rt.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
