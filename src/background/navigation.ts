// After the tab navigates, the button must show what is really there. A new document has no reader (and
// no content script, so the query fails); a same-document navigation (history.pushState in a single-page
// site) keeps the reader open, and its content script says so.
import { isReaderStateMessage, queryReaderStateMessage } from '../shared/messages';

export interface NavigationDeps {
  sendMessage: (tabId: number, message: unknown) => Promise<unknown>;
  showOpen: (tabId: number) => Promise<void>;
  showIdle: (tabId: number) => Promise<void>;
}

export async function refreshAfterNavigation(tabId: number, deps: NavigationDeps): Promise<void> {
  let answer: unknown;
  try {
    answer = await deps.sendMessage(tabId, queryReaderStateMessage);
  } catch {
    answer = undefined; // no content script in this document: nothing is open
  }
  if (isReaderStateMessage(answer) && answer.open) await deps.showOpen(tabId);
  else await deps.showIdle(tabId);
}
