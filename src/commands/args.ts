/** A tiny argument reader shared by the subcommands: `--name value`, `--flag`, positionals. */
export interface Args {
  positionals: string[];
  get(name: string): string | undefined;
  has(name: string): boolean;
}

export function parseArgs(argv: string[], flags: readonly string[] = []): Args {
  const values = new Map<string, string>();
  const present = new Set<string>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      present.add(name);
      if (eq > 0) values.set(name, a.slice(eq + 1));
      else if (!flags.includes(name) && i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) values.set(name, argv[++i]!);
    } else positionals.push(a);
  }
  return { positionals, get: (n) => values.get(n), has: (n) => present.has(n) };
}
