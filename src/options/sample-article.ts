// The built-in article the live preview shows, in the browser's language (its text is in _locales).
import type { ExtractedArticle } from '../extraction/types';
import type { OptionsText } from './text';
import { escapeHtml } from '../shared/dom';

export const samplePageUrl = 'https://example.org/broadsheet-sample';

export function sampleArticle(t: OptionsText, lang: string): ExtractedArticle {
  const paragraphs = ['sampleParagraph1', 'sampleParagraph2', 'sampleParagraph3'].map((key) =>
    t(key),
  );
  const quote = t('sampleQuote');
  const html = [
    `<p>${escapeHtml(paragraphs[0] ?? '')}</p>`,
    `<h2>${escapeHtml(t('sampleHeading'))}</h2>`,
    `<p>${escapeHtml(paragraphs[1] ?? '')}</p>`,
    `<blockquote><p>${escapeHtml(quote)}</p></blockquote>`,
    `<p>${escapeHtml(paragraphs[2] ?? '')}</p>`,
  ].join('\n');
  const text = [...paragraphs, quote].join('\n\n');
  return {
    title: t('sampleTitle'),
    byline: t('sampleByline'),
    siteName: 'Broadsheet',
    publishedTime: null,
    lang,
    dir: null,
    excerpt: paragraphs[0] ?? null,
    readingTimeMinutes: 1,
    wordCount: text.split(/\s+/).filter((word) => word !== '').length,
    html,
    text,
    removed: [],
  };
}
