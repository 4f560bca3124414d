// Read aloud uses the voice setting as chooseVoice resolves it: the saved voice when the browser has it,
// otherwise the best voice for each paragraph's language (a German article gets a German voice even when the
// browser's default voice is English), otherwise the browser's choice with the paragraph's language set; and
// the reader's voice picker groups voices by language, the article's first.
import { JSDOM } from 'jsdom';
import type { ExtractedArticle } from '../../../src/extraction/types';
import { SpeechReader, type SpeechEngine } from '../../../src/overlay/actions/speech';
import { fillActionsPanel } from '../../../src/overlay/actions-panel';
import { defaultSettings } from '../../../src/shared/settings';
import { englishMessages } from '../extension/dom';

const voice = (name: string, lang: string, isDefault = false) =>
  ({
    name,
    lang,
    voiceURI: `urn:${name}`,
    default: isDefault,
    localService: true,
  }) as SpeechSynthesisVoice;

const english = voice('English default', 'en-US', true);
const german = voice('Anna', 'de-DE');
const french = voice('Amélie', 'fr-FR');

class Utterance {
  rate = 1;
  lang = '';
  voice: SpeechSynthesisVoice | null = null;
  onend: (() => void) | null = null;
  onerror: ((event: { error: string }) => void) | null = null;
  constructor(readonly text: string) {}
}

function speakFirst(voices: SpeechSynthesisVoice[], saved: string | null, html: string) {
  const spoken: Utterance[] = [];
  const engine: SpeechEngine = {
    speak: (utterance) => spoken.push(utterance as unknown as Utterance),
    cancel: () => undefined,
    pause: () => undefined,
    resume: () => undefined,
    getVoices: () => voices,
  };
  const reader = new SpeechReader({
    engine,
    createUtterance: (text) => new Utterance(text) as unknown as SpeechSynthesisUtterance,
  });
  const { document } = new JSDOM(`<div class="bs-article">${html}</div>`).window;
  reader.configure(1, saved);
  reader.toggle(document.querySelector('.bs-article') as HTMLElement);
  const first = spoken[0];
  if (!first) throw new Error('nothing spoken');
  spoken[0]?.onend?.();
  return { first, second: spoken[1] };
}

describe('the voice read aloud uses', () => {
  it('is the saved voice when the browser has it', () => {
    const { first } = speakFirst([english, german, french], 'Amélie', '<p lang="de">Hallo.</p>');
    expect(first.voice).toBe(french);
    expect(first.lang).toBe('de');
  });

  it("is the best voice for the paragraph's language when the saved one is missing", () => {
    const { first, second } = speakFirst(
      [english, german, french],
      'Not on this device',
      '<p lang="de-AT">Grüß Gott.</p><p lang="fr">Bonjour.</p>',
    );
    expect(first.voice).toBe(german);
    expect(second?.voice).toBe(french);
  });

  it("is the browser's choice, told the language, when no voice fits", () => {
    const { first } = speakFirst([english], null, '<p lang="ja">こんにちは。</p>');
    expect(first.voice).toBeNull();
    expect(first.lang).toBe('ja');
  });
});

describe("the reader's voice picker", () => {
  function pickerFor(voices: SpeechSynthesisVoice[], saved: string | null) {
    const dom = new JSDOM('<!doctype html><div lang="de"><section id="panel"></section></div>');
    // jsdom has no speech: give its window a stand-in engine, as a browser with these voices would have.
    const window = dom.window as unknown as Record<string, unknown>;
    window.speechSynthesis = {
      getVoices: () => voices,
      speak: () => undefined,
      cancel: () => undefined,
      pause: () => undefined,
      resume: () => undefined,
    };
    window.SpeechSynthesisUtterance = Utterance;
    const doc = dom.window.document;
    const panel = doc.getElementById('panel') as HTMLElement;
    const settings = { ...defaultSettings(), speechVoice: saved };
    fillActionsPanel(panel, {
      doc,
      t: englishMessages(),
      article: { title: 'Bonjour', lang: 'fr-FR' } as ExtractedArticle,
      pageUrl: 'https://example.com/article',
      body: doc.createElement('div'),
      settings: () => settings,
      systemPrefersDark: () => false,
      update: () => undefined,
    });
    return panel.querySelector('select') as HTMLSelectElement;
  }

  it("groups voices by language, the article's first, named in the UI language", () => {
    const select = pickerFor([english, german, french], null);
    expect(select.options[0]?.textContent).toBe('Browser default');
    expect(Array.from(select.querySelectorAll('optgroup')).map((group) => group.label)).toEqual([
      'Französisch',
      'Deutsch',
      'Englisch',
    ]);
    expect(select.value).toBe('');
  });

  it('shows the saved voice, found by name or voiceURI', () => {
    expect(pickerFor([english, german], 'Anna').value).toBe('Anna');
    expect(pickerFor([english, german], 'urn:Anna').value).toBe('Anna');
    expect(pickerFor([english], 'Anna').value).toBe('');
  });
});
