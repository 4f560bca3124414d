// Article HTML to plain text: one paragraph per block element, separated by blank lines.

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL', 'CAPTION',
]); // prettier-ignore
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** Collects paragraphs while walking; inline text accumulates until the next block boundary. */
class ParagraphCollector {
  readonly paragraphs: string[] = [];
  private current = '';

  addText(text: string): void {
    this.current += text;
  }

  lineBreak(): void {
    this.current += '\n';
  }

  /** Ends the current paragraph (if it has any text). */
  flush(): void {
    const text = this.current
      .split('\n')
      .map((line) => line.replace(/[ \t\r\f\u00a0]+/g, ' ').trim())
      .filter((line, index, lines) => line !== '' || (index > 0 && lines[index - 1] !== ''))
      .join('\n')
      .trim();
    if (text !== '') this.paragraphs.push(text);
    this.current = '';
  }

  addPreformatted(text: string): void {
    this.flush();
    const trimmed = text.replace(/^\n+|\s+$/g, '');
    if (trimmed !== '') this.paragraphs.push(trimmed);
  }
}

function walk(node: Node, out: ParagraphCollector): void {
  if (node.nodeType === 3) {
    out.addText((node.nodeValue ?? '').replace(/[\s]+/g, ' '));
    return;
  }
  if (node.nodeType !== 1 && node.nodeType !== 11) return;
  const element = node as Element;
  const tag = node.nodeType === 1 ? element.tagName.toUpperCase() : '';
  if (SKIPPED_TAGS.has(tag)) return;
  if (tag === 'BR') {
    out.lineBreak();
    return;
  }
  if (tag === 'PRE') {
    out.addPreformatted(element.textContent ?? '');
    return;
  }
  const block = BLOCK_TAGS.has(tag);
  if (block) out.flush();
  for (let child = node.firstChild; child; child = child.nextSibling) {
    walk(child, out);
    if (tag === 'TR' && child.nodeType === 1) out.addText(' ');
  }
  if (block) out.flush();
}

/** Plain text of an element's content: paragraphs, headings, list items and captions each on their own. */
export function toPlainText(root: Node): string {
  const out = new ParagraphCollector();
  walk(root, out);
  out.flush();
  return out.paragraphs.join('\n\n');
}
