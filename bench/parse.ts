/**
 * Parser throughput and latency over all public corpora, with the demo directory grown to 1,000
 * and 10,000 generated users, in one process after warm-up; start-up (dictionaries, grammars)
 * measured separately. Reference printed beside it: the same loop over a trivial tokenizer, the
 * floor any parser pays for reading its input.
 *   npm run bench -- parse      (or: npx tsx bench/parse.ts)
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createParser } from '../src/nlu';
import { resolveNow } from '../src/commands/parse';
import { tokenize } from '../src/nlu/tokens';
import type { Directory, ParseContext } from '../src/nlu/types';
import { generateDirectory, rng } from './directory-gen';

// The public corpora kept in the repository (test/corpus/README.md).
const shared = path.resolve(__dirname, '..', 'test', 'corpus');

interface Line { text: string; now?: string; tz?: string; lang?: 'ru' | 'en' }

function corpora(): Line[] {
  const out: Line[] = [];
  for (const f of ['seed.jsonl', 'extra.jsonl', 'peers-dates-ru.jsonl', 'peers-slurp-en.jsonl']) {
    const file = path.join(shared, f);
    if (!fs.existsSync(file)) continue;
    for (const l of fs.readFileSync(file, 'utf8').split('\n')) if (l.trim()) out.push(JSON.parse(l) as Line);
  }
  return out;
}

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function main() {
  const t0 = performance.now();
  const parser = await createParser();
  const startup = performance.now() - t0;
  const lines = corpora();
  const demo = JSON.parse(fs.readFileSync(path.join(shared, 'directory.json'), 'utf8')) as Directory;
  console.log(`start-up (dictionaries + grammars): ${startup.toFixed(0)} ms; ${lines.length} utterances from the public corpora`);

  for (const size of [1000, 10000]) {
    const dir = generateDirectory(size, 7, demo);
    const ctxs: ParseContext[] = lines.map((l) => {
      const tz = l.tz ?? 'Europe/Moscow';
      return { now: resolveNow(l.now ?? '2026-11-26T10:00', tz), timeZone: tz, directory: dir, ...(l.lang ? { lang: l.lang } : {}) };
    });
    const ti = performance.now();
    parser.parse('Поставь задачу на Сергея завтра', ctxs[0]!); // builds the directory's index
    const indexMs = performance.now() - ti;
    for (let w = 0; w < 5; w++) for (let i = 0; i < lines.length; i++) parser.parse(lines[i]!.text, ctxs[i]!);
    const lat: number[] = [];
    // Fifteen rounds (~25,000 parses, a few seconds): fewer let a busy second swing the figure.
    const rounds = 15;
    const tStart = performance.now();
    for (let r = 0; r < rounds; r++) {
      for (let i = 0; i < lines.length; i++) {
        const a = performance.now();
        parser.parse(lines[i]!.text, ctxs[i]!);
        lat.push(performance.now() - a);
      }
    }
    const total = performance.now() - tStart;
    lat.sort((a, b) => a - b);
    const n = rounds * lines.length;
    // Reference: tokenizing alone, the same loop.
    const rs = performance.now();
    for (let r = 0; r < rounds; r++) for (const l of lines) tokenize(l.text);
    const refTotal = performance.now() - rs;
    console.log(
      `${String(size).padStart(6)} users: ${((n / total) * 1000).toFixed(0)} utterances/s, p50 ${(pct(lat, 50) * 1000).toFixed(0)} µs, p99 ${(pct(lat, 99) * 1000).toFixed(0)} µs, directory index ${indexMs.toFixed(0)} ms` +
        `  | reference (tokenizer only): ${((n / refTotal) * 1000).toFixed(0)} utterances/s  | goal ≥ 10,000/s at 1,000 users`,
    );
  }
}

/** Latency on hostile inputs up to 10 KB (the bound: under 50 ms each). */
async function hostile() {
  const parser = await createParser();
  const demo = JSON.parse(fs.readFileSync(path.join(shared, 'directory.json'), 'utf8')) as Directory;
  const ctx: ParseContext = { now: new Date('2026-11-26T07:00:00Z'), timeZone: 'Europe/Moscow', directory: demo };
  const r = rng(5);
  const pieces = ['поставь задачу', 'на Сергея', 'завтра в 15', 'с 10 до 12', '«', ':', 'напиши', 'лид 12', '💥', 'ё', '12.12', 'через 2 часа', 'и', ','];
  const lat: number[] = [];
  for (let i = 0; i < 330; i++) {
    let s = '';
    const target = 1000 + Math.floor(r() * 9000);
    while (s.length < target) s += (r() < 0.5 ? pieces[Math.floor(r() * pieces.length)] : String.fromCharCode(32 + Math.floor(r() * 2000))) + ' ';
    const a = performance.now();
    parser.parse(s.slice(0, 10_000), ctx);
    if (i >= 30) lat.push(performance.now() - a); // the first 30 warm this input shape up
  }
  lat.sort((a, b) => a - b);
  console.log(`hostile input 1–10 KB: p50 ${pct(lat, 50).toFixed(2)} ms, p99 ${pct(lat, 99).toFixed(2)} ms, max ${lat[lat.length - 1]!.toFixed(2)} ms  | bound 50 ms (input is cut at 2,000 characters)`);
}

main().then(hostile).catch((e) => {
  console.error(e);
  process.exit(1);
});
