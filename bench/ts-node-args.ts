/** How a bench runs a TypeScript file in a process of its own: as `npm start` runs the server,
 *  through bin/ts-register.js (tsc's output, compiled on first load and cached). */
import path from 'node:path';

export const TS_REGISTER = path.resolve(__dirname, '..', 'bin', 'ts-register.js');

/** node's arguments before the file (the V8 flag as bin/ts-register.js explains): `spawn(process.execPath, [...TS_NODE_ARGS, file, ...args])`. */
export const TS_NODE_ARGS: readonly string[] = ['--no-regexp-tier-up', '-r', TS_REGISTER];
