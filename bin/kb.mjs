#!/usr/bin/env node
// The `kb` command: runs the TypeScript CLI through tsx on the Node that npm put on PATH (Node 24).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// Same as `npm run kb`: a smaller young generation keeps a big import's peak memory low (bench/results/import.md).
// V8 sizes it when the process starts (v8.setFlagsFromString() here changed nothing: 295 against 190 MB peak on a
// 5,000-row import), so the CLI runs in a process of its own started with the flag.
const FLAG = '--max-semi-space-size=8';

if (process.execArgv.includes(FLAG)) {
  register();
  await import('./cli/main.ts');
} else {
  const child = spawn(process.execPath, [FLAG, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  // Ctrl-C reaches both through the terminal; a signal sent to this process alone is passed on.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    if (code !== null) process.exit(code);
    // Ended by a signal: end the same way (the handler above would only pass it on again).
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  });
}
