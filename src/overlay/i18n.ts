// The overlay never calls browser.* itself: the content script hands it a translate function (backed by
// browser.i18n) so the overlay renders the same in a page, in a test document or in an options preview.

/** Every message the overlay shows; each must exist in src/_locales/<lang>/messages.json. */
export type OverlayMessageKey =
  | 'overlayClose'
  | 'overlaySiteChoice'
  | 'siteChoiceAlways'
  | 'siteChoiceNever'
  | 'overlayThemeGroup'
  | 'themeAuto'
  | 'themeLight'
  | 'themeSepia'
  | 'themeDark'
  | 'themeCustom'
  | 'useCustomColors'
  | 'readingTime'
  | 'noArticle'
  | 'noArticleHint'
  | 'overlaySettings'
  | 'overlaySettingsTitle'
  | 'toolFontSize'
  | 'fontSmaller'
  | 'fontLarger'
  | 'fontSizeValue'
  | 'toolFontFamily'
  | 'fontSerif'
  | 'fontSans'
  | 'fontDyslexic'
  | 'fontSystem'
  | 'toolLineHeight'
  | 'toolContentWidth'
  | 'contentWidthValue'
  | 'toolTextAlign'
  | 'alignStart'
  | 'alignJustify'
  | 'toolShowImages'
  | 'toolCustomColors'
  | 'customBackground'
  | 'customText'
  | 'contrastOk'
  | 'contrastLow'
  | 'settingsNotSaved'
  | 'progressLabel'
  | 'minutesLeft'
  | 'finishedReading'
  | 'overlayHelp'
  | 'overlayHelpTitle'
  | 'shortcutClose'
  | 'shortcutFontSize'
  | 'shortcutTheme'
  | 'shortcutHelp';

export type Translate = (key: OverlayMessageKey, substitutions?: string[]) => string;

/** The language and direction of the reader's own controls (the browser's UI, not the article's). */
export interface UiLocale {
  lang: string;
  dir: 'ltr' | 'rtl';
}
