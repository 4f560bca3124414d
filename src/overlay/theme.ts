// Light, sepia, dark and the user's custom pair; "auto" follows the system's colour scheme while open.
import type { Theme } from '../shared/settings';
import { allThemes } from './look';

export type ThemeChoice = Theme;
export type ResolvedTheme = Exclude<ThemeChoice, 'auto'>;

/** The quick switch in the toolbar; "custom" lives in the settings panel with its colour pickers. */
export const themeChoices: readonly ThemeChoice[] = ['auto', 'light', 'sepia', 'dark'];

export const darkSchemeQuery = '(prefers-color-scheme: dark)';

export function resolveTheme(choice: ThemeChoice, systemPrefersDark: boolean): ResolvedTheme {
  if (choice !== 'auto') return choice;
  return systemPrefersDark ? 'dark' : 'light';
}

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return typeof value === 'string' && (allThemes as readonly string[]).includes(value);
}

/** The theme the "t" key moves to: every theme in turn, custom included. */
export function nextTheme(choice: ThemeChoice): ThemeChoice {
  const index = allThemes.indexOf(choice);
  return allThemes[(index + 1) % allThemes.length] ?? 'auto';
}
