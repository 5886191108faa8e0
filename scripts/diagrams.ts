/**
 * Writes docs/grammar-diagrams.html: railroad diagrams of the filter grammar,
 * generated from the Chevrotain parser itself so they cannot drift from it.
 *
 * Run with `npm run diagrams` (or `npx tsx scripts/diagrams.ts`).
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSyntaxDiagramsCode } from 'chevrotain';
import { FilterParser } from '../src/syntax/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(root, 'docs/grammar-diagrams.html');
// A validating parser: the diagrams are only written for a grammar Chevrotain accepts.
const parser = new FilterParser(true);
writeFileSync(out, createSyntaxDiagramsCode(parser.getSerializedGastProductions()));
console.log(`Wrote ${out}`);
