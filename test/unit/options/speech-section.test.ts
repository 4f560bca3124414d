// The options page's read-aloud section without a browser: the voice list (grouped, default first), the
// saved voice kept when this device lacks it, the plain note when there are no voices, and what is saved.
import { JSDOM } from 'jsdom';
import {
  buildSpeechSection,
  rateFromSlider,
  type VoiceSource,
} from '../../../src/options/speech-section';
import { defaultSettings, type SettingsPatch, type VoiceInfo } from '../../../src/shared/settings';
import { englishMessages } from '../extension/dom';

const t = englishMessages() as (key: string, substitutions?: string[]) => string;
const ui = { lang: 'en', dir: 'ltr' } as const;

const voice = (name: string, lang: string): VoiceInfo => ({
  name,
  lang,
  voiceURI: `urn:test:${name}`,
  default: false,
  localService: true,
});

/** A speechSynthesis stand-in whose list can change later, as Chromium's does (voiceschanged). */
class FakeVoices implements VoiceSource {
  private listeners: (() => void)[] = [];
  constructor(public voices: VoiceInfo[]) {}
  getVoices() {
    return this.voices;
  }
  addEventListener(_type: 'voiceschanged', listener: () => void) {
    this.listeners.push(listener);
  }
  change(voices: VoiceInfo[]) {
    this.voices = voices;
    for (const listener of this.listeners) listener();
  }
}

function build(source: VoiceSource | null, speechVoice: string | null = null) {
  const { document } = new JSDOM('<!doctype html><main></main>').window;
  const patches: SettingsPatch[] = [];
  const section = buildSpeechSection(document, t, ui, (patch) => patches.push(patch), source);
  document.querySelector('main')?.append(section.element);
  section.show({ ...defaultSettings(), speechVoice });
  const select = document.getElementById('opt-speech-voice') as HTMLSelectElement;
  const status = () => document.getElementById('speech-status')?.textContent ?? '';
  const choose = (value: string) => {
    select.value = value;
    select.dispatchEvent(new document.defaultView!.Event('change'));
  };
  return { document, section, select, status, patches, choose };
}

const labelsOf = (select: HTMLSelectElement) =>
  Array.from(select.children).map((child) =>
    child.tagName === 'OPTGROUP'
      ? `${(child as HTMLOptGroupElement).label}: ${Array.from(child.children)
          .map((option) => option.textContent)
          .join(', ')}`
      : child.textContent,
  );

describe('the options page voice list', () => {
  it('offers the browser default first, then voices grouped by language, the UI language first', () => {
    const { select, status } = build(
      new FakeVoices([
        voice('Google Deutsch', 'de-DE'),
        voice('Hazel', 'en-GB'),
        voice('Amélie', 'fr-CA'),
        voice('David', 'en-US'),
      ]),
    );
    expect(labelsOf(select)).toEqual([
      'Browser default',
      'English: David, Hazel',
      'French: Amélie',
      'German: Google Deutsch',
    ]);
    expect(select.value).toBe('');
    expect(status()).toBe('Voices on this device: 4.');
  });

  it('saves the chosen voice by name, and null for the browser default', () => {
    const { choose, patches, select } = build(new FakeVoices([voice('Hazel', 'en-GB')]));
    choose('Hazel');
    expect(patches).toEqual([{ speechVoice: 'Hazel' }]);
    expect(select.value).toBe('Hazel');
    choose('');
    expect(patches.at(-1)).toEqual({ speechVoice: null });
  });

  it('shows a saved voice this device lacks as such, and keeps it saved', () => {
    const { select, status, patches } = build(
      new FakeVoices([voice('Hazel', 'en-GB')]),
      'Google Deutsch',
    );
    expect(select.value).toBe('Google Deutsch');
    expect(select.selectedOptions[0]?.textContent).toBe('Google Deutsch (not on this device)');
    expect(status()).toMatch(/Your saved voice "Google Deutsch" is not on this device/);
    expect(patches).toEqual([]);
  });

  it('selects a voice saved by its voiceURI', () => {
    const { select } = build(new FakeVoices([voice('Hazel', 'en-GB')]), 'urn:test:Hazel');
    expect(select.value).toBe('Hazel');
  });

  it('says plainly when only the default voice exists, and updates when voices arrive', () => {
    const source = new FakeVoices([]);
    const { select, status } = build(source);
    expect(labelsOf(select)).toEqual(['Browser default']);
    expect(select.disabled).toBe(false);
    expect(status()).toMatch(/^Only the browser's default voice is available/);
    source.change([voice('Hazel', 'en-GB')]);
    expect(labelsOf(select)).toEqual(['Browser default', 'English: Hazel']);
    expect(status()).toBe('Voices on this device: 1.');
  });

  it('disables the controls where the browser cannot speak at all', () => {
    const { select, status, document } = build(null);
    expect(select.disabled).toBe(true);
    expect((document.getElementById('opt-speech-rate') as HTMLInputElement).disabled).toBe(true);
    expect(status()).toBe("This browser can't read aloud.");
  });
});

describe('the read-aloud speed slider', () => {
  it('saves speeds in steps of 0.1 within the allowed range and shows the value', () => {
    expect(rateFromSlider('1.25')).toBe(1.3);
    expect(rateFromSlider('9')).toBe(2);
    expect(rateFromSlider('0.1')).toBe(0.5);
    expect(rateFromSlider('fast')).toBeNull();
    const { document, patches } = build(new FakeVoices([]));
    const rate = document.getElementById('opt-speech-rate') as HTMLInputElement;
    expect(rate.value).toBe('1');
    rate.value = '1.5';
    rate.dispatchEvent(new document.defaultView!.Event('input'));
    expect(patches).toEqual([{ speechRate: 1.5 }]);
    expect(document.getElementById('opt-speech-rate-value')?.textContent).toBe('1.5×');
    expect(rate.getAttribute('aria-valuetext')).toBe('1.5×');
  });
});
