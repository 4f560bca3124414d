// Voice choice for reading aloud: the saved voice when the browser has it, else the best voice for the
// text's language, else the browser's own default; and the picker's grouping by language. Voices are plain
// objects shaped like SpeechSynthesisVoice (the lists below are what Chromium on Linux and Windows report).
import fc from 'fast-check';
import {
  chooseVoice,
  defaultSettings,
  findSavedVoice,
  groupVoicesByLanguage,
  languageName,
  LIMITS,
  parseSettings,
  primaryLanguage,
  type VoiceInfo,
} from '../../../src/shared/settings';

const voice = (name: string, lang: string, extra: Partial<VoiceInfo> = {}): VoiceInfo => ({
  name,
  lang,
  voiceURI: extra.voiceURI ?? name,
  default: extra.default ?? false,
  localService: extra.localService ?? true,
});

const voices: VoiceInfo[] = [
  voice('Microsoft David - English (United States)', 'en-US', { default: true }),
  voice('Microsoft Hazel - English (United Kingdom)', 'en-GB'),
  voice('Google Deutsch', 'de-DE', { localService: false }),
  voice('Microsoft Katja - German (Germany)', 'de-DE'),
  voice('Google français', 'fr-FR', { localService: false }),
  voice('Microsoft Naayf - Arabic (Saudi Arabia)', 'ar-SA'),
  voice('eSpeak Portuguese', 'pt_BR', { voiceURI: 'urn:espeak:pt-br' }),
];

describe('choosing the voice to read with', () => {
  it('uses the saved voice when the browser has it, whatever the language', () => {
    expect(chooseVoice(voices, 'Google français', 'en')?.name).toBe('Google français');
  });

  it('finds the saved voice by voiceURI as well as by name', () => {
    expect(findSavedVoice(voices, 'urn:espeak:pt-br')?.name).toBe('eSpeak Portuguese');
    expect(chooseVoice(voices, 'urn:espeak:pt-br', 'de')?.name).toBe('eSpeak Portuguese');
  });

  it('falls back to the best voice for the language when the saved voice is not on this device', () => {
    expect(chooseVoice(voices, 'Samantha', 'en-GB')?.name).toBe(
      'Microsoft Hazel - English (United Kingdom)',
    );
    // Same language, another region: the browser's default voice wins among equals.
    expect(chooseVoice(voices, 'Samantha', 'en-AU')?.name).toBe(
      'Microsoft David - English (United States)',
    );
  });

  it('prefers a local voice among equals and reads Android-style tags (pt_BR)', () => {
    expect(chooseVoice(voices, null, 'de')?.name).toBe('Microsoft Katja - German (Germany)');
    expect(chooseVoice(voices, null, 'pt-BR')?.name).toBe('eSpeak Portuguese');
    expect(chooseVoice(voices, null, 'AR')?.name).toBe('Microsoft Naayf - Arabic (Saudi Arabia)');
  });

  it('leaves the choice to the browser when no voice fits or nothing is known', () => {
    expect(chooseVoice(voices, null, 'ja')).toBeNull();
    expect(chooseVoice(voices, null, null)).toBeNull();
    expect(chooseVoice(voices, null, '')).toBeNull();
    expect(chooseVoice([], 'Google Deutsch', 'de')).toBeNull();
  });

  it('always returns one of the given voices or null, and the saved one whenever it is there', () => {
    const arbitraryVoice = fc.record({
      name: fc.string({ maxLength: 12 }),
      lang: fc.constantFrom('en', 'en-US', 'en_GB', 'de-DE', 'fr', '', 'x-klingon', 'zh-Hant-TW'),
      voiceURI: fc.string({ maxLength: 12 }),
      default: fc.boolean(),
      localService: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(arbitraryVoice, { maxLength: 8 }),
        fc.option(fc.string({ maxLength: 12 })),
        fc.option(fc.constantFrom('en', 'de-AT', 'fr-CA', 'ja', '', 'EN_us')),
        (list, saved, lang) => {
          const chosen = chooseVoice(list, saved, lang);
          if (chosen !== null) expect(list).toContain(chosen);
          const savedVoice = list.find((v) => v.name === saved || v.voiceURI === saved);
          if (saved !== null && savedVoice) expect(chosen).toBe(savedVoice);
          if (chosen !== null && !savedVoice) {
            expect(primaryLanguage(chosen.lang)).toBe(primaryLanguage(lang));
          }
        },
      ),
    );
  });
});

describe('grouping voices for a picker', () => {
  it('puts the preferred language first, then languages by name, voices by name', () => {
    const groups = groupVoicesByLanguage(voices, 'de-CH', 'en');
    expect(groups.map((group) => group.label)).toEqual([
      'German',
      'Arabic',
      'English',
      'French',
      'Portuguese',
    ]);
    expect(groups[0]?.voices.map((v) => v.name)).toEqual([
      'Google Deutsch',
      'Microsoft Katja - German (Germany)',
    ]);
    expect(groups.flatMap((group) => group.voices)).toHaveLength(voices.length);
  });

  it('names languages in the UI language and keeps voices without one last', () => {
    const groups = groupVoicesByLanguage([...voices, voice('Mystery', '')], 'en', 'de');
    expect(groups[0]?.label).toBe('Englisch');
    expect(groups.at(-1)).toMatchObject({ language: '', label: '' });
    expect(languageName('not a language!', 'en')).toBe('not a language!');
  });

  it('is empty for a browser without voices', () => {
    expect(groupVoicesByLanguage([], 'en', 'en')).toEqual([]);
  });
});

describe('the saved voice in the settings schema', () => {
  it('defaults to null (the browser default) and keeps a name or a voiceURI', () => {
    expect(defaultSettings().speechVoice).toBeNull();
    for (const saved of [
      'Google Deutsch',
      'urn:espeak:pt-br',
      'com.apple.voice.compact.en-GB.Daniel',
    ]) {
      const { settings, problems } = parseSettings({ schemaVersion: 3, speechVoice: saved });
      expect(settings.speechVoice).toBe(saved);
      expect(problems).toEqual([]);
    }
  });

  it('falls back to the default voice for that field alone when the saved value is unusable', () => {
    for (const bad of ['', 42, { name: 'x' }, 'v'.repeat(LIMITS.maxVoiceLength + 1)]) {
      const { settings, problems } = parseSettings({
        schemaVersion: 3,
        speechVoice: bad,
        fontSize: 24,
      });
      expect(settings.speechVoice).toBeNull();
      expect(settings.fontSize).toBe(24);
      expect(problems.map((problem) => problem.field)).toEqual(['speechVoice']);
    }
  });

  it('reads a v2 voice ("" meant the default) into the current field', () => {
    expect(parseSettings({ schemaVersion: 2, ttsVoice: '' }).settings.speechVoice).toBeNull();
    expect(parseSettings({ schemaVersion: 2, ttsVoice: 'Alex' }).settings.speechVoice).toBe('Alex');
  });
});
