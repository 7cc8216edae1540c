/**
 * Steps composed the way grammY composes middleware: each step gets the context and `next`, and
 * either answers (returns a reply) or passes on (returns `next()`), possibly looking at the reply
 * the later steps made before handing it back.
 */
import type { Reply } from './types';

export type Step<C> = (c: C, next: () => Promise<Reply>) => Promise<Reply> | Reply;

/** Named so a trace or a test can say which step answered. */
export interface NamedStep<C> {
  name: string;
  run: Step<C>;
}

export function compose<C>(steps: readonly NamedStep<C>[], last: (c: C) => Promise<Reply>): (c: C) => Promise<Reply> {
  return (c) => {
    const at = (i: number): Promise<Reply> => (i < steps.length ? Promise.resolve().then(() => steps[i]!.run(c, () => at(i + 1))) : last(c));
    return at(0);
  };
}
