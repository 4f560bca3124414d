// The settings' plain facts: versions, choices, ranges and defaults. No validator here, so the reader's
// first-paint bundle can import them without pulling in the valibot schema (schema.ts builds on these).
import type { Settings } from './schema';

/** Bumped whenever a stored shape changes; migrations.ts has one step per bump. */
export const CURRENT_SCHEMA_VERSION = 3;

export const FONT_FAMILIES = ['serif', 'sans', 'dyslexic', 'system'] as const;
export const TEXT_ALIGNS = ['start', 'justify'] as const;
export const THEMES = ['auto', 'light', 'sepia', 'dark', 'custom'] as const;
export const AUTO_MODES = ['off', 'sites', 'all-news'] as const;

/** Ranges and size caps. The caps reject absurd values (a corrupt store, a hostile file) per field. */
export const LIMITS = {
  fontSize: { min: 14, max: 32 },
  lineHeight: { min: 1.2, max: 2.2 },
  contentWidth: { min: 45, max: 100 },
  speechRate: { min: 0.5, max: 2 },
  maxSitesPerList: 1000,
  maxUserRules: 500,
  // The rules engine (src/rules/user-rules.ts) accepts selectors up to 500 characters.
  maxSelectorLength: 500,
  maxVoiceLength: 500,
} as const;

/** A fresh object with every default (callers may mutate it). */
export function defaultSettings(): Settings {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    fontSize: 20,
    fontFamily: 'serif',
    lineHeight: 1.6,
    contentWidth: 68,
    textAlign: 'start',
    theme: 'auto',
    // A dark pair well above WCAG AA (about 11:1), so picking "custom" is readable before any change.
    customColors: { background: '#1b2b34', text: '#d8dee9' },
    showImages: true,
    speechRate: 1,
    speechVoice: null,
    autoMode: 'off',
    alwaysSites: [],
    neverSites: [],
    userRules: [],
  };
}
