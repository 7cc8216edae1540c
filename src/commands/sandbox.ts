/**
 * `sandbox --port N [--leads K] [--seed S] [--data-dir D] [--webhook-code C] [--no-rate-limit]`:
 * runs the sandbox Bitrix24 portal standalone and prints one JSON line with its endpoints once
 * it listens (rest, webhook, oauth, clientId, clientSecret, memberId, domain). `--install URL`
 * then installs the app into a server's handler (ONAPPINSTALL from the admin, user 1), as a portal
 * administrator would, and adds the handler's status as `installed` (the server lists this portal in
 * B24_HTTP_PORTALS).
 */
import { parseArgs, type OptionSpec } from './args';
import { createSandbox } from '../sandbox';

function intFlag(value: string | undefined, name: string, min: number, max: number, dflt: number): number {
  if (value === undefined) return dflt;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}

export const usage = 'usage: b24-assistant sandbox --port N [--leads K] [--seed S] [--data-dir D] [--webhook-code C] [--client-id ID] [--client-secret S] [--host H] [--install HANDLER_URL] [--no-rate-limit]\n';
export const options: OptionSpec = { flags: ['no-rate-limit'], values: ['port', 'leads', 'seed', 'data-dir', 'webhook-code', 'client-id', 'client-secret', 'host', 'install'] };

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, options);
  let port: number, leads: number, seed: number;
  try {
    port = intFlag(args.get('port'), 'port', 0, 65535, 0);
    leads = intFlag(args.get('leads'), 'leads', 0, 500_000, 1000);
    seed = intFlag(args.get('seed'), 'seed', 0, 2 ** 31 - 1, 1);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 2;
  }
  const sandbox = createSandbox({
    leads, seed, dataDir: args.get('data-dir'), webhookCode: args.get('webhook-code') ?? process.env.SANDBOX_WEBHOOK_CODE,
    clientId: args.get('client-id'), clientSecret: args.get('client-secret'),
    rateLimit: args.has('no-rate-limit') ? false : undefined,
  });
  try {
    await sandbox.listen(port, args.get('host') ?? '127.0.0.1');
  } catch (e) {
    process.stderr.write(`sandbox: cannot listen on port ${port}: ${(e as Error).message}\n`);
    await sandbox.close();
    return 1;
  }
  const i = sandbox.info();
  const handler = args.get('install');
  const installed = handler ? { installed: (await sandbox.installApp(handler, 1)).status } : {};
  process.stdout.write(`${JSON.stringify({ rest: i.rest, webhook: i.webhook, oauth: i.oauth, clientId: i.clientId, clientSecret: i.clientSecret, memberId: i.memberId, domain: i.domain, ...installed })}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await sandbox.close();
  return 0;
}
