// The options page's "open automatically" section: off / chosen sites / all news articles, the "always"
// and "never" site lists, and the prompt to allow one site that the overlay's "always open here" opens
// (options.html#allow=<host>). Host permissions are asked for here, in the click's own handler, because
// browsers grant them only during a user action (and never to content scripts). The page only saves
// settings and asks for permissions; the background registers or removes the content scripts.
import browser from 'webextension-polyfill';
import {
  AUTO_MODES,
  loadSettings,
  normalizeHostname,
  onSettingsChanged,
  saveSettings,
  siteChoicePatch,
  type AutoMode,
  type Settings,
  type SettingsPatch,
} from '../shared/settings';
import { ALL_SITES_ORIGINS, siteOrigins } from '../shared/site-permissions';

const modeLabels: Record<AutoMode, string> = {
  off: 'autoModeOff',
  sites: 'autoModeSites',
  'all-news': 'autoModeAllNews',
};

type Text = (key: string, substitutions?: string[]) => string;
const t: Text = (key, substitutions) => browser.i18n.getMessage(key, substitutions);

function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = Object.assign(doc.createElement(tag), props);
  node.append(...children);
  return node;
}

/** The host the page was opened to allow (#allow=host), when it is one. */
export function hostToAllow(hash: string): string | null {
  const match = /^#allow=([^&]+)$/.exec(hash);
  if (!match?.[1]) return null;
  try {
    return normalizeHostname(decodeURIComponent(match[1]));
  } catch {
    return null;
  }
}

export function mountAutoModeSection(container: HTMLElement): void {
  const store = {
    area: browser.storage.sync,
    areaName: 'sync',
    onChanged: browser.storage.onChanged,
  };
  const doc = container.ownerDocument;
  let settings: Settings | null = null;
  let granted: string[] = [];

  const status = element(doc, 'p', { id: 'auto-status' });
  status.setAttribute('role', 'status');
  const say = (text: string) => {
    status.textContent = text;
  };

  const save = async (patch: SettingsPatch) => {
    const result = await saveSettings(store.area, patch);
    if (!result.ok) say(result.message);
    else say(t('autoSaved'));
    if (result.ok) render(result.settings);
  };

  /** Must run synchronously inside the click/change handler: the browser grants only during a user action. */
  const ask = (origins: readonly string[]) =>
    browser.permissions.request({ origins: [...origins] }).catch((error: unknown) => {
      say(t('autoPermissionError', [String(error)]));
      return false;
    });

  // ---- mode ----
  const fieldset = element(
    doc,
    'fieldset',
    {},
    element(doc, 'legend', { textContent: t('autoModeLegend') }),
  );
  const radios = AUTO_MODES.map((mode) => {
    const input = element(doc, 'input', { type: 'radio', name: 'auto-mode', value: mode });
    input.id = `auto-mode-${mode}`;
    fieldset.append(element(doc, 'label', {}, input, ' ', t(modeLabels[mode])), element(doc, 'br'));
    return input;
  });
  fieldset.append(element(doc, 'p', { className: 'hint', textContent: t('autoAllNewsExplain') }));
  fieldset.addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    const mode = AUTO_MODES.find((candidate) => candidate === input.value);
    if (!mode || !settings) return;
    if (mode !== 'all-news') {
      void save({ autoMode: mode });
      return;
    }
    void ask(ALL_SITES_ORIGINS).then((ok) => {
      if (ok) return save({ autoMode: 'all-news' });
      say(t('autoPermissionDenied'));
      if (settings) render(settings);
      return undefined;
    });
  });

  // ---- the prompt to allow one site (from the overlay's "always open here") ----
  const allowBox = element(doc, 'div', { id: 'auto-allow', hidden: true });
  const allowText = element(doc, 'p');
  const allowButton = element(doc, 'button', {
    type: 'button',
    id: 'auto-allow-button',
    textContent: t('autoAllow'),
  });
  allowBox.append(allowText, allowButton);
  let pendingHost = hostToAllow(location.hash);
  allowButton.addEventListener('click', () => {
    const host = pendingHost;
    if (!host) return;
    void ask(siteOrigins(host)).then(async (ok) => {
      if (!ok) return say(t('autoPermissionDenied'));
      await refreshGranted();
      pendingHost = null;
      if (settings) await addAlways(host, settings);
    });
  });

  // ---- site lists ----
  const alwaysList = element(doc, 'ul', { id: 'auto-always-sites' });
  const neverList = element(doc, 'ul', { id: 'auto-never-sites' });
  const input = element(doc, 'input', {
    type: 'text',
    id: 'auto-site-input',
    name: 'site',
    autocomplete: 'off',
  });
  input.setAttribute('inputmode', 'url');
  const form = element(
    doc,
    'form',
    { id: 'auto-add-site' },
    element(doc, 'label', { htmlFor: 'auto-site-input', textContent: t('autoAddSiteLabel') }),
    ' ',
    input,
    ' ',
    element(doc, 'button', { type: 'submit', textContent: t('autoAddSite') }),
  );

  const addAlways = (host: string, current: Settings) => {
    const patch: SettingsPatch | null = siteChoicePatch(current, host, 'always');
    if (!patch) return Promise.resolve();
    if (current.autoMode === 'off') patch.autoMode = 'sites';
    return save(patch);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const host = normalizeHostname(input.value);
    if (!host || !settings) {
      say(t('autoNotASite'));
      return;
    }
    const current = settings;
    void ask(siteOrigins(host)).then(async (ok) => {
      if (!ok) return say(t('autoPermissionDenied'));
      input.value = '';
      await refreshGranted();
      await addAlways(host, current);
    });
  });

  const siteRow = (host: string, list: 'always' | 'never') => {
    const remove = element(doc, 'button', { type: 'button', textContent: t('autoRemoveSite') });
    remove.setAttribute('aria-label', t('autoRemoveSiteLabel', [host]));
    remove.dataset.site = host;
    remove.addEventListener('click', () => {
      if (!settings) return;
      const patch = siteChoicePatch(settings, host, 'default');
      if (patch) void save(patch);
    });
    const row = element(
      doc,
      'li',
      {},
      element(doc, 'span', { className: 'site', textContent: host }),
      ' ',
      remove,
    );
    const needsGrant =
      list === 'always' && !siteOrigins(host).every((origin) => granted.includes(origin));
    if (needsGrant && settings?.autoMode === 'sites') {
      const allow = element(doc, 'button', { type: 'button', textContent: t('autoAllow') });
      allow.setAttribute('aria-label', t('autoAllowSite', [host]));
      allow.addEventListener('click', () => {
        void ask(siteOrigins(host)).then(async (ok) => {
          if (!ok) return say(t('autoPermissionDenied'));
          await refreshGranted();
          if (settings) render(settings);
        });
      });
      row.append(' ', allow);
    }
    return row;
  };

  const fillList = (
    list: HTMLUListElement,
    hosts: readonly string[],
    which: 'always' | 'never',
  ) => {
    list.replaceChildren(
      ...(hosts.length > 0
        ? hosts.map((host) => siteRow(host, which))
        : [element(doc, 'li', { className: 'none', textContent: t('autoNoSites') })]),
    );
  };

  function render(next: Settings): void {
    settings = next;
    for (const radio of radios) radio.checked = radio.value === next.autoMode;
    fillList(alwaysList, next.alwaysSites, 'always');
    fillList(neverList, next.neverSites, 'never');
    allowBox.hidden = pendingHost === null;
    if (pendingHost) allowText.textContent = t('autoAllowPrompt', [pendingHost]);
  }

  async function refreshGranted(): Promise<void> {
    granted = (await browser.permissions.getAll()).origins ?? [];
  }

  container.append(
    element(doc, 'h2', { id: 'auto-heading', textContent: t('autoHeading') }),
    allowBox,
    fieldset,
    element(doc, 'h3', { textContent: t('autoAlwaysHeading') }),
    alwaysList,
    form,
    element(doc, 'h3', { textContent: t('autoNeverHeading') }),
    neverList,
    status,
  );
  container.setAttribute('aria-labelledby', 'auto-heading');

  void Promise.all([loadSettings(store.area), refreshGranted()]).then(([loaded]) => {
    render(loaded.settings);
    container.dataset.ready = 'true'; // tests and screen readers: the section shows stored settings
  });
  onSettingsChanged(store, (change) => {
    void refreshGranted().then(() => render(change.settings));
  });
}
