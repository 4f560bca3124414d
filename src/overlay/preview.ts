// A live preview of the reader for the options page: the same article view and CSS as the overlay, in its
// own shadow root, without locking the page, trapping focus or pinning itself over everything.
import type { ExtractedArticle } from '../extraction/types';
import type { Settings } from '../shared/settings';
import { buildArticleView } from './article-view';
import type { Translate, UiLocale } from './i18n';
import { applyReaderSettings } from './reader-settings';
import { readerCss } from './styles';
import { darkSchemeQuery } from './theme';

const previewCss = `
:host { display: block; }
.bs-dialog.bs-preview {
  position: relative;
  inset: auto;
  height: 26em;
  border: 1px solid var(--bs-border);
  border-radius: 8px;
}
`;

export interface Preview {
  readonly host: HTMLElement;
  apply(settings: Settings): void;
}

export function mountPreview(
  container: HTMLElement,
  options: {
    article: ExtractedArticle;
    pageUrl: string;
    t: Translate;
    ui: UiLocale;
    label: string;
  },
): Preview {
  const doc = container.ownerDocument;
  const host = doc.createElement('div');
  host.className = 'bs-preview-host';
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = readerCss + previewCss;
  const frame = doc.createElement('section');
  frame.className = 'bs-dialog bs-preview';
  frame.setAttribute('aria-label', options.label);
  // Scrollable content must be reachable by keyboard.
  frame.tabIndex = 0;
  frame.lang = options.article.lang ?? options.ui.lang;
  frame.dir = options.article.dir ?? 'auto';
  frame.append(buildArticleView(doc, options.article, options.pageUrl, options.t, options.ui));
  shadow.append(style, frame);
  container.append(host);

  const darkQuery = doc.defaultView?.matchMedia?.(darkSchemeQuery) ?? null;
  let last: Settings | null = null;
  darkQuery?.addEventListener('change', () => {
    if (last) applyReaderSettings(frame, last, darkQuery.matches);
  });
  return {
    host,
    apply(settings) {
      last = settings;
      applyReaderSettings(frame, settings, darkQuery?.matches ?? false);
    },
  };
}
