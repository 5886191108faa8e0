/**
 * Renders the language service's hover and completion Markdown as DOM nodes:
 * paragraphs, `- ` lists, fenced code blocks, code spans, `**bold**` and
 * backslash escapes, which is all the service writes (src/editor/markdown.ts).
 * Nodes are built with `textContent` only, never `innerHTML`: catalogue names
 * and descriptions may come from anywhere, and anything this subset does not
 * know shows as the text it is.
 */

const PUNCTUATION = /[!-/:-@[-`{-~]/;

/** Appends the inline content of one line or paragraph: code spans, bold, escapes. */
function inline(parent: HTMLElement, text: string): void {
  let target: HTMLElement = parent;
  let buffer = '';
  const flush = () => {
    if (buffer) target.appendChild(document.createTextNode(buffer));
    buffer = '';
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length && PUNCTUATION.test(text[i + 1]!)) {
      buffer += text[i + 1];
      i += 2;
    } else if (c === '`') {
      let run = 1;
      while (text[i + run] === '`') run++;
      const fence = '`'.repeat(run);
      // The closing fence is a run of exactly as many backticks.
      let close = text.indexOf(fence, i + run);
      while (close >= 0 && (text[close + run] === '`' || text[close - 1] === '`')) close = text.indexOf(fence, close + 1);
      if (close < 0) {
        buffer += fence;
        i += run;
        continue;
      }
      flush();
      let content = text.slice(i + run, close);
      if (content.length > 1 && content.startsWith(' ') && content.endsWith(' ') && content.trim() !== '') content = content.slice(1, -1);
      const code = document.createElement('code');
      code.textContent = content;
      target.appendChild(code);
      i = close + run;
    } else if (c === '*' && text[i + 1] === '*') {
      flush();
      if (target === parent) {
        const strong = document.createElement('strong');
        parent.appendChild(strong);
        target = strong;
      } else target = parent;
      i += 2;
    } else {
      buffer += c;
      i++;
    }
  }
  flush();
}

/** The DOM of a Markdown text, as a fragment of block elements. */
export function renderMarkdown(markdown: string): DocumentFragment {
  const out = document.createDocumentFragment();
  const lines = markdown.split(/\r\n?|\n/);
  let paragraph: string[] = [];
  let list: HTMLUListElement | undefined;
  const endParagraph = () => {
    if (paragraph.length > 0) {
      const p = document.createElement('p');
      inline(p, paragraph.join(' '));
      out.appendChild(p);
    }
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = /^(`{3,})(.*)$/.exec(line);
    if (fence) {
      endParagraph();
      list = undefined;
      const body: string[] = [];
      let j = i + 1;
      while (j < lines.length && lines[j] !== fence[1]) body.push(lines[j++]!);
      const pre = document.createElement('pre');
      const code = document.createElement('code');
      code.textContent = body.join('\n');
      pre.appendChild(code);
      out.appendChild(pre);
      i = j;
    } else if (/^[-*] /.test(line)) {
      endParagraph();
      if (!list) out.appendChild((list = document.createElement('ul')));
      const li = document.createElement('li');
      inline(li, line.slice(2));
      list.appendChild(li);
    } else if (line.trim() === '') {
      endParagraph();
      list = undefined;
    } else {
      list = undefined;
      paragraph.push(line);
    }
  }
  endParagraph();
  return out;
}
