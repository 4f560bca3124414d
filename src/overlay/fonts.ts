// The reader's fonts ship inside the extension: Literata (serif), Atkinson Hyperlegible (sans) and
// OpenDyslexic. Chrome ignores @font-face rules inside a shadow root, so the faces are registered on the
// page's document.fonts under names no page uses, and removed again on close. Faces load lazily: only the
// family and variants the article actually shows are fetched.

export const readerSerifFamily = 'Broadsheet Literata';
export const readerSansFamily = 'Broadsheet Atkinson Hyperlegible';
export const readerDyslexicFamily = 'Broadsheet OpenDyslexic';

const unicodeRanges = {
  latin:
    'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  'latin-ext':
    'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF',
} as const;

type Subset = keyof typeof unicodeRanges;

/** Each family as the build copies it from @fontsource/<package> into fonts/ (OpenDyslexic: Latin only). */
const families: ReadonlyArray<{ family: string; filePrefix: string; subsets: readonly Subset[] }> =
  [
    { family: readerSerifFamily, filePrefix: 'literata', subsets: ['latin', 'latin-ext'] },
    {
      family: readerSansFamily,
      filePrefix: 'atkinson-hyperlegible',
      subsets: ['latin', 'latin-ext'],
    },
    { family: readerDyslexicFamily, filePrefix: 'opendyslexic', subsets: ['latin'] },
  ];

const weights = ['400', '700'] as const;
const styles = ['normal', 'italic'] as const;

export interface FaceFile {
  family: string;
  file: string;
  weight: string;
  style: string;
  unicodeRange: string;
}

export function readerFontFaces(): FaceFile[] {
  const faces: FaceFile[] = [];
  for (const { family, filePrefix, subsets } of families) {
    for (const subset of subsets) {
      for (const weight of weights) {
        for (const style of styles) {
          faces.push({
            family,
            file: `${filePrefix}-${subset}-${weight}-${style}.woff2`,
            weight,
            style,
            unicodeRange: unicodeRanges[subset],
          });
        }
      }
    }
  }
  return faces;
}

/**
 * Adds the reader's faces to `doc.fonts`; returns a function that removes them. Without the FontFace API
 * (old engines, test DOMs) it does nothing and the CSS fallback fonts are used.
 */
export function registerReaderFonts(doc: Document, fontUrl: (file: string) => string): () => void {
  const view = doc.defaultView as (Window & { FontFace?: typeof FontFace }) | null;
  const FontFaceCtor = view?.FontFace;
  const fontSet = doc.fonts as FontFaceSet | undefined;
  if (!FontFaceCtor || !fontSet) return () => undefined;

  const added: FontFace[] = [];
  for (const face of readerFontFaces()) {
    const source = `url("${fontUrl(`fonts/${face.file}`)}") format("woff2")`;
    const fontFace = new FontFaceCtor(face.family, source, {
      weight: face.weight,
      style: face.style,
      unicodeRange: face.unicodeRange,
      display: 'swap',
    });
    fontSet.add(fontFace);
    added.push(fontFace);
  }
  return () => {
    for (const fontFace of added) fontSet.delete(fontFace);
  };
}
