// Light, sepia and dark themes; "auto" follows the system's colour scheme and keeps following it while open.

export type ThemeChoice = 'auto' | 'light' | 'sepia' | 'dark';
export type ResolvedTheme = Exclude<ThemeChoice, 'auto'>;

export const themeChoices: readonly ThemeChoice[] = ['auto', 'light', 'sepia', 'dark'];

export const darkSchemeQuery = '(prefers-color-scheme: dark)';

export function resolveTheme(choice: ThemeChoice, systemPrefersDark: boolean): ResolvedTheme {
  if (choice !== 'auto') return choice;
  return systemPrefersDark ? 'dark' : 'light';
}

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return typeof value === 'string' && (themeChoices as readonly string[]).includes(value);
}
