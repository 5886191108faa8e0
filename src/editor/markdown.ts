/**
 * Markdown for hover and completion documentation. Names, enum values and
 * descriptions come from catalogues, which may come from anywhere: written
 * into Markdown raw, a backtick in a name closes its code span and a
 * description can carry links, images or HTML. So every piece of data goes
 * through {@link code} (a code span whose fence is longer than any backtick
 * run inside) or {@link plain} (every ASCII punctuation character
 * backslash-escaped, which CommonMark defines as the literal character).
 * {@link markdownToText} reads this Markdown back as plain text for hosts
 * that show text only (the CodeMirror tooltips).
 */

/**
 * The characters that can start Markdown structure anywhere in a line: code,
 * emphasis, links and images, HTML and autolinks, entities, headings, tables,
 * strikethrough. Each is backslash-escaped, which CommonMark reads as the
 * literal character. `_` between letters or digits cannot open emphasis, so
 * `link_type` stays as it is.
 */
const SPECIAL = /[\\`*[\]<>!&#|~]|_(?![A-Za-z0-9])|(?<![A-Za-z0-9])_/g;

/** Text shown as it is: no emphasis, link, image, HTML, entity or list can start inside it. Line breaks become spaces. */
export function plain(text: string): string {
  const flat = text.replace(/\r\n?|\n/g, ' ').replace(SPECIAL, (c) => `\\${c}`);
  // A list marker or a numbered item at the start of a paragraph: escaped too.
  return flat.replace(/^(\s*)([-+]|\d+(?=[.)]))/, (_m, space: string, marker: string) => (/\d/.test(marker) ? `${space}${marker}\\` : `${space}\\${marker}`));
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

/** A code span showing `text` exactly: fenced by one backtick more than its longest run, padded when it starts or ends with one. */
export function code(text: string): string {
  const flat = text.replace(/\r\n?|\n/g, ' ');
  const fence = '`'.repeat(longestRun(flat, '`') + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || (flat.startsWith(' ') && flat.endsWith(' ') && flat.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A fenced code block: its fence is longer than any backtick run in `text`, so no content can close it. */
export function codeBlock(text: string, language = ''): string {
  const fence = '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
  return `${fence}${language}\n${text}\n${fence}`;
}

/**
 * The text a reader sees in Markdown made by this module (plus `**bold**`):
 * code spans and blocks unwrapped, escapes undone, bold markers dropped.
 * Not a general Markdown renderer: it inverts what the language service writes.
 */
export function markdownToText(markdown: string): string {
  let out = '';
  let i = 0;
  while (i < markdown.length) {
    const c = markdown[i]!;
    if (c === '\\' && i + 1 < markdown.length && /[!-/:-@[-`{-~]/.test(markdown[i + 1]!)) {
      out += markdown[i + 1];
      i += 2;
    } else if (c === '`') {
      let n = 0;
      while (markdown[i + n] === '`') n++;
      const fence = '`'.repeat(n);
      const open = markdown.indexOf('\n', i);
      if (n >= 3 && (i === 0 || markdown[i - 1] === '\n') && open > 0 && !markdown.slice(i + n, open).includes('`')) {
        // A fenced block (its info string holds no backtick): skip the info string, take the lines up to the closing fence.
        const close = markdown.indexOf(`\n${fence}`, open);
        if (close < 0) return out + markdown.slice(i);
        out += markdown.slice(open + 1, close);
        i = close + 1 + n;
        continue;
      }
      const end = markdown.indexOf(fence, i + n);
      if (end < 0) {
        out += fence;
        i += n;
        continue;
      }
      let body = markdown.slice(i + n, end);
      if (body.length > 2 && body.startsWith(' ') && body.endsWith(' ') && body.trim() !== '') body = body.slice(1, -1);
      out += body;
      i = end + n;
    } else if (c === '*' && markdown[i + 1] === '*') {
      i += 2;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
