/**
 * `b24-assistant export-skills [--out skills] [--url PUBLIC_URL]`: writes the Dialogflow agent, Alice's
 * settings and the Bitrix24 manifest built from intents/*.yaml. Pushing the agent to Dialogflow
 * needs Google credentials and @google-cloud/dialogflow, which this build does not carry: import
 * `skills/google/agent` zipped ("Export and Import → Restore from ZIP").
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from './args';
import { loadTexts } from '../dialog/texts';
import { buildSkillFiles } from '../channels/skills';

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const out = path.resolve(args.get('out') ?? path.join(__dirname, '..', '..', 'skills'));
  const url = args.get('url') ?? process.env.PUBLIC_URL ?? 'https://assistant.example.com';
  const files = buildSkillFiles(loadTexts(), url);
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(out, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(content, null, 2) + '\n');
  }
  process.stdout.write(`wrote ${Object.keys(files).length} files into ${out} (webhooks at ${url})\n`);
  return 0;
}
