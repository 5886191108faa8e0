/**
 * A step-counting model of a backtracking regex engine (the matcher of
 * ECMAScript §22.2.2, as V8's irregexp runs it): the admitted tree of a
 * translated pattern (src/semantics/regex-translate.ts) compiled to the
 * usual backtracking program (`char`, `assert`, `split` with priority,
 * `jmp`, `match`), run with an explicit backtrack stack from each start
 * position in turn (or from 0 alone for a sticky search). `steps` counts
 * every instruction executed, across all attempts: the work V8 does, up to
 * a constant factor, which V8 itself cannot report.
 */
import type { Ranges } from '../../src/semantics/regex-charset.js';
import type { RegexAssertion, RegexNode } from '../../src/semantics/regex-parse.js';

type Inst =
  | { op: 'char'; set: Ranges }
  | { op: 'assert'; at: RegexAssertion }
  | { op: 'split'; x: number; y: number }
  | { op: 'jmp'; to: number }
  | { op: 'match' };

function inSet(set: Ranges, c: number): boolean {
  for (let i = 0; i < set.length; i += 2) if (c >= set[i]! && c <= set[i + 1]!) return true;
  return false;
}

/** Compiles the tree; greedy repetitions try one more step first, as a greedy RegExp does. */
export function program(node: RegexNode): Inst[] {
  const out: Inst[] = [];
  const emit = (n: RegexNode): void => {
    switch (n.kind) {
      case 'set': out.push({ op: 'char', set: n.set! }); return;
      case 'assert': out.push({ op: 'assert', at: n.at }); return;
      case 'cat': n.items.forEach(emit); return;
      case 'alt': {
        const jumps: Extract<Inst, { op: 'jmp' }>[] = [];
        n.branches.forEach((b, i) => {
          if (i === n.branches.length - 1) { emit(b); return; }
          const split: Extract<Inst, { op: 'split' }> = { op: 'split', x: out.length + 1, y: -1 };
          out.push(split);
          emit(b);
          const j: Extract<Inst, { op: 'jmp' }> = { op: 'jmp', to: -1 };
          jumps.push(j);
          out.push(j);
          split.y = out.length;
        });
        for (const j of jumps) j.to = out.length;
        return;
      }
      case 'rep': {
        for (let i = 0; i < n.min; i++) emit(n.sub);
        if (n.max === -1) {
          const loop = out.length;
          const split: Extract<Inst, { op: 'split' }> = { op: 'split', x: loop + 1, y: -1 };
          out.push(split);
          emit(n.sub);
          out.push({ op: 'jmp', to: loop });
          split.y = out.length;
          return;
        }
        const splits: Extract<Inst, { op: 'split' }>[] = [];
        for (let i = n.min; i < n.max; i++) {
          const split: Extract<Inst, { op: 'split' }> = { op: 'split', x: out.length + 1, y: -1 };
          splits.push(split);
          out.push(split);
          emit(n.sub);
        }
        for (const s of splits) s.y = out.length;
      }
    }
  };
  emit(node);
  out.push({ op: 'match' });
  return out;
}

const isWord = (c: number | undefined) => c !== undefined && ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95);

function holds(at: RegexAssertion, cps: readonly number[], i: number): boolean {
  switch (at) {
    case 'text-start': return i === 0;
    case 'text-end': return i === cps.length;
    case 'line-start': return i === 0 || cps[i - 1] === 10;
    case 'line-end': return i === cps.length || cps[i] === 10;
    case 'word': return isWord(cps[i - 1]) !== isWord(cps[i]);
    case 'not-word': return isWord(cps[i - 1]) === isWord(cps[i]);
  }
}

/** Runs the program on the text's code points: whether it matches, and the instructions executed. */
export function run(prog: readonly Inst[], text: string, sticky: boolean): { matched: boolean; steps: number } {
  const cps = Array.from(text, (c) => c.codePointAt(0)!);
  let steps = 0;
  const stack: number[] = [];
  for (let start = 0; start <= (sticky ? 0 : cps.length); start++) {
    stack.length = 0;
    stack.push(0, start);
    while (stack.length > 0) {
      let i = stack.pop()!;
      let pc = stack.pop()!;
      for (;;) {
        steps++;
        const inst = prog[pc]!;
        if (inst.op === 'match') return { matched: true, steps };
        if (inst.op === 'char') {
          if (i < cps.length && inSet(inst.set, cps[i]!)) { i++; pc++; continue; }
          break;
        }
        if (inst.op === 'assert') {
          if (holds(inst.at, cps, i)) { pc++; continue; }
          break;
        }
        if (inst.op === 'jmp') { pc = inst.to; continue; }
        stack.push(inst.y, i);
        pc = inst.x;
      }
    }
  }
  return { matched: false, steps };
}
