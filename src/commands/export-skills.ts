/**
 * `b24-assistant export-skills [--out skills] [--url PUBLIC_URL]
 *   [--push [--project ID] [--credentials FILE] [--location LOC] [--endpoint URL]]`:
 * writes the Dialogflow agent (unzipped, and as `google/agent.zip` for "Restore from ZIP"),
 * Alice's settings and the Bitrix24 manifest built from intents/*.yaml. With `--push` it then
 * replaces the Dialogflow ES agent of the Google Cloud project with that ZIP through
 * @google-cloud/dialogflow (see src/channels/dialogflow-push.ts for credentials and errors).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, type OptionSpec } from './args';
import { loadTexts } from '../dialog/texts';
import { buildSkillFiles, agentZip, fileText } from '../channels/skills';
import { pushAgent, resolvePushSettings, PushError, redactSecrets, type AgentsClientFactory } from '../channels/dialogflow-push';

export const usage = `usage: b24-assistant export-skills [--out DIR] [--url PUBLIC_URL]
         [--push [--project ID] [--credentials FILE] [--location LOC] [--endpoint URL]]
`;
export const options: OptionSpec = { flags: ['push'], values: ['out', 'url', 'project', 'credentials', 'location', 'endpoint'] };

export async function run(argv: string[], deps: { factory?: AgentsClientFactory; pollMs?: number } = {}): Promise<number> {
  const args = parseArgs(argv, options);
  const out = path.resolve(args.get('out') ?? path.join(__dirname, '..', '..', 'skills'));
  const url = args.get('url') ?? process.env.PUBLIC_URL ?? 'https://assistant.example.com';
  const files = buildSkillFiles(loadTexts(), url);
  const zip = agentZip(files);
  const write = (rel: string, content: string | Buffer) => {
    const file = path.join(out, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  };
  for (const [rel, content] of Object.entries(files)) write(rel, fileText(content));
  write('google/agent.zip', zip);
  process.stdout.write(`wrote ${Object.keys(files).length + 1} files into ${out} (webhooks at ${url})\n`);
  if (!args.has('push')) return 0;

  try {
    const settings = resolvePushSettings({
      project: args.get('project'),
      credentials: args.get('credentials'),
      location: args.get('location'),
      endpoint: args.get('endpoint'),
    });
    const result = await pushAgent(settings, zip, {
      factory: deps.factory,
      pollMs: deps.pollMs,
      log: (line) => process.stdout.write(`${line}\n`),
    });
    process.stdout.write(
      `pushed: the Dialogflow agent of ${result.parent} now has the ${Object.keys(files).filter((f) => f.startsWith('google/agent/intents/') && !f.includes('_usersays_')).length} intents of this export (webhook ${url.replace(/\/+$/, '')}/webhook/dialogflow). ` +
        `The operation ends with the restore, not with training: if the agent's automatic training is off, train it in the console.\n`,
    );
    return 0;
  } catch (err) {
    const message = err instanceof PushError ? err.message : redactSecrets(err instanceof Error ? err.message : String(err));
    process.stderr.write(`push failed: ${message}\n`);
    return 1;
  }
}
