// Text of an element with a separator between blocks. `textContent` glues neighbouring paragraphs ("end.Next"
// becomes one word), which costs an extractor shingles it did find; the benchmark scores text where every block
// boundary is a line break, as a reader sees it.

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'LEGEND',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

/** Tags whose content is never text a reader sees. */
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

function collect(node: Node, parts: string[], inPre: boolean): void {
  if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
    const data = node.nodeValue ?? '';
    parts.push(inPre ? data : data.replace(/\s+/g, ' '));
    return;
  }
  if (node.nodeType !== ELEMENT_NODE) {
    // Documents and fragments: walk their children.
    if (node.childNodes)
      for (const child of Array.from(node.childNodes)) collect(child, parts, inPre);
    return;
  }
  const tag = (node as Element).tagName.toUpperCase();
  if (SKIPPED_TAGS.has(tag)) return;
  if (tag === 'BR') {
    parts.push('\n');
    return;
  }
  const block = BLOCK_TAGS.has(tag);
  if (block) parts.push('\n\n');
  const pre = inPre || tag === 'PRE';
  for (const child of Array.from(node.childNodes)) collect(child, parts, pre);
  if (block) parts.push('\n\n');
}

/** Plain text of `node`: blocks separated by a blank line, `<br>` by a line break, spaces collapsed. */
export function blockText(node: Node): string {
  const parts: string[] = [];
  collect(node, parts, false);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\f\r\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
