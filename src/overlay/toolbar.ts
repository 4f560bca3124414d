// The reader's toolbar: the theme switch and the close button, labelled in the browser's UI language.
import type { OverlayMessageKey, Translate, UiLocale } from './i18n';
import { isThemeChoice, type ThemeChoice } from './theme';

const themeLabels: Record<ThemeChoice, OverlayMessageKey> = {
  auto: 'themeAuto',
  light: 'themeLight',
  sepia: 'themeSepia',
  dark: 'themeDark',
};

export interface Toolbar {
  element: HTMLElement;
  closeButton: HTMLButtonElement;
  showChoice(choice: ThemeChoice): void;
  onThemeChoice(listener: (choice: ThemeChoice) => void, signal: AbortSignal): void;
}

const svgNs = 'http://www.w3.org/2000/svg';

function closeIcon(doc: Document): SVGSVGElement {
  const svg = doc.createElementNS(svgNs, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = doc.createElementNS(svgNs, 'path');
  path.setAttribute('d', 'M6 6l12 12M18 6L6 18');
  path.setAttribute('stroke', 'currentColor');
  path.setAttribute('stroke-width', '2');
  path.setAttribute('stroke-linecap', 'round');
  path.setAttribute('fill', 'none');
  svg.append(path);
  return svg;
}

export function buildToolbar(
  doc: Document,
  { t, ui, choices }: { t: Translate; ui: UiLocale; choices: readonly ThemeChoice[] },
): Toolbar {
  const element = doc.createElement('div');
  element.className = 'bs-toolbar';
  element.lang = ui.lang;
  element.dir = ui.dir;

  const themeSwitch = doc.createElement('div');
  themeSwitch.className = 'bs-theme-switch';
  themeSwitch.setAttribute('role', 'group');
  themeSwitch.setAttribute('aria-label', t('overlayThemeGroup'));
  const buttons = choices.map((choice) => {
    const button = doc.createElement('button');
    button.type = 'button';
    button.dataset.theme = choice;
    button.title = t(themeLabels[choice]);
    const label = doc.createElement('span');
    label.className = 'bs-label';
    label.textContent = t(themeLabels[choice]);
    button.append(label);
    themeSwitch.append(button);
    return button;
  });

  const closeButton = doc.createElement('button');
  closeButton.type = 'button';
  closeButton.className = 'bs-close';
  closeButton.setAttribute('aria-label', t('overlayClose'));
  closeButton.title = t('overlayClose');
  closeButton.append(closeIcon(doc));

  element.append(themeSwitch, closeButton);

  return {
    element,
    closeButton,
    showChoice(choice) {
      for (const button of buttons) {
        button.setAttribute('aria-pressed', String(button.dataset.theme === choice));
      }
    },
    onThemeChoice(listener, signal) {
      themeSwitch.addEventListener(
        'click',
        (event) => {
          const button = (event.target as Element | null)?.closest?.('button');
          const choice = button?.getAttribute('data-theme');
          if (isThemeChoice(choice)) listener(choice);
        },
        { signal },
      );
    },
  };
}
