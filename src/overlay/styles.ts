// The reader's CSS for the first paint (the panels' CSS comes with them: tools-styles.ts). It lives inside the shadow root, so it cannot leak into the page; the :host rules
// use !important because, for the host element itself, the page's !important rules would otherwise win.
// Sizes are in em, never rem: rem follows the page's <html> font size, which sites often change.
import { readerDyslexicFamily, readerSansFamily, readerSerifFamily } from './fonts';

const serifStack = `"${readerSerifFamily}", Literata, Charter, "Bitstream Charter", "Iowan Old Style", Georgia, Cambria, "Times New Roman", serif`;
const systemStack = `system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif`;
// The reading fonts fall back on the system stack through --bs-sans (set once, on the dialog).
const sansStack = `"${readerSansFamily}", "Atkinson Hyperlegible", var(--bs-sans)`;
const dyslexicStack = `"${readerDyslexicFamily}", OpenDyslexic, "Comic Sans MS", var(--bs-sans)`;
export const monoStack = `ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace`;

/**
 * Pins the host over the page, whatever the page's own CSS says. It stays in content.js (readerCss comes
 * from the background), so even a reader whose CSS never arrived is positioned over the page.
 */
export const hostCss = `
:host {
  all: initial !important;
  display: block !important;
  position: fixed !important;
  inset: 0 !important;
  z-index: 2147483647 !important;
  width: auto !important;
  height: auto !important;
  margin: 0 !important;
  padding: 0 !important;
  border: 0 !important;
  transform: none !important;
  filter: none !important;
  opacity: 1 !important;
  visibility: visible !important;
  contain: strict !important;
}

/*
 * Only while the reader's CSS is missing (it comes from the background; see overlay.ts): the "couldn't
 * open" message on a plain page, and the close button, the one control that works without the panels.
 */
.bs-dialog[data-unstyled] {
  position: absolute;
  inset: 0;
  padding: 1em 2em;
  background: #fff;
  color: #1d1d1f;
  font: 1.25em/1.5 system-ui, sans-serif;
  outline: none;
}
[data-unstyled] .bs-toolbar :not(.bs-toolbar-end, .bs-close, .bs-close *) { display: none; }
[data-unstyled] svg { width: 1.5em; height: 1.5em; }
`;

/** The reader itself, without the rules that pin the host over the page (the options preview uses it). */
export const readerCss = `
*, ::before, ::after { box-sizing: border-box; }

.bs-dialog {
  --bs-bg: #fff;
  --bs-fg: #1d1d1f;
  --bs-muted: #5c5c63;
  --bs-accent: #a3261b;
  --bs-link: #0b57d0;
  --bs-border: #e2e2e6;
  --bs-subtle: #f3f3f5;
  --bs-toolbar: rgb(255 255 255 / 0.9);
  --bs-focus: #0b57d0;
  --bs-serif: ${serifStack};
  --bs-sans: ${systemStack};
  --bs-reading-font: var(--bs-serif);
  --bs-font-size: 20px;
  --bs-line-height: 1.6;
  --bs-measure: 54ch; /* measureFor(68): about 68 characters a line */
  color-scheme: light;
  position: absolute;
  inset: 0;
  overflow-x: hidden;
  overflow-y: auto;
  overscroll-behavior: contain;
  background: var(--bs-bg);
  color: var(--bs-fg);
  font-family: var(--bs-sans);
  line-height: 1.5;
  text-align: start;
  -webkit-text-size-adjust: 100%;
  text-size-adjust: 100%;
  text-rendering: optimizeLegibility;
  -webkit-font-smoothing: antialiased;
  outline: none;
}
.bs-dialog[data-theme="sepia"] {
  --bs-bg: #f6efdf;
  --bs-fg: #3b2f22;
  --bs-muted: #6b5a45;
  --bs-accent: #8a3512;
  --bs-link: #7b3d00;
  --bs-border: #e0d3b8;
  --bs-subtle: #ede3cb;
  --bs-toolbar: rgb(246 239 223 / 0.9);
  --bs-focus: #7b3d00;
}
.bs-dialog[data-theme="dark"] {
  --bs-bg: #18181b;
  --bs-fg: #e6e4df;
  --bs-muted: #a6a6ae;
  --bs-accent: #f29b86;
  --bs-link: #8ab4f8;
  --bs-border: #34343b;
  --bs-subtle: #25252a;
  --bs-toolbar: rgb(24 24 27 / 0.9);
  --bs-focus: #8ab4f8;
  color-scheme: dark;
}

/* The user's own pair: muted text and links use the text colour itself, so the pair's checked contrast
   holds for every text on the page. */
.bs-dialog[data-theme="custom"] {
  --bs-bg: var(--bs-custom-bg);
  --bs-fg: var(--bs-custom-fg);
  --bs-muted: var(--bs-custom-fg);
  --bs-accent: var(--bs-custom-fg);
  --bs-link: var(--bs-custom-fg);
  --bs-focus: var(--bs-custom-fg);
  --bs-border: color-mix(in srgb, var(--bs-custom-fg) 30%, var(--bs-custom-bg));
  --bs-subtle: color-mix(in srgb, var(--bs-custom-fg) 12%, var(--bs-custom-bg));
  --bs-toolbar: color-mix(in srgb, var(--bs-custom-bg) 92%, transparent);
}
.bs-dialog[data-font="sans"] { --bs-reading-font: ${sansStack}; }
.bs-dialog[data-font="dyslexic"] { --bs-reading-font: ${dyslexicStack}; }
.bs-dialog[data-font="system"] { --bs-reading-font: var(--bs-sans); }

/* While stored settings load (a few ms), the article waits rather than jumping from the defaults. */
.bs-dialog[data-settings="loading"] .bs-page { visibility: hidden; }

/* The background is opaque at once (no flash of the page); only the text eases in. The progress bar
   glides (see below). */
@media (prefers-reduced-motion: no-preference) {
  .bs-page, .bs-empty-state { animation: bs-enter 200ms ease-out; }
  .bs-progress-fill { transition: transform 80ms linear; }
  @keyframes bs-enter {
    from { opacity: 0; transform: translateY(0.75em); }
    to { opacity: 1; transform: none; }
  }
}

/* Toolbar: the reader's own controls, in the browser's UI language. */
.bs-toolbar {
  position: sticky;
  flex-wrap: wrap;
  top: 0;
  z-index: 1;
  display: flex;
  align-items: center;
  justify-content: space-between;
  gap: 1em;
  padding: 0.625em 1em;
  background: var(--bs-toolbar);
  backdrop-filter: blur(8px);
  border-bottom: 1px solid var(--bs-border);
  font-size: 0.875em;
}
.bs-theme-switch {
  display: inline-flex;
  gap: 0.25em;
  padding: 0.1875em;
  border: 1px solid var(--bs-border);
  border-radius: 999px;
}
.bs-theme-switch button {
  display: inline-flex;
  align-items: center;
  gap: 0.4em;
  margin: 0;
  padding: 0.3em 0.75em;
  border: 0;
  border-radius: 999px;
  background: transparent;
  color: var(--bs-muted);
  font: inherit;
  cursor: pointer;
}
.bs-theme-switch button::before {
  content: "";
  width: 0.875em;
  height: 0.875em;
  border-radius: 50%;
  border: 1px solid rgb(128 128 128 / 0.6);
  background: var(--bs-swatch);
}
.bs-theme-switch button[data-theme="auto"] { --bs-swatch: linear-gradient(135deg, #fff 50%, #18181b 50%); }
.bs-theme-switch button[data-theme="light"] { --bs-swatch: #fff; }
.bs-theme-switch button[data-theme="sepia"] { --bs-swatch: #f6efdf; }
.bs-theme-switch button[data-theme="dark"] { --bs-swatch: #18181b; }
.bs-theme-switch button:is(:hover, [aria-pressed="true"]) {
  color: var(--bs-fg);
  background: var(--bs-subtle);
}
.bs-theme-switch button[aria-pressed="true"] { font-weight: 600; }
/* Narrow screens: swatches only; the names stay readable by screen readers and as tooltips. */
@media (max-width: 380px) {
  .bs-theme-switch button { padding: 0.45em 0.55em; }
  .bs-theme-switch .bs-label {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
}
.bs-close {
  display: inline-grid;
  place-items: center;
  flex: none;
  width: 2.5em;
  height: 2.5em;
  margin: 0;
  padding: 0;
  border: 0;
  border-radius: 50%;
  background: transparent;
  color: var(--bs-fg);
  cursor: pointer;
}
.bs-close:hover { background: var(--bs-subtle); }
.bs-close svg { width: 1.25em; height: 1.25em; }
button:focus-visible, a:focus-visible {
  outline: 2px solid var(--bs-focus);
  outline-offset: 2px;
}

/* The page: one comfortable column (about 65-75 characters per line). */
.bs-page {
  max-width: calc(var(--bs-measure) + 2.5em);
  margin: 0 auto;
  padding: 2.75em 1.25em 6em;
  font-family: var(--bs-reading-font);
  font-size: var(--bs-font-size);
  line-height: var(--bs-line-height);
  hyphens: manual;
  overflow-wrap: break-word;
}
@media (max-width: 600px) {
  .bs-page { font-size: calc(var(--bs-font-size) * 0.9); padding-top: 1.75em; }
  .bs-title { font-size: 1.65em; }
}
.bs-header {
  margin-bottom: 2em;
  padding-bottom: 1.25em;
  border-bottom: 1px solid var(--bs-border);
}
.bs-site {
  margin: 0 0 0.75em;
  color: var(--bs-accent);
  font-family: var(--bs-sans);
  font-size: 0.7em;
  font-weight: 700;
  letter-spacing: 0.08em;
  text-transform: uppercase;
}
.bs-title {
  margin: 0 0 0.5em;
  font-size: 2em;
  font-weight: 700;
  line-height: 1.18;
  letter-spacing: -0.01em;
  text-wrap: balance;
}
.bs-meta {
  display: flex;
  flex-wrap: wrap;
  column-gap: 0.5em;
  margin: 0;
  color: var(--bs-muted);
  font-family: var(--bs-sans);
  font-size: 0.75em;
  line-height: 1.5;
}
.bs-meta > * + *::before {
  content: "·";
  margin-inline-end: 0.5em;
}
.bs-byline { color: var(--bs-fg); font-weight: 600; }

/* The article body: the pipeline's sanitised HTML, styled like a good printed page. (:is() of type
   selectors has their specificity: the same cascade as listing each, in fewer bytes.) */
.bs-article p { margin: 0 0 1.1em; }
/* Under the first screen of an article too long to read in full in time (article-view.ts). */
.bs-article .bs-cut-short { color: var(--bs-muted); font-family: var(--bs-sans); font-style: italic; }
/* Blocks off screen are neither styled nor laid out until scrolled near (a long article's rest cost
   ~150 ms of layout after the first paint); their contents stay in find-in-page and the accessibility
   tree. Until then they are as tall as the first screen's paragraphs (--bs-block, article-view.ts).
   Only once the rest has come (aria-busy gone): the first paint lays out the first screen in one pass.
   Not li: size containment would clip its marker. The margin keeps focus rings unclipped. */
.bs-article:not([aria-busy]) :is(p, ul, ol, dl, table, pre, blockquote, figure) {
  content-visibility: auto;
  contain-intrinsic-size: auto var(--bs-block, 5em);
  overflow-clip-margin: 0.5em;
}
.bs-article :is(h1, h2, h3, h4, h5, h6) {
  margin: 1.8em 0 0.6em;
  line-height: 1.25;
  font-weight: 700;
}
.bs-article :is(h1, h2) { font-size: 1.35em; }
.bs-article h3 { font-size: 1.15em; }
.bs-article :is(h4, h5, h6) { font-size: 1em; }
.bs-article a {
  color: var(--bs-link);
  text-decoration: underline;
  text-decoration-thickness: 1px;
  text-underline-offset: 0.15em;
}
.bs-article a:hover { text-decoration-thickness: 2px; }
.bs-article [id], .bs-article a[name] { scroll-margin-top: 4em; }
.bs-article :is(img, video, svg, picture, iframe) {
  display: block;
  max-width: 100%;
  height: auto;
  margin: 0 auto;
}
.bs-article img { border-radius: 2px; }
.bs-article figure { margin: 1.75em 0; }
.bs-article figure img { width: 100%; }
/* (On the paragraph, not the image: a paragraph's containment, above, stops margins collapsing through it.) */
.bs-article > img, .bs-article p:has(> img:only-child) { margin: 1.5em auto; }
.bs-article figcaption, .bs-article .wp-caption-text {
  margin-top: 0.6em;
  color: var(--bs-muted);
  font-family: var(--bs-sans);
  font-size: 0.75em;
  line-height: 1.45;
}
.bs-article blockquote {
  margin: 1.5em 0;
  padding: 0.1em 0 0.1em 1.1em;
  border-inline-start: 3px solid var(--bs-accent);
  color: var(--bs-fg);
  font-style: italic;
}
.bs-article blockquote p:last-child { margin-bottom: 0; }
.bs-article :is(ul, ol) { margin: 0 0 1.1em; padding-inline-start: 1.5em; }
/* Between items only, so the list's edges hold no margins its containment would keep inside. */
.bs-article li + li { margin-top: 0.3em; }
.bs-article hr {
  margin: 2em auto;
  width: 30%;
  border: 0;
  border-top: 1px solid var(--bs-border);
}
.bs-article :is(pre, code, kbd, samp) {
  font-family: ${monoStack};
  font-size: 0.85em;
}
.bs-article code { padding: 0.1em 0.3em; border-radius: 3px; background: var(--bs-subtle); }
.bs-article pre {
  margin: 0 0 1.1em;
  padding: 0.9em 1em;
  overflow-x: auto;
  border-radius: 4px;
  background: var(--bs-subtle);
  line-height: 1.45;
  hyphens: none;
}
.bs-article pre code { padding: 0; background: none; font-size: 1em; }
.bs-article table {
  width: 100%;
  margin: 0 0 1.1em;
  border-collapse: collapse;
  font-family: var(--bs-sans);
  font-size: 0.8em;
}
.bs-article :is(th, td) {
  padding: 0.45em 0.6em;
  border-bottom: 1px solid var(--bs-border);
  text-align: start;
  vertical-align: top;
}

/* Justified text needs hyphenation, or it opens rivers of white space. */
.bs-dialog[data-align="justify"] .bs-article :is(p, li) { text-align: justify; hyphens: auto; }
.bs-dialog[data-images="off"] .bs-article :is(img, picture, video, svg, figure, iframe) { display: none; }

/* Toolbar buttons beside the theme switch. */
.bs-toolbar-start, .bs-toolbar-end { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5em; }
.bs-tool-button {
  min-width: 2.5em;
  height: 2.5em;
  margin: 0;
  padding: 0 0.75em;
  border: 1px solid var(--bs-border);
  border-radius: 999px;
  background: transparent;
  color: var(--bs-fg);
  font: inherit;
  font-weight: 600;
  cursor: pointer;
}
.bs-tool-button:hover, .bs-tool-button[aria-expanded="true"] { background: var(--bs-subtle); }

/* Reading progress: a thin bar along the toolbar's bottom edge and the minutes left. */
.bs-progress {
  position: absolute;
  inset-inline: 0;
  bottom: -1px;
  height: 3px;
  pointer-events: none;
}
.bs-progress-fill {
  height: 100%;
  background: var(--bs-accent);
  transform-origin: left center;
  transform: scaleX(var(--bs-progress, 0));
}
.bs-toolbar[dir="rtl"] .bs-progress-fill { transform-origin: right center; }
.bs-minutes-left { color: var(--bs-muted); white-space: nowrap; font-variant-numeric: tabular-nums; }

/* No article: say so plainly. */
.bs-empty-state {
  max-width: 30em;
  margin: 0 auto;
  padding: 5em 1.5em;
  text-align: center;
}
.bs-empty {
  margin: 0 0 0.75em;
  font-family: var(--bs-serif);
  font-size: 1.5em;
  font-weight: 700;
  line-height: 1.3;
}
.bs-empty-hint { margin: 0; color: var(--bs-muted); }
`;
