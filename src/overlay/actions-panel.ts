// The "⋯" panel's content: copy as Markdown, save as HTML, print, and read aloud (play/pause, stop, speed,
// voice). Each action lives in its own module under actions/; this only wires buttons to them. The toolbar
// (content.js) owns the button and the empty panel; this fills it (reader-tools.js).
import type { ExtractedArticle } from '../extraction/types';
import { LIMITS, type Settings, type SettingsPatch } from '../shared/settings';
import { findSavedVoice, groupVoicesByLanguage } from '../shared/settings/voices';
import { articleMarkdown, copyText } from './actions/markdown';
import { SpeechReader, type SpeechEngine, type SpeechState } from './actions/speech';
import { downloadHtml, fileNameFor, printHtml, standaloneHtml } from './actions/standalone';
import type { OverlayMessageKey, Translate } from './i18n';

export interface ActionsPanelContent {
  show(settings: Settings): void;
  /** Stops speech (the reader is closing). */
  dispose(): void;
}

export interface ActionsContext {
  doc: Document;
  t: Translate;
  article: ExtractedArticle;
  pageUrl: string;
  /** The article body whose paragraphs are spoken and highlighted. */
  body: HTMLElement;
  settings: () => Settings;
  systemPrefersDark: () => boolean;
  /** The reader's CSS, inlined into saved and printed copies (the reader always gives it; without it a
   *  copy is saved unstyled). */
  readerCss?: string;
  update: (patch: SettingsPatch) => void;
  signal?: AbortSignal;
}

function button(doc: Document, className: string, text: string): HTMLButtonElement {
  const node = doc.createElement('button');
  node.type = 'button';
  node.className = `bs-action ${className}`;
  node.textContent = text;
  return node;
}

type SpeechWindow = Window & { SpeechSynthesisUtterance?: typeof SpeechSynthesisUtterance };

function speechEngine(view: SpeechWindow | null): SpeechEngine | null {
  const synth = view?.speechSynthesis;
  return synth && typeof view?.SpeechSynthesisUtterance === 'function' ? synth : null;
}

export function fillActionsPanel(panel: HTMLElement, context: ActionsContext): ActionsPanelContent {
  const { doc, t, signal } = context;
  const view = doc.defaultView as SpeechWindow | null;
  const on = <K extends keyof HTMLElementEventMap>(
    target: HTMLElement,
    type: K,
    listener: (event: HTMLElementEventMap[K]) => void,
  ) => target.addEventListener(type, listener, { signal });

  const status = doc.createElement('p');
  status.className = 'bs-action-status';
  status.setAttribute('role', 'status');
  const say = (key: OverlayMessageKey, substitutions?: string[]) => {
    status.textContent = t(key, substitutions);
  };

  const copy = button(doc, 'bs-copy-markdown', t('actionCopyMarkdown'));
  on(copy, 'click', () => {
    const markdown = articleMarkdown(context.article, context.pageUrl);
    void copyText(doc, markdown).then((ok) => say(ok ? 'actionCopied' : 'actionCopyFailed'));
  });
  const html = (forPrint: boolean) =>
    standaloneHtml(context.article, {
      pageUrl: context.pageUrl,
      settings: context.settings(),
      systemPrefersDark: context.systemPrefersDark(),
      forPrint,
      readerCss: context.readerCss ?? '',
    });
  const save = button(doc, 'bs-save-html', t('actionSaveHtml'));
  on(save, 'click', () => {
    const name = fileNameFor(context.article.title);
    downloadHtml(doc, html(false), name);
    say('actionSaved', [name]);
  });
  const print = button(doc, 'bs-print', t('actionPrint'));
  on(print, 'click', () => printHtml(doc, html(true)));

  // Read aloud.
  const speech = doc.createElement('div');
  speech.className = 'bs-speech';
  speech.setAttribute('role', 'group');
  speech.setAttribute('aria-label', t('speechGroup'));
  const play = button(doc, 'bs-speech-play', t('speechPlay'));
  const stop = button(doc, 'bs-speech-stop', t('speechStop'));
  stop.disabled = true;
  const rateId = 'bs-speech-rate';
  const rateLabel = doc.createElement('label');
  rateLabel.htmlFor = rateId;
  rateLabel.textContent = t('speechRate');
  const rate = doc.createElement('input');
  rate.type = 'range';
  rate.id = rateId;
  rate.min = String(LIMITS.speechRate.min);
  rate.max = String(LIMITS.speechRate.max);
  rate.step = '0.1';
  const voiceId = 'bs-speech-voice';
  const voiceLabel = doc.createElement('label');
  voiceLabel.htmlFor = voiceId;
  voiceLabel.textContent = t('speechVoice');
  const voice = doc.createElement('select');
  voice.id = voiceId;
  const speechMessage = doc.createElement('p');
  speechMessage.className = 'bs-speech-message';
  speechMessage.setAttribute('role', 'status');
  const rateRow = doc.createElement('div');
  rateRow.className = 'bs-tool';
  rateRow.append(rateLabel, rate);
  const voiceRow = doc.createElement('div');
  voiceRow.className = 'bs-tool';
  voiceRow.append(voiceLabel, voice);
  const buttons = doc.createElement('div');
  buttons.className = 'bs-speech-buttons';
  buttons.append(play, stop);
  speech.append(buttons, rateRow, voiceRow, speechMessage);

  const engine = speechEngine(view);
  const reduceMotion = () =>
    view?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  const reader = engine
    ? new SpeechReader({
        engine,
        createUtterance: (text) => {
          const Utterance = view?.SpeechSynthesisUtterance ?? SpeechSynthesisUtterance;
          return new Utterance(text);
        },
        reveal: (element) =>
          element.scrollIntoView({ block: 'center', behavior: reduceMotion() ? 'auto' : 'smooth' }),
        onChange: (state: SpeechState) => {
          const labels: Record<SpeechState, OverlayMessageKey> = {
            idle: 'speechPlay',
            speaking: 'speechPause',
            paused: 'speechResume',
          };
          play.textContent = t(labels[state]);
          play.setAttribute('aria-pressed', String(state === 'speaking'));
          stop.disabled = state === 'idle';
        },
        onProblem: (problem) => {
          speechMessage.textContent = t(
            problem === 'no-voices' ? 'speechNoVoices' : 'speechFailed',
          );
        },
      })
    : null;

  const fillVoices = () => {
    const voices = engine?.getVoices() ?? [];
    const chosen = context.settings().speechVoice;
    const option = (value: string, label: string) => {
      const node = doc.createElement('option');
      node.value = value;
      node.textContent = label;
      return node;
    };
    // Grouped by language, the article's first; group names in the reader's UI language.
    const uiLang = panel.closest<HTMLElement>('[lang]')?.lang || 'en';
    const entries = groupVoicesByLanguage(voices, context.article.lang ?? '', uiLang).map(
      (group) => {
        const options = group.voices.map((entry) => option(entry.name, entry.name));
        if (!group.language) return options; // voices that name no language: listed last, ungrouped
        const optgroup = doc.createElement('optgroup');
        optgroup.label = group.label;
        optgroup.append(...options);
        return [optgroup];
      },
    );
    voice.replaceChildren(option('', t('speechDefaultVoice')), ...entries.flat());
    voice.value = findSavedVoice(voices, chosen)?.name ?? '';
    if (!engine) speechMessage.textContent = t('speechUnavailable');
    else if (voices.length === 0) speechMessage.textContent = t('speechNoVoices');
    else if (speechMessage.textContent === t('speechNoVoices')) speechMessage.textContent = '';
  };
  fillVoices();
  if (engine && 'addEventListener' in engine) {
    (engine as unknown as EventTarget).addEventListener('voiceschanged', fillVoices, { signal });
  }
  if (!reader) {
    play.disabled = true;
    rate.disabled = true;
    voice.disabled = true;
  }

  on(play, 'click', () => {
    if (!reader) return;
    const settings = context.settings();
    reader.configure(settings.speechRate, settings.speechVoice);
    reader.toggle(context.body);
  });
  on(stop, 'click', () => reader?.stop());
  on(rate, 'input', () => {
    const value = Math.round(Number(rate.value) * 10) / 10;
    if (Number.isFinite(value)) context.update({ speechRate: value });
  });
  on(voice, 'change', () => context.update({ speechVoice: voice.value || null }));

  panel.append(copy, save, print, speech, status);

  return {
    show(settings: Settings) {
      rate.value = String(settings.speechRate);
      rate.setAttribute('aria-valuetext', `${settings.speechRate.toFixed(1)}×`);
      if (voice.value !== (settings.speechVoice ?? '')) fillVoices();
      reader?.configure(settings.speechRate, settings.speechVoice);
    },
    dispose() {
      reader?.stop();
    },
  };
}
