#!/usr/bin/env node
// The `kb` command: runs the TypeScript CLI through tsx on the Node that npm put on PATH (Node 24).
import { register } from 'tsx/esm/api';
register();
await import('../api/cli/main.ts');
