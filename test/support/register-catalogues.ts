// Every endpoint's name resolves in the tests, as in a program that imports
// `ahrefs-where/catalogues` (test/catalogue/named.test.ts covers the root without it).
import '../../src/catalogues.js';
