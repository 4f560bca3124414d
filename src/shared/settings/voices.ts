// The speechVoice setting against the voices a browser actually has. The setting syncs between devices
// whose voices differ, so a saved voice that is missing here is never rewritten: reading aloud falls back
// to the best voice for the text's language and the options page says the saved one is not on this device.

/** What the choice needs of a voice; SpeechSynthesisVoice fits as it is. */
export interface VoiceInfo {
  readonly name: string;
  readonly lang: string;
  readonly voiceURI: string;
  readonly default: boolean;
  readonly localService?: boolean;
}

/** True when `voice` is the saved one: saved by name (what the pickers store) or by voiceURI. */
export function isSavedVoice(voice: VoiceInfo, saved: string | null): boolean {
  return saved !== null && (voice.name === saved || voice.voiceURI === saved);
}

/** The saved voice when this browser has it, else null. */
export function findSavedVoice<V extends VoiceInfo>(
  voices: readonly V[],
  saved: string | null,
): V | null {
  return voices.find((voice) => isSavedVoice(voice, saved)) ?? null;
}

/** "en_US" and "EN-us" as "en-us"; empty for nothing usable. */
export function normalizeLanguageTag(tag: string | null | undefined): string {
  return (tag ?? '').trim().replace(/_/g, '-').toLowerCase();
}

/** The primary language subtag: "pt" for "pt-BR". */
export function primaryLanguage(tag: string | null | undefined): string {
  return normalizeLanguageTag(tag).split('-')[0] ?? '';
}

/** 2 for the same tag (en-gb / en-GB), 1 for the same language (en-gb / en-us or en), 0 otherwise. */
function languageMatch(voiceLang: string, textLang: string): number {
  const voice = normalizeLanguageTag(voiceLang);
  const text = normalizeLanguageTag(textLang);
  if (!voice || !text) return 0;
  if (voice === text) return 2;
  return primaryLanguage(voice) === primaryLanguage(text) ? 1 : 0;
}

/**
 * The voice to read with: the saved voice when this browser has it; otherwise the best voice for the
 * text's language (same tag before same language; among equals the browser's default voice, then a local
 * one, then the browser's order); null when nothing fits, which leaves the choice to the browser.
 */
export function chooseVoice<V extends VoiceInfo>(
  voices: readonly V[],
  saved: string | null,
  lang: string | null | undefined,
): V | null {
  const savedVoice = findSavedVoice(voices, saved);
  if (savedVoice) return savedVoice;
  let best: V | null = null;
  let bestRank = 0;
  for (const voice of voices) {
    const match = languageMatch(voice.lang, lang ?? '');
    if (match === 0) continue;
    const rank = match * 4 + (voice.default ? 2 : 0) + (voice.localService ? 1 : 0);
    if (rank > bestRank) {
      best = voice;
      bestRank = rank;
    }
  }
  return best;
}

export interface VoiceGroup<V extends VoiceInfo> {
  /** The primary language subtag ("en"), or "" for voices that name no language. */
  language: string;
  /** The language's name in the UI language ("English"), or the subtag when the browser has none. */
  label: string;
  voices: V[];
}

/** The language's name in `uiLang` via Intl.DisplayNames; the code itself when it has no name. */
export function languageName(language: string, uiLang: string): string {
  if (!language) return '';
  try {
    return new Intl.DisplayNames([uiLang, 'en'], { type: 'language' }).of(language) ?? language;
  } catch {
    return language; // not a valid language code, or no Intl.DisplayNames
  }
}

/**
 * Voices grouped by language for a picker: the preferred language (the article's, or the UI's) first,
 * then by language name; voices by name within a group. Voices without a language come last.
 */
export function groupVoicesByLanguage<V extends VoiceInfo>(
  voices: readonly V[],
  preferredLang: string,
  uiLang: string,
): VoiceGroup<V>[] {
  const groups = new Map<string, V[]>();
  for (const voice of voices) {
    const language = primaryLanguage(voice.lang);
    const list = groups.get(language) ?? [];
    list.push(voice);
    groups.set(language, list);
  }
  const preferred = primaryLanguage(preferredLang);
  const collator = new Intl.Collator(uiLang || 'en');
  const result = [...groups].map(([language, list]) => ({
    language,
    label: languageName(language, uiLang),
    voices: [...list].sort((a, b) => collator.compare(a.name, b.name)),
  }));
  const order = (group: VoiceGroup<V>) =>
    group.language === preferred ? 0 : group.language ? 1 : 2;
  return result.sort((a, b) => order(a) - order(b) || collator.compare(a.label, b.label));
}
