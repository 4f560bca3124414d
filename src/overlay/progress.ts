// Reading progress: how far the reader has scrolled through the article, as a thin bar and minutes left.
import { readingMinutes } from './format';
import type { Translate } from './i18n';

/** 0 at the top, 1 at the end; a page that does not scroll counts as read. */
export function scrollProgress(
  scrollTop: number,
  scrollHeight: number,
  clientHeight: number,
): number {
  const scrollable = scrollHeight - clientHeight;
  if (!(scrollable > 1)) return 1;
  return Math.min(1, Math.max(0, scrollTop / scrollable));
}

/** Whole minutes still to read; 0 once the end is in view. */
export function minutesLeft(totalMinutes: number, progress: number): number {
  if (progress >= 0.99) return 0;
  return Math.max(1, Math.ceil(readingMinutes(totalMinutes) * (1 - progress)));
}

export interface ProgressView {
  bar: HTMLElement;
  label: HTMLElement;
  update(scroller: HTMLElement): void;
  /** The article's reading time changed (a very long article's estimate became the exact one). */
  setTotalMinutes(minutes: number): void;
}

export function buildProgress(doc: Document, t: Translate, totalMinutes: number): ProgressView {
  const bar = doc.createElement('div');
  bar.className = 'bs-progress';
  bar.setAttribute('role', 'progressbar');
  bar.setAttribute('aria-label', t('progressLabel'));
  bar.setAttribute('aria-valuemin', '0');
  bar.setAttribute('aria-valuemax', '100');
  const fill = doc.createElement('div');
  fill.className = 'bs-progress-fill';
  bar.append(fill);

  const label = doc.createElement('span');
  label.className = 'bs-minutes-left';

  let shown = '';
  let total = totalMinutes;
  return {
    bar,
    label,
    update(scroller) {
      const progress = scrollProgress(
        scroller.scrollTop,
        scroller.scrollHeight,
        scroller.clientHeight,
      );
      bar.style.setProperty('--bs-progress', progress.toFixed(4));
      bar.setAttribute('aria-valuenow', String(Math.round(progress * 100)));
      const left = minutesLeft(total, progress);
      const text = left === 0 ? t('finishedReading') : t('minutesLeft', [String(left)]);
      if (text !== shown) label.textContent = shown = text;
    },
    setTotalMinutes(minutes) {
      total = minutes;
    },
  };
}
