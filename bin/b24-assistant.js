#!/usr/bin/env node
// The installed command: runs the TypeScript entry in one node process through bin/ts-register.js
// (the compiler's own output, cached; no build step), and forwards signals so one sent to this
// process reaches the server.
const { spawn } = require('node:child_process');
const path = require('node:path');
const child = spawn(process.execPath, ['--no-regexp-tier-up', '-r', path.join(__dirname, 'ts-register.js'), path.join(__dirname, '..', 'src', 'main.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + (require('node:os').constants.signals[signal] ?? 0) : 1)));
