// The two sides the benchmark compares, each run on its own freshly parsed jsdom document of the same page.
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { blockText } from './block-text';

/** What one extractor produced for one page. `error` is set when it threw (the text is then empty). */
export interface ExtractorOutput {
  /** The text scored: blocks separated by blank lines. */
  text: string;
  /** Whether the extractor returned an article at all (null means "no article here"). */
  found: boolean;
  error?: string;
  /** Milliseconds spent in the extractor itself, parsing excluded. */
  ms: number;
}

export interface PlainReadabilityOutput extends ExtractorOutput {
  /** Readability's own `textContent`: paragraphs glued together (the published benchmark's method). */
  textContent: string;
}

/** The subset of our pipeline's result the benchmark scores. */
export interface ExtractedTextLike {
  text: string;
  html: string;
  /** The blocks the cleanup rules removed, by rule id (older builds may not report them). */
  removed?: readonly { ruleId: string }[];
}

export type ExtractFunction = (
  document: Document,
  options: { url?: string },
) => ExtractedTextLike | null;

export interface OursOutput extends ExtractorOutput {
  /** Our result's HTML turned into text by the benchmark's own converter, to cross-check our `text`. */
  textFromHtml: string;
  /** The distinct ids of the rules that removed something on this page, sorted. */
  rulesFired: string[];
}

const STYLE_ELEMENT = /<style\b[^>]*>[\s\S]*?<\/style\s*>/gi;

export interface ParsedPage {
  dom: JSDOM;
  /** Set when the page only parsed with its <style> elements removed (see parsePage). */
  note?: string;
}

/**
 * jsdom without scripts, and without its console noise about stylesheets it cannot parse. jsdom 29 throws while
 * building the document on some stylesheets (an unresolved SCSS variable inside calc() on one benchmark page);
 * such a page is parsed again without its <style> elements, and the note says so. Both sides get the same DOM.
 */
export function parsePage(html: string, url: string): ParsedPage {
  try {
    return { dom: new JSDOM(html, { url, virtualConsole: new VirtualConsole() }) };
  } catch (error) {
    const dom = new JSDOM(html.replace(STYLE_ELEMENT, ''), {
      url,
      virtualConsole: new VirtualConsole(),
    });
    return {
      dom,
      note: `jsdom failed on a stylesheet (${messageOf(error)}); parsed without <style>`,
    };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Plain @mozilla/readability with its default options, as the published benchmark ran it. Mutates `document`. */
export function runPlainReadability(document: Document): PlainReadabilityOutput {
  const started = performance.now();
  const empty = { text: '', textContent: '', found: false };
  try {
    // Keep the article element (not its HTML) so its text can be read with block separators.
    const article = new Readability<Node>(document, { serializer: (node) => node }).parse();
    const ms = performance.now() - started;
    if (!article?.content) return { ...empty, ms };
    const text = blockText(article.content);
    return { text, textContent: article.textContent ?? '', found: true, ms };
  } catch (error) {
    return { ...empty, error: messageOf(error), ms: performance.now() - started };
  }
}

/** Our pipeline; a throw (e.g. the scaffold's "not implemented") is reported for the page, never fatal. */
export function runOurs(extract: ExtractFunction, document: Document, url: string): OursOutput {
  const started = performance.now();
  const empty = { text: '', textFromHtml: '', found: false, rulesFired: [] };
  try {
    const result = extract(document, { url });
    const ms = performance.now() - started;
    if (!result) return { ...empty, ms };
    const textFromHtml = blockText(JSDOM.fragment(result.html));
    const rulesFired = [...new Set((result.removed ?? []).map((block) => block.ruleId))].sort();
    return { text: result.text, textFromHtml, found: true, ms, rulesFired };
  } catch (error) {
    return { ...empty, error: messageOf(error), ms: performance.now() - started };
  }
}
