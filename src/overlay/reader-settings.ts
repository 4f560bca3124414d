// Puts the reading settings on the dialog: CSS variables for the numbers, data attributes for the choices.
// styles.ts reads them; nothing else in the overlay needs to know the settings exist.
import type { Settings } from '../shared/settings';
import { resolveTheme } from './theme';

/**
 * CSS width for a line of about `characters` characters of prose. 1ch is the width of "0", wider than an
 * average letter of running text (about 0.8ch in Literata, Atkinson Hyperlegible and the system faces).
 */
export function measureFor(characters: number): string {
  return `${Math.round(characters * 0.8)}ch`;
}

export type ReaderLook = Pick<
  Settings,
  | 'fontSize'
  | 'fontFamily'
  | 'lineHeight'
  | 'contentWidth'
  | 'textAlign'
  | 'theme'
  | 'customColors'
  | 'showImages'
>;

export function applyReaderSettings(
  target: HTMLElement,
  settings: ReaderLook,
  systemPrefersDark: boolean,
): void {
  const { style, dataset } = target;
  style.setProperty('--bs-font-size', `${settings.fontSize}px`);
  style.setProperty('--bs-line-height', String(settings.lineHeight));
  style.setProperty('--bs-measure', measureFor(settings.contentWidth));
  style.setProperty('--bs-custom-bg', settings.customColors.background);
  style.setProperty('--bs-custom-fg', settings.customColors.text);
  dataset.theme = resolveTheme(settings.theme, systemPrefersDark);
  dataset.font = settings.fontFamily;
  dataset.align = settings.textAlign;
  dataset.images = settings.showImages ? 'on' : 'off';
}
