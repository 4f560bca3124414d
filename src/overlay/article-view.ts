// Builds the reader's content: the article header and body, or the plain "no article" message.
import type { ExtractedArticle } from '../extraction/types';
import { formatPublishedDate, readingMinutes } from './format';
import type { Translate, UiLocale } from './i18n';
import { make as element } from '../shared/dom';

export const titleId = 'bs-title';

/** The site's name as the article gives it, else the page's host name without "www.". */
export function siteLabel(article: ExtractedArticle, pageUrl: string): string | null {
  if (article.siteName?.trim()) return article.siteName.trim();
  try {
    return new URL(pageUrl).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** A page without a title (a text/plain file, say) is named after the last part of its address. */
function titleFromUrl(pageUrl: string): string {
  try {
    const url = new URL(pageUrl);
    const last = url.pathname.split('/').filter(Boolean).pop();
    return last ? decodeURIComponent(last) : url.hostname;
  } catch {
    return pageUrl;
  }
}

function buildHeader(
  doc: Document,
  article: ExtractedArticle,
  pageUrl: string,
  t: Translate,
  ui: UiLocale,
): HTMLElement {
  const header = element(doc, 'header', 'bs-header');
  const site = siteLabel(article, pageUrl);
  if (site) header.append(element(doc, 'p', 'bs-site', site));

  const title = element(doc, 'h1', 'bs-title', article.title || titleFromUrl(pageUrl));
  title.id = titleId;
  header.append(title);

  const meta = element(doc, 'p', 'bs-meta');
  if (article.byline?.trim()) meta.append(element(doc, 'span', 'bs-byline', article.byline.trim()));
  const date = formatPublishedDate(article.publishedTime, article.lang);
  if (date && article.publishedTime) {
    const time = element(doc, 'time', 'bs-date', date);
    time.dateTime = article.publishedTime;
    meta.append(time);
  }
  const minutes = String(readingMinutes(article.readingTimeMinutes));
  // Our own label, in the browser's language, isolated so an RTL article does not reorder it.
  const readingTime = element(doc, 'span', 'bs-reading-time', t('readingTime', [minutes]));
  readingTime.lang = ui.lang;
  readingTime.dir = ui.dir;
  meta.append(readingTime);
  header.append(meta);
  return header;
}

/** Characters of text (an image counts as a paragraph) that surely fill the first screen. */
export const firstScreenChars = 3000;
/** Articles shorter than this are shown in one go: what follows the first screen would be too little. */
const splitAboveChars = firstScreenChars + 1000;
const imageWeight = 400;

function weightOf(node: ChildNode): number {
  const text = node.textContent?.length ?? 0;
  if (node.nodeType !== 1) return text;
  const element = node as Element;
  const images = element.getElementsByTagName('img').length + (element.localName === 'img' ? 1 : 0);
  return text + images * imageWeight;
}

/** Blocks that only group others: the split may go inside them. */
const groupingTags = new Set(['div', 'section', 'article', 'main']);

interface RestGroup {
  parent: Element;
  nodes: ChildNode[];
}

/**
 * Takes everything after the first screen out of `root` (still in the inert document): at each level the
 * blocks after the one where the first screen ends, then inside that block if it only groups others
 * (Readability wraps the article in one or two divs).
 */
function splitAfterFirstScreen(root: Element): RestGroup[] {
  if ((root.textContent?.length ?? 0) < splitAboveChars) return [];
  const groups: RestGroup[] = [];
  let parent = root;
  let budget = firstScreenChars;
  for (;;) {
    const nodes = Array.from(parent.childNodes);
    let index = 0;
    for (; index < nodes.length - 1; index++) {
      const weight = weightOf(nodes[index] as ChildNode);
      if (weight >= budget) break;
      budget -= weight;
    }
    const rest = nodes.slice(index + 1);
    for (const node of rest) node.remove();
    if (rest.length > 0) groups.push({ parent, nodes: rest });
    const last = nodes[index];
    if (!last || last.nodeType !== 1) return groups;
    const element = last as Element;
    if (!groupingTags.has(element.localName) || element.childElementCount === 0) return groups;
    parent = element;
  }
}

export interface ArticleParts {
  /** The article element, with the body's first screen in it. */
  element: HTMLElement;
  /** The article body (.bs-article). */
  body: HTMLElement;
  /** Appends what follows the first screen; true when there was anything to append. */
  appendRest(): boolean;
}

/**
 * The article body. The HTML is already sanitised by the pipeline; it is parsed in an inert document
 * (nothing loads or runs there) and then moved in, never assigned with innerHTML. A long body comes in two
 * parts: what fills the first screen, and the rest, appended after the first paint.
 */
function buildBody(doc: Document, html: string): { body: HTMLElement; appendRest(): boolean } {
  const body = element(doc, 'div', 'bs-article');
  const Parser = doc.defaultView?.DOMParser ?? DOMParser;
  const parsed = new Parser().parseFromString(html, 'text/html');
  for (const img of Array.from(parsed.images)) {
    img.setAttribute('loading', 'lazy');
    img.setAttribute('decoding', 'async');
  }
  let rest = splitAfterFirstScreen(parsed.body);
  body.append(...Array.from(parsed.body.childNodes).map((node) => doc.adoptNode(node)));
  // Assistive technology (and the e2e tests) wait for the whole article while the rest is coming.
  if (rest.length > 0) body.setAttribute('aria-busy', 'true');
  return {
    body,
    appendRest() {
      if (rest.length === 0) return false;
      // Blocks off screen take a placeholder height until scrolled near (styles.ts): the first screen's
      // paragraphs, laid out by now, tell how tall this article's paragraphs are in the reader's settings.
      const heights = Array.from(body.getElementsByTagName('p'), (p) => p.offsetHeight).filter(
        Boolean,
      );
      if (heights.length > 0) {
        const average = heights.reduce((sum, height) => sum + height, 0) / heights.length;
        body.style.setProperty('--bs-block', `${Math.round(average)}px`);
      }
      for (const { parent, nodes } of rest) {
        const fragment = doc.createDocumentFragment();
        fragment.append(...nodes.map((node) => doc.adoptNode(node)));
        // Each parent was adopted with the first part (the same node, now in the page's document);
        // blocks straight under the parsed <body> go into .bs-article itself.
        (parent === parsed.body ? body : parent).append(fragment);
      }
      rest = [];
      body.removeAttribute('aria-busy');
      return true;
    },
  };
}

export function buildArticleParts(
  doc: Document,
  article: ExtractedArticle,
  pageUrl: string,
  t: Translate,
  ui: UiLocale,
): ArticleParts {
  const page = element(doc, 'article', 'bs-page');
  const { body, appendRest } = buildBody(doc, article.html);
  page.append(buildHeader(doc, article, pageUrl, t, ui), body);
  return { element: page, body, appendRest };
}

/** The whole article at once (the options page's preview). */
export function buildArticleView(
  doc: Document,
  article: ExtractedArticle,
  pageUrl: string,
  t: Translate,
  ui: UiLocale,
): HTMLElement {
  const parts = buildArticleParts(doc, article, pageUrl, t, ui);
  parts.appendRest();
  return parts.element;
}

/**
 * Why there is no article to show: none found, the page too large to read within the time budget, or the
 * reader could not get what it needs from the extension (its styles): then the toolbar button's own
 * "couldn't open, reload" message, without a hint.
 */
export type EmptyReason = 'no-article' | 'too-large' | 'failed';

export function buildEmptyView(
  doc: Document,
  t: Translate,
  reason: EmptyReason = 'no-article',
): HTMLElement {
  const box = element(doc, 'div', 'bs-empty-state');
  if (reason === 'failed') {
    const message = element(doc, 'p', 'bs-empty', t('blockedFailed'));
    message.id = titleId;
    box.append(message);
    return box;
  }
  const tooLarge = reason === 'too-large';
  const message = element(doc, 'p', 'bs-empty', t(tooLarge ? 'pageTooLarge' : 'noArticle'));
  message.id = titleId;
  const hint = t(tooLarge ? 'pageTooLargeHint' : 'noArticleHint');
  box.append(message, element(doc, 'p', 'bs-empty-hint', hint));
  return box;
}
