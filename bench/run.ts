/** `npm run bench -- NAME`: runs bench/NAME.ts (or bench/NAME/run.ts). Benchmarks are never part of npm test. */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { TS_NODE_ARGS } from './ts-node-args';

const name = process.argv[2];
const candidates = name ? [path.join(__dirname, `${name}.ts`), path.join(__dirname, name, 'run.ts')] : [];
const file = candidates.find((f) => fs.existsSync(f));
if (!file) {
  const list = fs.readdirSync(__dirname).filter((f) => !['run.ts', 'directory-gen.ts', 'ts-node-args.ts'].includes(f)).map((f) => f.replace(/\.ts$/, ''));
  console.error(`usage: npm run bench -- <name>\navailable: ${list.join(', ')}`);
  process.exit(2);
}
const r = spawnSync(process.execPath, [...TS_NODE_ARGS, file, ...process.argv.slice(3)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
