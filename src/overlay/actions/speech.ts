// Read aloud with the browser's speechSynthesis: one utterance per paragraph (long texts in one utterance
// stop early in Chromium, and a paragraph is the unit to highlight), the spoken paragraph highlighted and
// kept in view, play / pause / resume, speed and voice from the settings. Headless and some Linux browsers
// have no voices: that is reported, not hidden.
import { chooseVoice } from '../../shared/settings/voices';

/** What this module needs of window.speechSynthesis (a fake in tests). */
export interface SpeechEngine {
  speak(utterance: SpeechSynthesisUtterance): void;
  cancel(): void;
  pause(): void;
  resume(): void;
  getVoices(): SpeechSynthesisVoice[];
}

export type UtteranceFactory = (text: string) => SpeechSynthesisUtterance;

export type SpeechState = 'idle' | 'speaking' | 'paused';

export interface SpeechOptions {
  engine: SpeechEngine;
  createUtterance: UtteranceFactory;
  /** Called whenever the state or the spoken paragraph changes. */
  onChange?: (state: SpeechState, index: number) => void;
  /** Called when speech cannot start or fails (no voices, an engine error). */
  onProblem?: (problem: 'no-voices' | 'failed') => void;
  /** Scrolls the spoken paragraph into view (smooth unless reduced motion is asked for). */
  reveal?: (element: HTMLElement) => void;
}

const blockSelector = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, figcaption, pre, td, th, dd, dt';

/** The blocks to speak, in reading order: leaf text blocks only (a <li> holding <p>s gives the <p>s). */
export function speakableBlocks(container: ParentNode): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>(blockSelector)).filter(
    (element) =>
      (element.textContent ?? '').trim().length > 0 &&
      element.querySelector(blockSelector) === null,
  );
}

export const speakingClass = 'bs-speaking';

export class SpeechReader {
  private blocks: HTMLElement[] = [];
  private index = -1;
  private state: SpeechState = 'idle';
  /** Each run gets a number, so events of a cancelled utterance are ignored. */
  private run = 0;
  private rate = 1;
  private voiceName: string | null = null;

  constructor(private readonly options: SpeechOptions) {}

  get current(): { state: SpeechState; index: number } {
    return { state: this.state, index: this.index };
  }

  configure(rate: number, voiceName: string | null): void {
    this.rate = rate;
    this.voiceName = voiceName;
  }

  /** Play from the first paragraph, pause, or resume, as a single toggle button needs. */
  toggle(container: ParentNode): void {
    if (this.state === 'speaking') this.pause();
    else if (this.state === 'paused') this.resume();
    else this.start(container, 0);
  }

  start(container: ParentNode, from: number): void {
    this.stop();
    this.blocks = speakableBlocks(container);
    if (this.blocks.length === 0) return;
    this.speak(Math.max(0, Math.min(from, this.blocks.length - 1)));
  }

  pause(): void {
    if (this.state !== 'speaking') return;
    this.options.engine.pause();
    this.setState('paused');
  }

  resume(): void {
    if (this.state !== 'paused') return;
    this.options.engine.resume();
    this.setState('speaking');
  }

  stop(): void {
    this.run++;
    const active = this.state !== 'idle';
    if (active) this.options.engine.cancel();
    this.highlight(-1);
    this.index = -1;
    if (active) this.setState('idle');
  }

  private speak(index: number): void {
    const block = this.blocks[index];
    if (!block) {
      this.stop();
      return;
    }
    const run = ++this.run;
    const utterance = this.options.createUtterance(
      (block.textContent ?? '').replace(/\s+/g, ' ').trim(),
    );
    utterance.rate = this.rate;
    const voices = this.options.engine.getVoices();
    const lang = block.closest('[lang]')?.getAttribute('lang');
    // The saved voice if this browser has it, else the best voice for the paragraph's language.
    const voice = chooseVoice(voices, this.voiceName, lang);
    if (voice) utterance.voice = voice;
    if (lang) utterance.lang = lang;
    utterance.onend = () => {
      if (run === this.run) this.speak(index + 1);
    };
    utterance.onerror = (event) => {
      if (run !== this.run) return;
      // "interrupted" and "canceled" are our own stop(); anything else is a real failure.
      if (event.error === 'interrupted' || event.error === 'canceled') return;
      this.stop();
      this.options.onProblem?.(voices.length === 0 ? 'no-voices' : 'failed');
    };
    this.index = index;
    this.highlight(index);
    this.setState('speaking');
    this.options.engine.speak(utterance);
  }

  private highlight(index: number): void {
    for (const block of this.blocks) block.classList.remove(speakingClass);
    const block = this.blocks[index];
    if (!block) return;
    block.classList.add(speakingClass);
    this.options.reveal?.(block);
  }

  private setState(state: SpeechState): void {
    this.state = state;
    this.options.onChange?.(state, this.index);
  }
}
