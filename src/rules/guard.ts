// The safety guard: a rule may never remove article text. Before a removal the engine asks the guard,
// which refuses when the block holds the page's main text container, or a large share of its prose.
import { descendantsByTag, linkDensity, WordCounts } from './dom-text';

/** A paragraph of prose: long enough to be article text rather than a teaser line, and not a link list. */
function proseWords(paragraph: Element, wordCounts: WordCounts): number {
  const words = wordCounts.of(paragraph);
  if (words < 20) return 0;
  return linkDensity(paragraph, wordCounts) < 0.3 ? words : 0;
}

/** Above this share of the page's prose, a block is article text, whatever a rule says. */
export const MAX_PROSE_SHARE = 0.25;
/** Blocks with fewer prose words than this are never refused on share alone (tiny pages). */
const MIN_REFUSED_WORDS = 40;

export class RemovalGuard {
  private readonly totalProse: number;
  private readonly protectedElements = new Set<Element>();
  /** Each paragraph's prose words, measured once (removals take whole blocks, not words from them). */
  private readonly proseByParagraph = new Map<Element, number>();
  /** The likely article container, if the page has prose at all. */
  readonly mainContainer: Element | undefined;

  /** `wordCounts`: the walk's counts, when the guard is built before the walk changes anything. */
  constructor(root: Element, wordCounts = new WordCounts()) {
    const parentScores = new Map<Element, number>();
    let total = 0;
    for (const paragraph of descendantsByTag(root, 'p')) {
      const words = proseWords(paragraph, wordCounts);
      this.proseByParagraph.set(paragraph, words);
      if (words === 0) continue;
      total += words;
      const parent = paragraph.parentElement;
      if (parent) parentScores.set(parent, (parentScores.get(parent) ?? 0) + words);
      const grandparent = parent?.parentElement;
      if (grandparent) {
        parentScores.set(grandparent, (parentScores.get(grandparent) ?? 0) + words / 2);
      }
    }
    this.totalProse = total;
    // The likely article container (roughly what Readability will pick) and everything around it.
    let best: Element | undefined;
    let bestScore = 0;
    for (const [element, score] of parentScores) {
      if (score > bestScore) {
        best = element;
        bestScore = score;
      }
    }
    for (
      let node: Element | null = best ?? null;
      node && node !== root;
      node = node.parentElement
    ) {
      this.protectedElements.add(node);
    }
  }

  /** Whether the element is (or contains) the page's main text container. */
  isProtected(element: Element): boolean {
    return this.protectedElements.has(element);
  }

  /**
   * Whether removing `element` is safe. `textMatched` says a rule's text pattern matched the block's
   * whole (short) text: those words are the rule's own target, so the share test does not apply.
   */
  allowsRemoval(element: Element, textMatched: boolean): boolean {
    if (this.isProtected(element)) return false;
    if (textMatched) return true;
    const paragraphs = element.localName === 'p' ? [element] : descendantsByTag(element, 'p');
    let words = 0;
    for (const paragraph of paragraphs) {
      words += this.proseByParagraph.get(paragraph) ?? proseWords(paragraph, new WordCounts());
    }
    return !(words >= MIN_REFUSED_WORDS && words > this.totalProse * MAX_PROSE_SHARE);
  }
}
