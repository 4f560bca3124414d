// The article as Markdown (turndown), headed by its title, byline and source, for "Copy as Markdown".
import TurndownService from 'turndown';
import type { ExtractedArticle } from '../../extraction/types';

export function articleMarkdown(article: ExtractedArticle, pageUrl: string): string {
  const turndown = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
    emDelimiter: '*',
  });
  const header = [`# ${article.title.trim()}`];
  if (article.byline?.trim()) header.push(`*${article.byline.trim()}*`);
  header.push(`<${pageUrl}>`);
  return `${header.join('\n\n')}\n\n${turndown.turndown(article.html).trim()}\n`;
}

/**
 * Puts text on the clipboard. The async Clipboard API needs a secure page and the click's user activation;
 * where it is missing or refused, a hidden textarea and execCommand('copy') still work in a click handler.
 */
export async function copyText(doc: Document, text: string): Promise<boolean> {
  const clipboard = doc.defaultView?.navigator.clipboard;
  if (clipboard?.writeText) {
    try {
      await clipboard.writeText(text);
      return true;
    } catch {
      // fall back below
    }
  }
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.cssText = 'position:fixed;top:0;left:0;opacity:0;';
  doc.documentElement.append(area);
  area.select();
  try {
    return doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
