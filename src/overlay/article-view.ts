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

/**
 * The article body. The HTML is already sanitised by the pipeline; it is parsed in an inert document
 * (nothing loads or runs there) and then moved in, never assigned with innerHTML.
 */
function buildBody(doc: Document, html: string): HTMLElement {
  const body = element(doc, 'div', 'bs-article');
  const Parser = doc.defaultView?.DOMParser ?? DOMParser;
  const parsed = new Parser().parseFromString(html, 'text/html');
  for (const img of Array.from(parsed.images)) {
    img.setAttribute('loading', 'lazy');
    img.setAttribute('decoding', 'async');
  }
  body.append(...Array.from(parsed.body.childNodes).map((node) => doc.adoptNode(node)));
  return body;
}

export function buildArticleView(
  doc: Document,
  article: ExtractedArticle,
  pageUrl: string,
  t: Translate,
  ui: UiLocale,
): HTMLElement {
  const page = element(doc, 'article', 'bs-page');
  page.append(buildHeader(doc, article, pageUrl, t, ui), buildBody(doc, article.html));
  return page;
}

export function buildEmptyView(doc: Document, t: Translate): HTMLElement {
  const box = element(doc, 'div', 'bs-empty-state');
  const message = element(doc, 'p', 'bs-empty', t('noArticle'));
  message.id = titleId;
  box.append(message, element(doc, 'p', 'bs-empty-hint', t('noArticleHint')));
  return box;
}
