// What the toolbar button shows for one tab: idle, reader open (the "on" icon and an ON badge), or blocked
// (a "!" badge and a title that explains why). All state is per tab and lives in the browser's own action
// settings, so nothing is lost when the service worker sleeps.
import type { Action } from 'webextension-polyfill';
import type { BlockedReason } from '../shared/messages';

/** The part of browser.action this module uses (narrow, so tests can pass a recorder). */
export type ActionApi = Pick<
  Action.Static,
  'setIcon' | 'setTitle' | 'setBadgeText' | 'setBadgeBackgroundColor'
>;

export type Translate = (key: string) => string;

const iconSizes = [16, 32, 48, 128] as const;

function iconPaths(variant: 'icon' | 'icon-on'): Record<string, string> {
  return Object.fromEntries(
    iconSizes.map((size) => [String(size), `icons/${variant}-${size}.png`]),
  );
}

/** The i18n message key that explains each blocked reason. */
export const blockedMessageKeys: Record<BlockedReason, string> = {
  'browser-page': 'blockedBrowserPage',
  'web-store': 'blockedWebStore',
  pdf: 'blockedPdf',
  'not-html': 'blockedNotHtml',
  'file-access': 'blockedFileAccess',
  failed: 'blockedFailed',
};

const onBadgeColor = '#1b6b3a';
const blockedBadgeColor = '#b3261e';

export class ActionState {
  constructor(
    private readonly action: ActionApi,
    private readonly t: Translate,
  ) {}

  /** The reader is open in this tab. */
  async showOpen(tabId: number): Promise<void> {
    await Promise.all([
      this.action.setIcon({ tabId, path: iconPaths('icon-on') }),
      this.action.setBadgeText({ tabId, text: this.t('badgeOn') }),
      this.action.setBadgeBackgroundColor({ tabId, color: onBadgeColor }),
      this.action.setTitle({ tabId, title: this.t('actionTitleClose') }),
    ]);
  }

  /** Back to the plain button (reader closed, or the tab navigated). */
  async showIdle(tabId: number): Promise<void> {
    await Promise.all([
      this.action.setIcon({ tabId, path: iconPaths('icon') }),
      this.action.setBadgeText({ tabId, text: '' }),
      this.action.setTitle({ tabId, title: this.t('actionTitle') }),
    ]);
  }

  /** The reader cannot run here: say so on the button instead of failing silently. */
  async showBlocked(tabId: number, reason: BlockedReason): Promise<void> {
    await Promise.all([
      this.action.setIcon({ tabId, path: iconPaths('icon') }),
      this.action.setBadgeText({ tabId, text: '!' }),
      this.action.setBadgeBackgroundColor({ tabId, color: blockedBadgeColor }),
      this.action.setTitle({ tabId, title: this.t(blockedMessageKeys[reason]) }),
    ]);
  }
}
