// Adds a style sheet to the reader's shadow root. A constructed sheet is immune to the page's style-src CSP;
// the page window's own constructor is used because Firefox rejects sheets constructed for another
// document. Fallback: a <style> element.
export function adoptCss(shadow: ShadowRoot, doc: Document, css: string): void {
  try {
    const Sheet = doc.defaultView?.CSSStyleSheet;
    if (Sheet && 'adoptedStyleSheets' in shadow) {
      const sheet = new Sheet();
      sheet.replaceSync(css);
      const before = shadow.adoptedStyleSheets.length;
      shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
      if (shadow.adoptedStyleSheets.length === before + 1) return;
    }
  } catch {
    // fall through to the <style> element
  }
  const style = doc.createElement('style');
  style.textContent = css;
  shadow.prepend(style);
}
