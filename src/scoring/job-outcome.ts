/**
 * A training job's outcome as the job store keeps it: a code and numbers, never a sentence
 * ("not_enough_data closed=12 required=2000 success=5 failure=7"), so every page says it in its own
 * language (issue 17: "Обучение не удалось: not enough data …" on an English page). Readable in
 * logs as it is; `parseJobOutcome` reads it back.
 */

export type JobOutcomeCode = 'not_enough_data' | 'timeout' | 'no_model';

export interface JobOutcome {
  code: string;
  vars: Record<string, number>;
}

const CODE = /^[a-z][a-z_]{0,39}$/;
const VAR = /^([a-z][a-z_]{0,39})=(-?\d+(?:\.\d+)?)$/;

/** "not_enough_data closed=12 required=2000": a code and whole or decimal numbers. */
export function jobOutcome(code: JobOutcomeCode, vars: Record<string, number> = {}): string {
  const parts = Object.entries(vars).filter(([, v]) => Number.isFinite(v)).map(([k, v]) => `${k}=${v}`);
  return [code, ...parts].join(' ');
}

/** The code and numbers of a stored outcome; null for any other text (an exception's message). */
export function parseJobOutcome(message: string | undefined | null): JobOutcome | null {
  if (typeof message !== 'string' || message.length > 1000) return null;
  const [code, ...rest] = message.trim().split(/\s+/);
  if (!code || !CODE.test(code)) return null;
  const vars: Record<string, number> = Object.create(null);
  for (const p of rest) {
    const m = VAR.exec(p);
    if (!m) return null;
    vars[m[1]!] = Number(m[2]);
  }
  return { code, vars };
}

/** The refusal of a portal with too few closed records, with its counts. */
export const notEnoughData = (c: { closed: number; required: number; success: number; failure: number }): string =>
  jobOutcome('not_enough_data', { closed: c.closed, required: c.required, success: c.success, failure: c.failure });

/** True for a job whose outcome is that refusal (the scorer finishes it as done, the pages as failed). */
export const isNotEnoughData = (message: string | undefined | null): boolean => parseJobOutcome(message)?.code === 'not_enough_data';
