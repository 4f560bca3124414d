// Each figure's caption once: CMSs repeat a caption as a title span, as the image's alt/title, or as a
// paragraph next to the figure. The longest version (usually the one with the credit) stays.
import { countWords, descendantsByTag, normaliseSpace, sampleOf } from '../rules/dom-text';
import type { RemovedBlock } from './types';

export const DUPLICATE_CAPTION_RULE = 'builtin/duplicate-caption';
const MIN_CAPTION_WORDS = 4;

const text = (node: Node) => normaliseSpace(node.textContent ?? '').toLowerCase();

/** Inside a caption: a child whose text appears again in the rest of the caption. */
function dedupeWithinCaption(caption: Element, removed: RemovedBlock[]): void {
  for (const child of Array.from(caption.querySelectorAll('*'))) {
    if (!caption.contains(child)) continue;
    const own = text(child);
    if (countWords(own) < MIN_CAPTION_WORDS) continue;
    const whole = text(caption);
    const index = whole.indexOf(own);
    const rest = whole.slice(0, index) + whole.slice(index + own.length);
    if (rest.includes(own)) {
      removed.push({ ruleId: DUPLICATE_CAPTION_RULE, sample: sampleOf(child) });
      child.remove();
    }
  }
}

/** Text blocks of a figure other than its caption, e.g. a title <p> repeating it. */
function dedupeWithinFigure(figure: Element, removed: RemovedBlock[]): void {
  const blocks = Array.from(figure.querySelectorAll('figcaption, p, div, span')).filter(
    (block) =>
      countWords(block.textContent ?? '') >= MIN_CAPTION_WORDS &&
      !block.querySelector('p, div, figcaption'),
  );
  for (const block of blocks) {
    if (!figure.contains(block)) continue;
    const own = text(block);
    const longer = blocks.find(
      (other) =>
        other !== block &&
        figure.contains(other) &&
        !block.contains(other) &&
        !other.contains(block) &&
        text(other).includes(own) &&
        text(other).length > own.length,
    );
    if (longer) {
      removed.push({ ruleId: DUPLICATE_CAPTION_RULE, sample: sampleOf(block) });
      block.remove();
    }
  }
}

/** The nearest of `node` and its ancestors, up to and including `root`, named one of `names`. */
function closestWithin(
  node: Element,
  root: Element,
  names: readonly string[],
): Element | undefined {
  for (let element: Element | null = node; element; element = element.parentElement) {
    if (names.includes(element.localName)) return element;
    if (element === root) return undefined;
  }
  return undefined;
}

export function dedupeCaptions(root: Element): RemovedBlock[] {
  const removed: RemovedBlock[] = [];
  const figures = descendantsByTag(root, 'figure');
  // Most articles have no figure at all: nothing below can apply then.
  if (figures.length === 0 && descendantsByTag(root, 'figcaption').length === 0) return removed;
  for (const caption of descendantsByTag(root, 'figcaption')) dedupeWithinCaption(caption, removed);
  for (const figure of figures) dedupeWithinFigure(figure, removed);

  // Visible caption texts that the article repeats as a paragraph of its own. (A paragraph equal to
  // an image's alt text stays: the alt is not shown, so that paragraph is the only visible caption.)
  // A paragraph that holds a caption (Readability turns a caption's wrapper <div> into a <p>, as on
  // The Verge, whose figcaption sits beside its figure) is that caption, not a copy of it.
  const captions = descendantsByTag(root, 'figcaption')
    .map((caption) => ({ caption, text: text(caption) }))
    .filter((c) => countWords(c.text) >= MIN_CAPTION_WORDS);
  if (captions.length > 0) {
    for (const paragraph of descendantsByTag(root, 'p')) {
      if (closestWithin(paragraph, root, ['figure', 'figcaption'])) continue;
      const own = text(paragraph);
      if (countWords(own) < MIN_CAPTION_WORDS) continue;
      if (captions.some((c) => !paragraph.contains(c.caption) && c.text.includes(own))) {
        removed.push({ ruleId: DUPLICATE_CAPTION_RULE, sample: sampleOf(paragraph) });
        paragraph.remove();
      }
    }
  }

  // An alt or title that only repeats the visible caption is read twice by screen readers.
  for (const img of descendantsByTag(root, 'img')) {
    const figure = closestWithin(img, root, ['figure']);
    const caption = figure?.getElementsByTagName('figcaption').item(0);
    if (!caption) continue;
    const captionText = text(caption);
    for (const name of ['alt', 'title']) {
      const value = normaliseSpace(img.getAttribute(name) ?? '').toLowerCase();
      if (value !== '' && captionText.includes(value)) {
        if (name === 'alt') img.setAttribute('alt', '');
        else img.removeAttribute('title');
      }
    }
  }
  return removed;
}
