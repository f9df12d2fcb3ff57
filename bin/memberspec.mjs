#!/usr/bin/env node
// Entry point of `npx memberspec`: registers tsx so the TypeScript sources run as they are.
import { register } from 'tsx/esm/api';

register();
const { runAndExit } = await import('../cli/main.ts');
await runAndExit(process.argv.slice(2));
