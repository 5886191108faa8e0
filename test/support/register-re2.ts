// Every test file runs as a program that imported 'ahrefs-where/re2': re2js is the RE2 engine.
import '../../src/re2.js';
