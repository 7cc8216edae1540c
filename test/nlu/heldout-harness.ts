/**
 * Runs the held-out sets (test/nlu/heldout-*.jsonl) through the parser in-process and scores the
 * answers with the corpus scorer (test/corpus/nlu-eval.mjs --answers), so the comparison rules
 * are exactly those of the public corpora. A line may name its directory ("directory":
 * "directory-2" → test/nlu/fixtures/directory-2.json; default: the demo portal of test/corpus
 * corpus) and the intent the dialogue is asking about ("expecting", for corrections).
 *
 *   npx tsx test/nlu/heldout-harness.ts [--intents-only] [FILE…]   # prints the failures (FILE: here or a path)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createParser, type Parser } from '../../src/nlu';
import { readDirectory, resolveNow } from '../../src/commands/parse';
import type { Directory, IntentName } from '../../src/nlu/types';
import { CORPUS_DIR, SCORER } from '../helpers/data';

/** The corpora and the scorer, kept in the repository (test/corpus; see test/helpers/data.ts). */
export { CORPUS_DIR };
const HERE = __dirname;

interface Line {
  id: string;
  text: string;
  now?: string;
  tz?: string;
  directory?: string;
  expecting?: IntentName;
}

export interface Score {
  utterances: number;
  right: number;
  rate: number;
  failures: { id: string; text: string; problems: string[] }[];
}

const directories = new Map<string, Directory>();
function directoryOf(name: string | undefined): Directory {
  const file = name ? path.join(HERE, 'fixtures', `${name}.json`) : path.join(CORPUS_DIR, 'directory.json');
  let d = directories.get(file);
  if (!d) directories.set(file, (d = readDirectory(file)));
  return d;
}

export function answers(parser: Parser, lines: Line[]): string {
  return lines
    .map((l) => {
      const tz = l.tz ?? 'Europe/Moscow';
      const r = parser.parse(l.text, {
        now: resolveNow(l.now ?? '2026-11-26T10:00', tz),
        timeZone: tz,
        directory: directoryOf(l.directory),
        ...(l.expecting ? { expecting: l.expecting } : {}),
      });
      return JSON.stringify({ id: l.id, intent: r.intent, slots: r.slots });
    })
    .join('\n');
}

export function scoreFile(parser: Parser, file: string, intentsOnly = false): Score {
  const corpus = path.resolve(HERE, file);
  const lines = fs.readFileSync(corpus, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Line);
  const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'heldout-')), 'answers.jsonl');
  fs.writeFileSync(tmp, answers(parser, lines) + '\n');
  const r = spawnSync(process.execPath, [SCORER, '--corpus', corpus, '--answers', tmp, '--json', ...(intentsOnly ? ['--intents-only'] : [])], { encoding: 'utf8' });
  fs.rmSync(path.dirname(tmp), { recursive: true, force: true });
  const res = JSON.parse(r.stdout.trim().split('\n').pop()!) as Score;
  return res;
}

if (require.main === module) {
  void (async () => {
    const parser = await createParser();
    const intentsOnly = process.argv.includes('--intents-only');
    const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
    for (const f of files.length ? files : ['heldout-ru.jsonl', 'heldout-en.jsonl']) {
      const s = scoreFile(parser, f, intentsOnly);
      for (const x of s.failures) console.log(`✗ ${x.id}: ${x.text}\n    ${x.problems.join('\n    ')}`);
      console.log(`${f}: ${s.right}/${s.utterances} (${(100 * s.rate).toFixed(1)}%)`);
    }
  })();
}
