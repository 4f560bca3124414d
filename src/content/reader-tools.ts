// reader-tools.js: the reader's panels (reading settings, article actions, keyboard help), kept out of
// content.js so the toolbar click paints the article sooner. The background injects it into the frame of
// an open reader when content.js asks (at idle after first paint, or when a panel is opened first); it
// registers itself with the reader in this isolated world. Running it twice is harmless.
import { panelContent } from '../overlay/reader-tools';
import { registerPanelContent } from '../overlay/tools-contract';

registerPanelContent(panelContent);
