// The reader's toolbar: the theme switch, reading settings, minutes left, keyboard help and the close
// button, labelled in the browser's UI language, with the reading-progress bar along its bottom edge.
// The three panels (settings, actions, help) are empty here: reader-tools.js fills them (tools-contract.ts);
// a panel opened before that waits for `prepare`.
import type { OverlayMessageKey, Translate, UiLocale } from './i18n';
import { buildPopover, type Popover } from './popover';
import { buildProgress, type ProgressView } from './progress';
import { isThemeChoice, type ThemeChoice } from './theme';

const themeLabels: Record<ThemeChoice, OverlayMessageKey> = {
  auto: 'themeAuto',
  light: 'themeLight',
  sepia: 'themeSepia',
  dark: 'themeDark',
  custom: 'themeCustom',
};

export interface Toolbar {
  element: HTMLElement;
  /** Where further toolbar items mount (e.g. the automatic-mode site choice). */
  startGroup: HTMLElement;
  closeButton: HTMLButtonElement;
  settings: Popover;
  help: Popover;
  /** Copy, save, print and read aloud; null when there is no article. */
  actions: Popover | null;
  /** Every popover, for "Escape closes the open one first". */
  popovers: Popover[];
  progress: ProgressView;
  showChoice(choice: ThemeChoice): void;
  onThemeChoice(listener: (choice: ThemeChoice) => void, signal: AbortSignal): void;
}

export interface ToolbarOptions {
  t: Translate;
  ui: UiLocale;
  choices: readonly ThemeChoice[];
  /** The article's reading time, for "minutes left". */
  readingMinutes: number;
  /** Whether there is an article to act on; without one the actions button is left out. */
  hasArticle: boolean;
  /** Gets the panels' content ready: a promise while reader-tools.js loads, undefined once it is there. */
  prepare: () => Promise<void> | undefined;
  /** Opens the options page ("All settings"); without it the button is left out. */
  openOptions?: () => void;
  signal?: AbortSignal;
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

function buildThemeSwitch(doc: Document, t: Translate, choices: readonly ThemeChoice[]) {
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
  return { themeSwitch, buttons };
}

/** "All settings": the options page, with what the reader's panel has no room for (voice, sites, rules). */
function buildAllSettingsButton(doc: Document, t: Translate): HTMLButtonElement {
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'bs-tool-button bs-open-options';
  // U+FE0E asks for the text (not emoji) form of the gear, so it takes the toolbar's colour.
  button.textContent = '\u2699\uFE0E';
  button.setAttribute('aria-label', t('overlayAllSettings'));
  button.title = t('overlayAllSettings');
  return button;
}

export function buildToolbar(doc: Document, options: ToolbarOptions): Toolbar {
  const { t, ui, choices, signal } = options;
  const element = doc.createElement('div');
  element.className = 'bs-toolbar';
  element.lang = ui.lang;
  element.dir = ui.dir;

  const { themeSwitch, buttons } = buildThemeSwitch(doc, t, choices);
  const { prepare } = options;
  const settings = buildPopover(doc, {
    id: 'settings',
    buttonText: 'Aa',
    buttonLabel: t('overlaySettings'),
    title: t('overlaySettingsTitle'),
    signal,
    prepare,
  });
  const help = buildPopover(doc, {
    id: 'help',
    buttonText: '?',
    buttonLabel: t('overlayHelp'),
    title: t('overlayHelpTitle'),
    signal,
    prepare,
  });
  const actions = options.hasArticle
    ? buildPopover(doc, {
        id: 'actions',
        buttonText: '⋯',
        buttonLabel: t('overlayActions'),
        title: t('overlayActions'),
        signal,
        prepare,
      })
    : null;
  const popovers: Popover[] = [settings, ...(actions ? [actions] : []), help];
  const progress = buildProgress(doc, t, options.readingMinutes);

  const closeButton = doc.createElement('button');
  closeButton.type = 'button';
  closeButton.className = 'bs-close';
  closeButton.setAttribute('aria-label', t('overlayClose'));
  closeButton.title = t('overlayClose');
  closeButton.append(closeIcon(doc));

  const allSettings = options.openOptions ? buildAllSettingsButton(doc, t) : null;
  const openOptions = options.openOptions;
  if (allSettings && openOptions) {
    allSettings.addEventListener('click', () => openOptions(), { signal });
  }

  const startGroup = doc.createElement('div');
  startGroup.className = 'bs-toolbar-start';
  startGroup.append(themeSwitch, settings.button);
  const endGroup = doc.createElement('div');
  endGroup.className = 'bs-toolbar-end';
  endGroup.append(
    progress.label,
    ...(actions ? [actions.button] : []),
    ...(allSettings ? [allSettings] : []),
    help.button,
    closeButton,
  );
  element.append(startGroup, endGroup, progress.bar, ...popovers.map((popover) => popover.panel));

  // Opening one popover closes the others: they share the space under the toolbar.
  for (const popover of popovers) {
    popover.button.addEventListener(
      'click',
      () => {
        for (const other of popovers) if (other !== popover) other.close(false);
      },
      { signal },
    );
  }

  return {
    element,
    startGroup,
    closeButton,
    settings,
    help,
    actions,
    popovers,
    progress,
    showChoice(choice) {
      for (const button of buttons) {
        button.setAttribute('aria-pressed', String(button.dataset.theme === choice));
      }
    },
    onThemeChoice(listener, listenerSignal) {
      themeSwitch.addEventListener(
        'click',
        (event) => {
          const button = (event.target as Element | null)?.closest?.('button');
          const choice = button?.getAttribute('data-theme');
          if (isThemeChoice(choice)) listener(choice);
        },
        { signal: listenerSignal },
      );
    },
  };
}
