#!/usr/bin/env node
// Entpoort's command line. The sources are TypeScript, run directly by Node 24's type stripping.
import { main } from '../src/cli/main.ts';

process.exitCode = await main(process.argv.slice(2));
