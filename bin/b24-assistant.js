#!/usr/bin/env node
// The installed command: runs the TypeScript entry through tsx, so no build step is needed.
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const tsx = require.resolve('tsx/cli');
const r = spawnSync(process.execPath, [tsx, path.join(__dirname, '..', 'src', 'main.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
