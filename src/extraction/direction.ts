// Text direction: from markup when it says, else from the language, else from the script of the text.

/** Languages written right to left (primary subtags). */
const RTL_LANGUAGES = new Set([
  'ar', 'arc', 'ckb', 'dv', 'fa', 'ha-arab', 'he', 'iw', 'ks', 'ku-arab', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi',
]); // prettier-ignore

export function dirFromLang(lang: string | null | undefined): 'ltr' | 'rtl' | null {
  if (!lang) return null;
  const tag = lang.trim().toLowerCase().replace(/_/g, '-');
  if (tag === '') return null;
  const primary = tag.split('-')[0] ?? '';
  if (/-arab\b/.test(tag) || RTL_LANGUAGES.has(primary)) return 'rtl';
  return 'ltr';
}

export function parseDir(value: string | null | undefined): 'ltr' | 'rtl' | null {
  const v = value?.trim().toLowerCase();
  return v === 'rtl' || v === 'ltr' ? v : null;
}

const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/gu;
const ANY_LETTER = /\p{L}/gu;

/** 'rtl' when most letters of the text are Hebrew/Arabic-script letters. */
export function dirFromText(text: string): 'ltr' | 'rtl' | null {
  const sample = text.slice(0, 5000);
  const letters = sample.match(ANY_LETTER)?.length ?? 0;
  if (letters === 0) return null;
  const rtl = sample.match(RTL_LETTER)?.length ?? 0;
  return rtl / letters > 0.5 ? 'rtl' : 'ltr';
}
