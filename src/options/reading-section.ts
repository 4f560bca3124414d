// The reading settings on the options page: the overlay's own tool modules (plus a theme choice) beside a
// live preview of the reader on the built-in sample article.
import { mountPreview, readerTools, themeTool, type Translate, type UiLocale } from '../overlay';
import type { Settings, SettingsPatch } from '../shared/settings';
import { samplePageUrl, sampleArticle } from './sample-article';
import { make, type OptionsText } from './text';

export interface ReadingSection {
  element: HTMLElement;
  show(settings: Settings): void;
  showSaveError(message: string | null): void;
}

export function buildReadingSection(
  doc: Document,
  t: OptionsText,
  ui: UiLocale,
  update: (patch: SettingsPatch) => void,
): ReadingSection {
  const element = make(doc, 'section', 'reading');
  element.setAttribute('aria-labelledby', 'reading-heading');
  const heading = make(doc, 'h2', undefined, t('optionsReadingHeading'));
  heading.id = 'reading-heading';
  const grid = make(doc, 'div', 'reading-grid');
  const controls = make(doc, 'div', 'reading-tools');
  const previewBox = make(doc, 'div', 'preview');
  const previewHeading = make(doc, 'h3', undefined, t('optionsPreviewHeading'));
  previewBox.append(previewHeading);
  const saveError = make(doc, 'p', 'form-message');
  saveError.setAttribute('role', 'alert');
  saveError.dataset.kind = 'error';

  // The tools' messages are all in _locales; the options page's lookup serves them as is.
  const translate: Translate = t;
  const context = { doc, t: translate, update, idPrefix: 'opt' };
  const tools = [themeTool, ...readerTools].map((tool) => tool(context));
  controls.append(...tools.map((tool) => tool.element), saveError);
  grid.append(controls, previewBox);
  element.append(heading, make(doc, 'p', 'hint', t('optionsReadingIntro')), grid);

  const preview = mountPreview(previewBox, {
    article: sampleArticle(t, ui.lang),
    pageUrl: samplePageUrl,
    t: translate,
    ui,
    label: t('optionsPreviewLabel'),
  });

  return {
    element,
    show(settings) {
      for (const tool of tools) tool.show(settings);
      preview.apply(settings);
    },
    showSaveError(message) {
      saveError.textContent = message ? t('settingsNotSaved', [message]) : '';
    },
  };
}
