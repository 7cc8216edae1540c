/**
 * The argument reader every subcommand uses: `--name value`, `--name=value`, `--flag`,
 * positionals. Strict, so a mistyped or unsupported option is an error and never silently
 * ignored (`train --prior x.json` on a build without priors must not train as if it were absent).
 */
export interface Args {
  positionals: string[];
  get(name: string): string | undefined;
  has(name: string): boolean;
}

/** What a command accepts: flags stand alone, values take the next word or `=value`. */
export interface OptionSpec {
  flags?: readonly string[];
  values?: readonly string[];
  /** Options whose value may be left out (`train --portal` alone means the only portal). */
  optionalValues?: readonly string[];
}

/** Bad arguments: the command prints this with its usage on stderr and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** True when the arguments ask for help: `--help` or `-h` anywhere. */
export const wantsHelp = (argv: readonly string[]): boolean => argv.includes('--help') || argv.includes('-h');

export function parseArgs(argv: readonly string[], spec: OptionSpec = {}): Args {
  const flags = new Set(spec.flags ?? []);
  const valued = new Set(spec.values ?? []);
  const optional = new Set(spec.optionalValues ?? []);
  const values = new Map<string, string>();
  const present = new Set<string>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('--') || a.length === 2) {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (flags.has(name)) {
      if (eq > 0) throw new UsageError(`--${name} takes no value`);
    } else if (valued.has(name) || optional.has(name)) {
      if (eq > 0) values.set(name, a.slice(eq + 1));
      else if (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) values.set(name, argv[++i]!);
      else if (valued.has(name)) throw new UsageError(`--${name} needs a value`);
    } else throw new UsageError(`unknown option --${name}`);
    present.add(name);
  }
  return { positionals, get: (n) => values.get(n), has: (n) => present.has(n) };
}
