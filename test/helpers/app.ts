/**
 * The whole app without a port, for tests that only send requests: services built on a temporary
 * DATA_DIR and `createApp` over them, driven through supertest. Nothing listens, so the sandbox
 * portal has not installed the app: tests that need the portal's side use `startTestRuntime`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import type { Logger } from 'pino';
import { loadConfig } from '../../src/config';
import { createApp } from '../../src/server';
import { buildServices, createLogger, type Services } from '../../src/services';

export interface TestApp {
  app: Express;
  services: Services;
  dir: string;
  stop(): Promise<void>;
}

export async function buildTestApp(env: Record<string, string> = {}, opts: { sandboxLeads?: number; log?: Logger } = {}): Promise<TestApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b24-app-'));
  const services = await buildServices(loadConfig({ DATA_DIR: dir, ...env }), { log: opts.log ?? createLogger('silent'), sandboxLeads: opts.sandboxLeads ?? 50 });
  return {
    app: createApp(services),
    services,
    dir,
    async stop() {
      await services.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
