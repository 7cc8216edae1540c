/**
 * `b24-assistant parse`: the parser from the command line.
 *   parse "TEXT" [--now ISO] [--tz ZONE] [--directory FILE] [--lang ru|en] [--json]
 *   parse --jsonl --directory FILE   (JSON lines {"id","text","now","tz","lang"?} in, {"id","intent","slots"} out)
 * `now` is the wall-clock time in `tz` ("2026-11-26T10:00"), as the corpora write it; an ISO
 * string with an offset or Z is taken as that instant.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { parseArgs, UsageError, type OptionSpec } from './args';
import { createParser } from '../nlu';
import type { Directory, Lang, ParseContext } from '../nlu/types';
import { instantOfWallTime, isValidTimeZone, parseWallTime } from '../nlu/clock';

const DEFAULT_TZ = 'Europe/Moscow';

export function resolveNow(now: string | undefined, tz: string): Date {
  if (!now) return new Date();
  if (/[zZ]$|[+-]\d{2}:?\d{2}$/.test(now)) {
    const d = new Date(now);
    if (!Number.isNaN(d.getTime())) return d;
  }
  const wall = parseWallTime(now);
  if (!wall) throw new Error(`cannot read the time "${now}" (expected e.g. 2026-11-26T10:00)`);
  return instantOfWallTime(wall, tz);
}

export function readDirectory(file: string | undefined): Directory {
  if (!file) return { self: 1, users: [] };
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`cannot read the directory ${file}: ${(e as Error).message}`);
  }
  const d = data as Directory;
  if (!d || !Array.isArray(d.users)) throw new Error(`directory ${file} has no "users" list`);
  return { self: Number(d.self ?? 0), timeZone: d.timeZone, users: d.users };
}

export const usage = `usage: b24-assistant parse "TEXT" [--now 2026-11-26T10:00] [--tz Europe/Moscow] [--directory FILE] [--lang ru|en] [--json] [--trace]
       b24-assistant parse --jsonl [--directory FILE]   (JSON lines {"id","text","now","tz","lang"?} on stdin)
`;
export const options: OptionSpec = { flags: ['jsonl', 'json', 'trace'], values: ['directory', 'now', 'tz', 'lang'] };

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, options);
  const langArg = args.get('lang');
  if (langArg !== undefined && langArg !== 'ru' && langArg !== 'en') throw new UsageError(`--lang must be ru or en, got "${langArg}"`);
  const directory = readDirectory(args.get('directory'));
  const parser = await createParser();

  if (args.has('jsonl')) {
    const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
    const out: string[] = [];
    const flush = () => {
      if (out.length) process.stdout.write(out.join(''));
      out.length = 0;
    };
    let line = 0;
    for await (const raw of rl) {
      line++;
      if (!raw.trim()) continue;
      let id: unknown = null;
      try {
        const req = JSON.parse(raw) as { id?: unknown; text?: unknown; now?: string; tz?: string; lang?: Lang };
        id = req.id ?? null;
        const tz = req.tz && isValidTimeZone(req.tz) ? req.tz : directory.timeZone ?? DEFAULT_TZ;
        const ctx: ParseContext = { now: resolveNow(req.now, tz), timeZone: tz, directory };
        if (req.lang === 'ru' || req.lang === 'en') ctx.lang = req.lang;
        const r = parser.parse(typeof req.text === 'string' ? req.text : '', ctx);
        out.push(JSON.stringify({ id, intent: r.intent, slots: r.slots }) + '\n');
      } catch (e) {
        out.push(JSON.stringify({ id, intent: 'unknown', slots: {}, error: `line ${line}: ${(e as Error).message}` }) + '\n');
      }
      if (out.length >= 256) flush();
    }
    flush();
    return 0;
  }

  const text = args.positionals.join(' ');
  if (!text) {
    process.stderr.write(usage);
    return 2;
  }
  const tz = args.get('tz') ?? directory.timeZone ?? DEFAULT_TZ;
  if (!isValidTimeZone(tz)) {
    process.stderr.write(`unknown time zone "${tz}"\n`);
    return 2;
  }
  const lang = args.get('lang');
  const ctx: ParseContext = { now: resolveNow(args.get('now'), tz), timeZone: tz, directory };
  if (lang === 'ru' || lang === 'en') ctx.lang = lang;
  const r = parser.parse(text, ctx);
  if (args.has('json')) {
    process.stdout.write(JSON.stringify({ intent: r.intent, slots: r.slots }) + '\n');
  } else {
    process.stdout.write(`intent: ${r.intent}  (${r.lang})\n`);
    for (const [k, v] of Object.entries(r.slots)) process.stdout.write(`  ${k}: ${JSON.stringify(v)}\n`);
    if (args.has('trace') && r.trace) process.stdout.write(`  trace: ${r.trace.join(', ')}\n`);
  }
  return 0;
}
