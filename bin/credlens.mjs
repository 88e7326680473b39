#!/usr/bin/env node
// Runs the TypeScript CLI straight from the checkout (no build step between `npm ci` and use).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./cli.ts');
process.exitCode = await main(process.argv.slice(2));
