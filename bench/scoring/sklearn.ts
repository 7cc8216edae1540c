/** Runs bench/scoring/sklearn_ref.py with Debian's python3 and scikit-learn (installing it if missing). */
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';

const PYTHON = '/usr/bin/python3'; // Debian's, not a pyenv one: python3-sklearn lives there

export function ensureSklearn(): string {
  const probe = spawnSync(PYTHON, ['-c', 'import sklearn; print(sklearn.__version__)'], { encoding: 'utf8' });
  if (probe.status === 0) return probe.stdout.trim();
  process.stderr.write('scikit-learn missing: apt-get install -y python3-sklearn\n');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'python3-sklearn'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return execFileSync(PYTHON, ['-c', 'import sklearn; print(sklearn.__version__)'], { encoding: 'utf8' }).trim();
}

export interface SklearnJob {
  csv: string;
  sep: string;
  target: string;
  positive: string;
  kinds: Record<string, string>;
  numeric?: 'bins' | 'standard';
  test: number[] | null;
  dense?: boolean;
}
export interface SklearnResult {
  auc: number;
  /** On the test rows, of the plain (unbalanced) fit. */
  brier: number;
  ece: number;
  fitSeconds: number;
  iterations: number;
  features: number;
  testIndices: number[];
}

export function runSklearn(job: SklearnJob): SklearnResult {
  const out = execFileSync(PYTHON, [path.join(__dirname, 'sklearn_ref.py')], {
    input: JSON.stringify(job),
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return JSON.parse(out) as SklearnResult;
}
