// Typed messages between auto-reader.js (the automatically registered content script), the overlay's
// site choice and the background. Every received message goes through a guard here first.
// (They belong beside src/shared/messages.ts; kept here while that file is another helper's.)
import type { SiteChoice } from './settings';

/** auto-reader -> background: may the reader open by itself on this page (settings, user closed it)? */
export interface AutoAllowedQuery {
  type: 'broadsheet:auto-allowed';
  url: string;
}

/** auto-reader -> background: the page is an article; open the reader in the sender's tab. */
export interface AutoOpenRequest {
  type: 'broadsheet:auto-open';
  url: string;
}

/** auto-reader -> background: the user closed the automatically opened reader on this page. */
export interface AutoClosedReport {
  type: 'broadsheet:auto-closed';
  url: string;
}

/** Overlay -> background: the user chose "always" / "never" / neither for the page's site. */
export interface SiteChoiceRequest {
  type: 'broadsheet:site-choice';
  url: string;
  choice: SiteChoice;
}

/** Overlay -> background: what is the current choice for the page's site? */
export interface SiteChoiceQuery {
  type: 'broadsheet:site-choice-query';
  url: string;
}

/** The background's answer to both site-choice messages. */
export interface SiteChoiceAnswer {
  type: 'broadsheet:site-choice-state';
  choice: SiteChoice;
  /** True when "always" was chosen but the browser has not granted the site yet (a page to allow it opened). */
  needsPermission: boolean;
}

export type AutoModeMessage =
  AutoAllowedQuery | AutoOpenRequest | AutoClosedReport | SiteChoiceRequest | SiteChoiceQuery;

const siteChoices: readonly string[] = ['always', 'never', 'default'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isAutoModeMessage(value: unknown): value is AutoModeMessage {
  if (!isRecord(value) || typeof value.url !== 'string') return false;
  switch (value.type) {
    case 'broadsheet:auto-allowed':
    case 'broadsheet:auto-open':
    case 'broadsheet:auto-closed':
    case 'broadsheet:site-choice-query':
      return true;
    case 'broadsheet:site-choice':
      return typeof value.choice === 'string' && siteChoices.includes(value.choice);
    default:
      return false;
  }
}

export function isSiteChoiceAnswer(value: unknown): value is SiteChoiceAnswer {
  return (
    isRecord(value) &&
    value.type === 'broadsheet:site-choice-state' &&
    typeof value.choice === 'string' &&
    siteChoices.includes(value.choice) &&
    typeof value.needsPermission === 'boolean'
  );
}

/** The answer to AutoAllowedQuery and AutoOpenRequest. */
export function isYes(value: unknown): value is { ok: true } {
  return isRecord(value) && value.ok === true;
}
