#!/usr/bin/env node
// Entry point of `npx memberspec`. An installed package runs the compiled JavaScript in dist/, with no
// transpiling at start-up. A checkout (the TypeScript sources are here) runs them through tsx, so that
// what runs is always what is checked out, never a dist/ left from an earlier build. Either way it is
// this one node process: no child process to pass signals to.
import { existsSync } from 'node:fs';

const checkout = existsSync(new URL('../cli/main.ts', import.meta.url));
if (checkout) (await import('tsx/esm/api')).register();
const { runAndExit } = await import(checkout ? '../cli/main.ts' : '../dist/cli/main.js');
await runAndExit(process.argv.slice(2));
