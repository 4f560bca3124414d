// Read aloud on the options page: the speed and the voice, from the voices this browser really has (grouped
// by language, the UI language first) with "browser default" always first. A saved voice this device does not
// have stays saved (settings sync between devices) and is shown as such; the reader then uses the best voice
// for the article's language. Browsers without voices (often headless or minimal Linux) get a plain note.
import {
  findSavedVoice,
  groupVoicesByLanguage,
  LIMITS,
  type Settings,
  type SettingsPatch,
  type VoiceInfo,
} from '../shared/settings';
import type { UiLocale } from '../overlay';
import { make, type OptionsText } from './text';

/** What the section needs of window.speechSynthesis; null where the browser has none. */
export interface VoiceSource {
  getVoices(): readonly VoiceInfo[];
  addEventListener?(type: 'voiceschanged', listener: () => void): void;
}

export interface SpeechSection {
  element: HTMLElement;
  show(settings: Settings): void;
}

export const speechIds = {
  rate: 'opt-speech-rate',
  rateValue: 'opt-speech-rate-value',
  voice: 'opt-speech-voice',
  status: 'speech-status',
} as const;

/** Speed as the slider steps it (0.1), within the schema's range. */
export function rateFromSlider(value: string): number | null {
  const rate = Math.round(Number(value) * 10) / 10;
  if (!Number.isFinite(rate)) return null;
  return Math.min(LIMITS.speechRate.max, Math.max(LIMITS.speechRate.min, rate));
}

export function buildSpeechSection(
  doc: Document,
  t: OptionsText,
  ui: UiLocale,
  update: (patch: SettingsPatch) => void,
  source: VoiceSource | null,
): SpeechSection {
  const element = make(doc, 'section', 'speech');
  element.setAttribute('aria-labelledby', 'speech-heading');
  const heading = make(doc, 'h2', undefined, t('optionsSpeechHeading'));
  heading.id = 'speech-heading';
  const rateFormat = new Intl.NumberFormat(ui.lang, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });

  const rateRow = make(doc, 'div', 'bs-tool');
  const rateLabel = make(doc, 'label', undefined, t('optionsFieldSpeechRate'));
  rateLabel.htmlFor = speechIds.rate;
  const rate = make(doc, 'input');
  rate.type = 'range';
  rate.id = speechIds.rate;
  rate.min = String(LIMITS.speechRate.min);
  rate.max = String(LIMITS.speechRate.max);
  rate.step = '0.1';
  const rateValue = make(doc, 'output');
  rateValue.id = speechIds.rateValue;
  rateValue.htmlFor.add(speechIds.rate);
  rateRow.append(rateLabel, rate, rateValue);

  const voiceRow = make(doc, 'div', 'bs-tool');
  const voiceLabel = make(doc, 'label', undefined, t('optionsFieldSpeechVoice'));
  voiceLabel.htmlFor = speechIds.voice;
  const voice = make(doc, 'select');
  voice.id = speechIds.voice;
  voice.setAttribute('aria-describedby', speechIds.status);
  voiceRow.append(voiceLabel, voice);

  const status = make(doc, 'p', 'hint');
  status.id = speechIds.status;
  status.setAttribute('role', 'status');

  element.append(
    heading,
    make(doc, 'p', 'hint', t('optionsSpeechIntro')),
    rateRow,
    voiceRow,
    status,
  );

  let saved: string | null = null;

  const showRate = (value: number) => {
    const text = `${rateFormat.format(value)}×`;
    rateValue.textContent = text;
    rate.setAttribute('aria-valuetext', text);
  };

  const option = (value: string, label: string) => {
    const node = make(doc, 'option', undefined, label);
    node.value = value;
    return node;
  };

  const fillVoices = () => {
    const voices = source?.getVoices() ?? [];
    const entries: (HTMLOptionElement | HTMLOptGroupElement)[] = [
      option('', t('speechDefaultVoice')),
    ];
    const missing = saved !== null && findSavedVoice(voices, saved) === null;
    if (saved !== null && missing) entries.push(option(saved, t('optionsVoiceNotHere', [saved])));
    for (const group of groupVoicesByLanguage(voices, ui.lang, ui.lang)) {
      const optgroup = make(doc, 'optgroup');
      optgroup.label = group.label || t('optionsVoiceOtherLanguages');
      optgroup.append(...group.voices.map((entry) => option(entry.name, entry.name)));
      entries.push(optgroup);
    }
    voice.replaceChildren(...entries);
    const chosen = saved === null ? null : (findSavedVoice(voices, saved)?.name ?? saved);
    voice.value = chosen ?? '';

    if (source === null) status.textContent = t('speechUnavailable');
    else if (missing) status.textContent = t('optionsVoiceMissing', [saved ?? '']);
    else if (voices.length === 0) status.textContent = t('optionsVoiceDefaultOnly');
    else status.textContent = t('optionsVoiceCount', [String(voices.length)]);
    voice.disabled = source === null;
    rate.disabled = source === null;
  };

  rate.addEventListener('input', () => {
    const value = rateFromSlider(rate.value);
    if (value === null) return;
    showRate(value);
    update({ speechRate: value });
  });
  voice.addEventListener('change', () => {
    saved = voice.value || null;
    update({ speechVoice: saved });
    fillVoices();
  });
  // Chromium fills its voice list after the page loads and says so with voiceschanged.
  source?.addEventListener?.('voiceschanged', fillVoices);
  fillVoices();

  return {
    element,
    show(settings) {
      rate.value = String(settings.speechRate);
      showRate(settings.speechRate);
      if (settings.speechVoice !== saved) {
        saved = settings.speechVoice;
        fillVoices();
      }
    },
  };
}
