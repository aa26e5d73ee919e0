#!/usr/bin/env node
// The `kb` command: runs the TypeScript CLI through tsx on the Node that npm put on PATH (Node 24).
import { setFlagsFromString } from 'node:v8';
import { register } from 'tsx/esm/api';

// Same as `npm run kb`: a smaller young generation keeps a big import's peak memory low (bench/results/import.md).
setFlagsFromString('--max-semi-space-size=8');
register();
await import('./cli/main.ts');
