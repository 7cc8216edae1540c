/**
 * The one place tests find their data. Everything a test reads is in the repository
 * (test/corpus/, copied from the project's shared corpus with its sources named in
 * test/corpus/README.md), so a fresh clone tests with nothing beside it.
 */
import path from 'node:path';

/** test/corpus: the public corpora, the demo directory and the corpus scorer. */
export const CORPUS_DIR = path.resolve(__dirname, '..', 'corpus');

/** A file of test/corpus by name ("seed.jsonl", "directory.json"). */
export const corpusFile = (name: string): string => path.join(CORPUS_DIR, name);

/** The scorer the public corpora are graded with (a copy of the shared nlu-eval.mjs). */
export const SCORER = corpusFile('nlu-eval.mjs');
