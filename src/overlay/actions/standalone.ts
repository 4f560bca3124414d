// The article as one self-contained HTML file: the sanitised article, the reader's CSS inline, the user's
// look as CSS variables, no scripts and nothing fetched but the article's own images. Used by "Save as
// HTML" and, with a print stylesheet, by "Print" (printing the page itself would print the page).
import type { ExtractedArticle } from '../../extraction/types';
import type { Settings } from '../../shared/settings';
import { measureFor } from '../reader-settings';
import { resolveTheme } from '../theme';
import { escapeHtml } from '../../shared/dom';

const standaloneCss = `
html, body { margin: 0; padding: 0; }
.bs-dialog { position: static; overflow: visible; min-height: 100vh; }
.bs-article * { content-visibility: visible !important; }
.bs-source { margin: 0.5em 0 0; font-family: var(--bs-sans); font-size: 0.75em; color: var(--bs-muted); }
.bs-source a { color: var(--bs-link); }
`;

/** Paper: black on white whatever the theme, no forced background, links followed by nothing noisy. */
const printCss = `
@page { margin: 18mm 16mm; }
@media print {
  .bs-dialog { --bs-bg: #ffffff; --bs-fg: #000000; --bs-muted: #333333; --bs-link: #000000; --bs-accent: #000000; background: #fff; color: #000; min-height: 0; }
  .bs-page { max-width: none; padding: 0; font-size: 11.5pt; animation: none; }
  .bs-article img, .bs-article figure { break-inside: avoid; }
  .bs-article h1, .bs-article h2, .bs-article h3 { break-after: avoid; }
  .bs-article p { orphans: 3; widows: 3; }
}
`;

export function standaloneHtml(
  article: ExtractedArticle,
  options: {
    pageUrl: string;
    settings: Settings;
    systemPrefersDark: boolean;
    forPrint?: boolean;
    /** The reader's CSS (styles.ts readerCss), handed over by the reader so this bundle need not carry it. */
    readerCss: string;
  },
): string {
  const { settings } = options;
  const theme = options.forPrint
    ? 'light'
    : resolveTheme(settings.theme, options.systemPrefersDark);
  const vars = [
    `--bs-font-size:${settings.fontSize}px`,
    `--bs-line-height:${settings.lineHeight}`,
    `--bs-measure:${measureFor(settings.contentWidth)}`,
    `--bs-custom-bg:${settings.customColors.background}`,
    `--bs-custom-fg:${settings.customColors.text}`,
  ].join(';');
  const lang = article.lang ? ` lang="${escapeHtml(article.lang)}"` : '';
  const dir = article.dir ? ` dir="${article.dir}"` : '';
  const meta = [article.byline, article.siteName]
    .filter((part): part is string => Boolean(part?.trim()))
    .map((part) => `<span>${escapeHtml(part.trim())}</span>`)
    .join('');
  const url = escapeHtml(options.pageUrl);
  return `<!doctype html>
<html${lang}${dir}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src * data:; style-src 'unsafe-inline'; media-src *">
<title>${escapeHtml(article.title)}</title>
<style>${options.readerCss}${standaloneCss}${options.forPrint ? printCss : ''}</style>
</head>
<body>
<div class="bs-dialog" data-theme="${theme}" data-font="${settings.fontFamily}" data-align="${settings.textAlign}" data-images="${settings.showImages ? 'on' : 'off'}" style="${vars}">
<article class="bs-page">
<header class="bs-header">
<h1 class="bs-title">${escapeHtml(article.title)}</h1>
${meta ? `<p class="bs-meta">${meta}</p>` : ''}
<p class="bs-source"><a href="${url}">${url}</a></p>
</header>
<div class="bs-article">
${article.html}
</div>
</article>
</div>
</body>
</html>
`;
}

/** A file name from the title: letters, digits and dashes, at most 80 characters. */
export function fileNameFor(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return `${slug || 'article'}.html`;
}

/** Starts a download of the HTML file from the page (a Blob URL and a[download]). */
export function downloadHtml(doc: Document, html: string, fileName: string): void {
  const view = doc.defaultView;
  const BlobCtor = view?.Blob ?? Blob;
  const urls = view?.URL ?? URL;
  const url = urls.createObjectURL(new BlobCtor([html], { type: 'text/html;charset=utf-8' }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  doc.documentElement.append(link);
  link.click();
  link.remove();
  view?.setTimeout(() => urls.revokeObjectURL(url), 30_000);
}

/**
 * Prints only the article: a hidden iframe holding the standalone HTML with a print stylesheet, printed
 * and then removed. The overlay sits over the page in a fixed shadow root, so printing the page itself
 * would print the page behind it.
 */
export function printHtml(doc: Document, html: string): void {
  const frame = doc.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.cssText =
    'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden;';
  frame.srcdoc = html;
  frame.addEventListener(
    'load',
    () => {
      const win = frame.contentWindow;
      win?.addEventListener('afterprint', () => frame.remove(), { once: true });
      win?.focus();
      win?.print();
      // Some browsers return from print() at once and fire no afterprint: clean up later regardless.
      doc.defaultView?.setTimeout(() => frame.remove(), 60_000);
    },
    { once: true },
  );
  doc.documentElement.append(frame);
}
