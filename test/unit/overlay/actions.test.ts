// Step 4: Markdown, the self-contained HTML file (also what is printed), and read-aloud sequencing with a
// fake speechSynthesis, on a real article (the plain-article fixture) extracted by the pipeline.
import { JSDOM } from 'jsdom';
import { articleMarkdown } from '../../../src/overlay/actions/markdown';
import {
  SpeechReader,
  speakableBlocks,
  speakingClass,
  type SpeechEngine,
} from '../../../src/overlay/actions/speech';
import { fileNameFor, standaloneHtml } from '../../../src/overlay/actions/standalone';
import { readerCss } from '../../../src/overlay/styles';
import { defaultSettings } from '../../../src/shared/settings';
import { fixturePage } from '../extension/dom';
import { extractFrom } from './support';

const dom = fixturePage('plain-article');
const article = extractFrom(dom);
const pageUrl = dom.window.location.href;

describe('copy as Markdown', () => {
  it('gives the title, byline, source and the article body as Markdown', () => {
    const markdown = articleMarkdown(article, pageUrl);
    expect(markdown.startsWith(`# ${article.title}\n\n*Maren Holt*\n\n<${pageUrl}>\n\n`)).toBe(
      true,
    );
    expect(markdown).toContain('The lifeboat station at the end of Quay Street stood empty');
    expect(markdown).not.toMatch(/<p>|<div/);
  });
});

describe('the self-contained HTML file', () => {
  const settings = { ...defaultSettings(), fontSize: 24, theme: 'sepia' as const };
  const html = standaloneHtml(article, { pageUrl, settings, systemPrefersDark: false, readerCss });
  const saved = new JSDOM(html).window.document;

  it('holds the article, the reader CSS inline and the user’s look, and no script', () => {
    expect(saved.title).toBe(article.title);
    expect(saved.querySelector('h1.bs-title')?.textContent).toBe(article.title);
    expect(saved.querySelector('.bs-article')?.textContent).toContain('Quay Street');
    expect(saved.querySelector('style')?.textContent).toContain('.bs-article');
    expect(saved.querySelector('.bs-dialog')?.getAttribute('data-theme')).toBe('sepia');
    expect(
      saved.querySelector<HTMLElement>('.bs-dialog')?.style.getPropertyValue('--bs-font-size'),
    ).toBe('24px');
    expect(saved.querySelector('script')).toBeNull();
    expect(
      saved.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
    ).toMatch(/default-src 'none'/);
    expect(saved.querySelector('.bs-source a')?.getAttribute('href')).toBe(pageUrl);
  });

  it('for print: light on paper, with a print stylesheet', () => {
    const printed = new JSDOM(
      standaloneHtml(article, {
        pageUrl,
        settings: { ...settings, theme: 'dark' },
        systemPrefersDark: true,
        forPrint: true,
        readerCss,
      }),
    ).window.document;
    expect(printed.querySelector('.bs-dialog')?.getAttribute('data-theme')).toBe('light');
    expect(printed.querySelector('style')?.textContent).toContain('@media print');
  });

  it('is named after the title', () => {
    expect(fileNameFor('Harbour town opens a library: “its old” station!')).toBe(
      'Harbour-town-opens-a-library-its-old-station.html',
    );
    expect(fileNameFor('Café über Straße')).toBe('Cafe-uber-Straße.html');
    expect(fileNameFor('!!!')).toBe('article.html');
  });
});

/** A speechSynthesis stand-in: records what is spoken; the test ends utterances when it wants. */
class FakeSpeech implements SpeechEngine {
  spoken: FakeUtterance[] = [];
  paused = false;
  cancelled = 0;
  voices: SpeechSynthesisVoice[] = [];
  speak(utterance: SpeechSynthesisUtterance) {
    this.spoken.push(utterance as unknown as FakeUtterance);
  }
  cancel() {
    this.cancelled++;
  }
  pause() {
    this.paused = true;
  }
  resume() {
    this.paused = false;
  }
  getVoices() {
    return this.voices;
  }
  get last(): FakeUtterance {
    const last = this.spoken[this.spoken.length - 1];
    if (!last) throw new Error('nothing spoken');
    return last;
  }
}

class FakeUtterance {
  rate = 1;
  lang = '';
  voice: SpeechSynthesisVoice | null = null;
  onend: (() => void) | null = null;
  onerror: ((event: { error: string }) => void) | null = null;
  constructor(readonly text: string) {}
}

function bodyOf(html: string): HTMLElement {
  const { document } = new JSDOM(`<div lang="de" class="bs-article">${html}</div>`).window;
  return document.querySelector('.bs-article') as HTMLElement;
}

function readerFor(engine: FakeSpeech) {
  const states: string[] = [];
  const problems: string[] = [];
  const revealed: string[] = [];
  const reader = new SpeechReader({
    engine,
    createUtterance: (text) => new FakeUtterance(text) as unknown as SpeechSynthesisUtterance,
    onChange: (state, index) => states.push(`${state}:${index}`),
    onProblem: (problem) => problems.push(problem),
    reveal: (element) => revealed.push(element.textContent ?? ''),
  });
  return { reader, states, problems, revealed };
}

describe('read aloud', () => {
  it('speaks leaf blocks in order, skipping empty ones', () => {
    const body = bodyOf(
      '<h2>Head</h2><p>One</p><p> </p><ul><li><p>Two</p></li><li>Three</li></ul>',
    );
    expect(speakableBlocks(body).map((block) => block.textContent)).toEqual([
      'Head',
      'One',
      'Two',
      'Three',
    ]);
  });

  it('goes paragraph by paragraph, highlighting and revealing each, then stops', () => {
    const engine = new FakeSpeech();
    const { reader, revealed } = readerFor(engine);
    const body = bodyOf('<p>First  paragraph.</p><p>Second.</p>');
    reader.configure(1.5, null);
    reader.toggle(body);
    expect(engine.last.text).toBe('First paragraph.');
    expect(engine.last.rate).toBe(1.5);
    expect(engine.last.lang).toBe('de');
    expect(body.querySelector(`.${speakingClass}`)?.textContent).toBe('First  paragraph.');
    engine.last.onend?.();
    expect(engine.last.text).toBe('Second.');
    expect(body.querySelectorAll(`.${speakingClass}`)).toHaveLength(1);
    engine.last.onend?.();
    expect(reader.current).toEqual({ state: 'idle', index: -1 });
    expect(body.querySelector(`.${speakingClass}`)).toBeNull();
    expect(revealed).toEqual(['First  paragraph.', 'Second.']);
  });

  it('pauses, resumes and stops; a stopped utterance’s late end event does nothing', () => {
    const engine = new FakeSpeech();
    const { reader, states } = readerFor(engine);
    const body = bodyOf('<p>A</p><p>B</p>');
    reader.toggle(body);
    reader.toggle(body);
    expect(engine.paused).toBe(true);
    reader.toggle(body);
    expect(engine.paused).toBe(false);
    const first = engine.last;
    reader.stop();
    first.onend?.();
    expect(engine.spoken).toHaveLength(1);
    expect(states).toEqual(['speaking:0', 'paused:0', 'speaking:0', 'idle:-1']);
  });

  it('uses the chosen voice when the browser has it', () => {
    const engine = new FakeSpeech();
    const anna = { name: 'Anna', lang: 'de-DE' } as SpeechSynthesisVoice;
    engine.voices = [anna];
    const { reader } = readerFor(engine);
    reader.configure(1, 'Anna');
    reader.toggle(bodyOf('<p>Hallo</p>'));
    expect(engine.last.voice).toBe(anna);
  });

  it('reports "no voices" when speech fails and the browser has none', () => {
    const engine = new FakeSpeech();
    const { reader, problems } = readerFor(engine);
    reader.toggle(bodyOf('<p>A</p>'));
    engine.last.onerror?.({ error: 'synthesis-failed' });
    expect(problems).toEqual(['no-voices']);
    expect(reader.current.state).toBe('idle');
    // Our own cancel is not a problem.
    reader.toggle(bodyOf('<p>A</p>'));
    engine.last.onerror?.({ error: 'interrupted' });
    expect(problems).toEqual(['no-voices']);
  });
});
