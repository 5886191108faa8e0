/**
 * The language's vocabulary: its words, operator spellings, the name rule and
 * quoting, and the date grammar. The bottom of the pipeline: it imports
 * nothing, and every stage that reads or writes text imports it.
 */
export * from './words.js';
export * from './names.js';
export * from './dates.js';
export * from './describe.js';
