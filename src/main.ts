/**
 * The `b24-assistant` command. Each subcommand lives in `src/commands/<name>.ts` and exports
 * `run(argv): Promise<number>` (the exit code). They are loaded lazily so that `parse` does not
 * pay for the server's dependencies and the server does not pay for the parser's dictionaries
 * before it needs them.
 */
import path from 'node:path';
import fs from 'node:fs';
import { parseArgs, UsageError, wantsHelp, type OptionSpec } from './commands/args';

/** What every `src/commands/<name>.ts` exports. */
interface CommandModule {
  run(argv: string[]): Promise<number>;
  usage?: string;
  options?: OptionSpec;
}

const commands: Record<string, { file: string; summary: string }> = {
  serve: { file: 'serve', summary: 'run the server (webhooks, pages, sandbox portal when unconfigured)' },
  parse: { file: 'parse', summary: 'parse utterances: parse "TEXT" | parse --jsonl --directory FILE' },
  sandbox: { file: 'sandbox', summary: 'run the sandbox Bitrix24 portal standalone' },
  train: { file: 'train', summary: 'train a scoring model from a CSV or a portal' },
  score: { file: 'score', summary: 'score CSV rows with a trained model' },
  'link-code': { file: 'link-code', summary: 'print a one-time voice linking code for a portal user' },
  worker: { file: 'worker', summary: 'run training queue workers' },
  'export-skills': { file: 'export-skills', summary: 'write the Alice, Google and Bitrix24 artefacts into skills/ (--push: restore the Dialogflow agent)' },
};

function usage(): string {
  const rows = Object.entries(commands)
    .filter(([, c]) => fs.existsSync(path.join(__dirname, 'commands', `${c.file}.ts`)))
    .map(([name, c]) => `  ${name.padEnd(14)} ${c.summary}`);
  return `usage: b24-assistant <command> [options]\n\ncommands:\n${rows.join('\n')}\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    // No command at all is a usage error (stderr, 2); asking for help is not.
    if (name) process.stdout.write(usage());
    else process.stderr.write(usage());
    return name ? 0 : 2;
  }
  const cmd = commands[name];
  if (!cmd) {
    process.stderr.write(`unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  const file = path.join(__dirname, 'commands', `${cmd.file}.ts`);
  if (!fs.existsSync(file)) {
    process.stderr.write(`command "${name}" is not available in this build\n`);
    return 2;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(file) as CommandModule;
  const help = mod.usage ?? `usage: b24-assistant ${name}\n  ${cmd.summary}\n`;
  // Help and bad arguments are answered before the command does anything (no server, no files).
  if (wantsHelp(rest)) {
    process.stdout.write(help);
    return 0;
  }
  try {
    parseArgs(rest, mod.options ?? {});
    return await mod.run(rest);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`${name}: ${e.message}\n${help}`);
    return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    // A command that leaves servers open (serve, sandbox, worker) resolves only when done.
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
