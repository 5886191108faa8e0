#!/usr/bin/env node
// A minimal entry that starts only the language server (`npx tsx src/cli/lsp-main.ts`), for tests and editor setups without the CLI build.
import { runLanguageServer } from './lsp.js';

runLanguageServer();
