// Builds the reader's content: the article header and body, or the plain "no article" message.
import { firstScreenEnds } from '../extraction/first-screen';
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

interface RestGroup {
  parent: Element;
  nodes: ChildNode[];
}

/**
 * Takes everything after the first screen out of `root` (still in the inert document): the nodes after
 * each of firstScreenEnds, grouped by their parent.
 */
function splitAfterFirstScreen(root: Element): RestGroup[] {
  const groups: RestGroup[] = [];
  for (const end of firstScreenEnds(root)) {
    const nodes: ChildNode[] = [];
    for (let node = end.nextSibling; node; node = node.nextSibling) nodes.push(node);
    for (const node of nodes) node.remove();
    if (nodes.length > 0 && end.parentElement) groups.push({ parent: end.parentElement, nodes });
  }
  return groups;
}

export interface ArticleParts {
  /** The article element, with the body's first screen in it. */
  element: HTMLElement;
  /** The article body (.bs-article). */
  body: HTMLElement;
  /** Appends what follows the first screen; true when there was anything to append. */
  appendRest(): boolean;
  /**
   * For an article that was only its first screen (ExtractedArticle.rest): shows the whole article, or,
   * given null, says that the rest could not be read. Does nothing for a whole article.
   */
  complete(whole: ExtractedArticle | null): void;
}

/** The article HTML (already sanitised) parsed in an inert document: nothing loads or runs there. */
function parseInert(doc: Document, html: string): HTMLElement {
  const Parser = doc.defaultView?.DOMParser ?? DOMParser;
  const parsed = new Parser().parseFromString(html, 'text/html');
  for (const img of Array.from(parsed.images)) {
    img.setAttribute('loading', 'lazy');
    img.setAttribute('decoding', 'async');
  }
  return parsed.body;
}

/** Child indices from `root` down to `node`. */
function pathFrom(root: Node, node: Node): number[] {
  const path: number[] = [];
  for (let at: Node | null = node; at && at !== root; at = at.parentNode) {
    let index = 0;
    for (let sibling = at.previousSibling; sibling; sibling = sibling.previousSibling) index++;
    path.unshift(index);
  }
  return path;
}

function nodeAt(root: Node, path: readonly number[]): Node | null {
  let node: Node | null = root;
  for (const index of path) node = node?.childNodes[index] ?? null;
  return node;
}

/**
 * The article body. The HTML is already sanitised by the pipeline; it is parsed in an inert document
 * and then moved in, never assigned with innerHTML. A long body comes in two parts: what fills the first
 * screen, and the rest, appended after the first paint. A body that is only an article's first screen
 * (`partial`) is shown as it is, busy until complete() brings the whole article.
 */
function buildBody(
  doc: Document,
  html: string,
  partial: boolean,
  cutShortNote: () => HTMLElement,
): Pick<ArticleParts, 'body' | 'appendRest' | 'complete'> {
  const body = element(doc, 'div', 'bs-article');
  const parsed = parseInert(doc, html);
  let rest = partial ? [] : splitAfterFirstScreen(parsed);
  let waiting = partial;
  body.append(...Array.from(parsed.childNodes).map((node) => doc.adoptNode(node)));
  // Assistive technology (and the e2e tests) wait for the whole article while the rest is coming.
  if (rest.length > 0 || partial) body.setAttribute('aria-busy', 'true');

  /** Appends each group's nodes to its parent's counterpart in the body (`shownParent`). */
  const append = (groups: RestGroup[], shownParent: (parent: Element) => Node | null) => {
    // Blocks off screen take a placeholder height until scrolled near (styles.ts): the first screen's
    // paragraphs, laid out by now, tell how tall this article's paragraphs are in the reader's settings.
    const heights = Array.from(body.getElementsByTagName('p'), (p) => p.offsetHeight).filter(
      Boolean,
    );
    if (heights.length > 0) {
      const average = heights.reduce((sum, height) => sum + height, 0) / heights.length;
      body.style.setProperty('--bs-block', `${Math.round(average)}px`);
    }
    for (const { parent, nodes } of groups) {
      const fragment = doc.createDocumentFragment();
      fragment.append(...nodes.map((node) => doc.adoptNode(node)));
      shownParent(parent)?.appendChild(fragment);
    }
    body.removeAttribute('aria-busy');
  };

  return {
    body,
    appendRest() {
      if (rest.length === 0) return false;
      // Each parent was adopted with the first part (the same node, now in the page's document);
      // blocks straight under the parsed <body> go into .bs-article itself.
      append(rest, (parent) => (parent === parsed ? body : parent));
      rest = [];
      return true;
    },
    complete(whole) {
      if (!waiting) return;
      waiting = false;
      if (!whole) {
        body.append(cutShortNote());
        body.removeAttribute('aria-busy');
        return;
      }
      const wholeBody = parseInert(doc, whole.html);
      const groups = splitAfterFirstScreen(wholeBody);
      if (groups.length > 0 && wholeBody.innerHTML === body.innerHTML) {
        // The usual case: the whole article begins with the first screen shown. Only the rest is added,
        // so nothing on screen is rebuilt (images are not loaded again).
        append(groups, (parent) => nodeAt(body, pathFrom(wholeBody, parent)));
        return;
      }
      // Cleaning the whole article changed its beginning: it replaces what is shown.
      for (const { parent, nodes } of groups) parent.append(...nodes);
      body.replaceChildren(...Array.from(wholeBody.childNodes).map((node) => doc.adoptNode(node)));
      body.removeAttribute('aria-busy');
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
  const parts = buildBody(doc, article.html, article.rest !== undefined, () =>
    element(doc, 'p', 'bs-cut-short', t('articleCutShort')),
  );
  const header = buildHeader(doc, article, pageUrl, t, ui);
  page.append(header, parts.body);
  return {
    element: page,
    ...parts,
    complete(whole) {
      parts.complete(whole);
      const readingTime = header.querySelector('.bs-reading-time');
      // The whole article's exact reading time replaces the first screen's estimate.
      if (whole && readingTime) {
        readingTime.textContent = t('readingTime', [
          String(readingMinutes(whole.readingTimeMinutes)),
        ]);
      }
    },
  };
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
