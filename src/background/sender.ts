// Only our own content script, running in a tab, may change the button's state.
import type { Runtime } from 'webextension-polyfill';

export function isFromOwnContentScript(
  sender: Pick<Runtime.MessageSender, 'id' | 'tab' | 'frameId'>,
  ownId: string,
): boolean {
  return sender.id === ownId && typeof sender.tab?.id === 'number' && sender.frameId === 0;
}
