'use strict';
// Runs the TypeScript sources as the TypeScript compiler itself emits them (CommonJS, the options of
// tsconfig.json), file by file on first require, with no build step and no dist/ to keep in step:
//   node --no-regexp-tier-up -r ./bin/ts-register.js src/main.ts serve
// (--no-regexp-tier-up: regular expressions compiled to machine code at once. With V8's default,
// interpreted first and tiered up later, a parser that had served ordinary commands took three
// times as long on 1–10 KB junk, p50 30 ms against 10 ms in `npm run bench -- parse`, and the same
// on ordinary ones. A V8 flag belongs on the command line: set from inside a running VM its effect is
// undefined, so every launcher here passes it: package.json, bin/b24-assistant.js, the Dockerfile,
// bench/ts-node-args.ts.)
// tsx (esbuild) emits exports as getters and wraps functions for their names; the same parser runs
// about a fifth faster from tsc's output (docs/nlu-heldout.md, "speed"), so `npm start` and the
// benchmarks load it this way. Each file's output is cached under node_modules/.cache by the hash of
// its source and the compiler's version and options, so a restart compiles only what changed.
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');

const ts = require('typescript');

const root = path.resolve(__dirname, '..');
const config = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
const { options } = ts.convertCompilerOptionsFromJson(config.config.compilerOptions ?? {}, root);
const compilerOptions = { ...options, module: ts.ModuleKind.CommonJS, noEmit: false, sourceMap: false, inlineSourceMap: true, inlineSources: false, declaration: false };
const cacheDir = path.join(root, 'node_modules', '.cache', 'b24-assistant-ts');
const salt = `${ts.version}\0${JSON.stringify(compilerOptions)}`;

function compile(source, file) {
  const key = crypto.createHash('sha1').update(salt).update('\0').update(file).update('\0').update(source).digest('hex');
  const cached = path.join(cacheDir, `${key}.js`);
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    // not compiled yet
  }
  const out = ts.transpileModule(source, { compilerOptions, fileName: file, reportDiagnostics: false }).outputText;
  try {
    fs.mkdirSync(cacheDir, { recursive: true });
    // Written aside and renamed, so a process started at the same time never reads half a file.
    const tmp = `${cached}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, out);
    fs.renameSync(tmp, cached);
  } catch {
    // A read-only install still runs; it compiles on every start.
  }
  return out;
}

// Stack traces point into the .ts sources (the output carries its source map inline).
process.setSourceMapsEnabled(true);



require.extensions['.ts'] = function loadTs(module, filename) {
  module._compile(compile(fs.readFileSync(filename, 'utf8'), filename), filename);
};

// `node bin/ts-register.js --precompile DIR…`: every .ts file under the folders into the cache (an
// image does this once at build time, so its containers start without compiling).
if (require.main === module) {
  const dirs = process.argv.slice(2).filter((a) => a !== '--precompile');
  if (!process.argv.includes('--precompile') || dirs.length === 0) {
    console.error('usage: node bin/ts-register.js --precompile DIR…');
    process.exit(2);
  }
  let n = 0;
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) {
        compile(fs.readFileSync(p, 'utf8'), path.resolve(p));
        n++;
      }
    }
  };
  for (const d of dirs) walk(path.resolve(d));
  console.log(`compiled ${n} files into ${path.relative(process.cwd(), cacheDir) || cacheDir}`);
}
