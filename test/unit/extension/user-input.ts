// The unit tests' events stand for the user's own input. jsdom marks every event a script dispatches (and
// el.click()) as untrusted, as a browser does for a page script's events, and the overlay ignores untrusted
// events. So while this module is loaded, jsdom's dispatch marks events trusted, like a browser's real
// input; asPageScript() turns that off to play a page script forging events.
interface EventImpl {
  isTrusted: boolean;
}
interface EventTargetImpl {
  _dispatch(event: EventImpl, ...rest: unknown[]): boolean;
}

// jsdom has no public way to make a trusted event; its dispatch implementation is patched instead.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const targetImpl = require('jsdom/lib/jsdom/living/events/EventTarget-impl.js') as {
  implementation: { prototype: EventTargetImpl };
};

let userInput = true;
const prototype = targetImpl.implementation.prototype;
const dispatch = prototype._dispatch;
prototype._dispatch = function dispatchAsUser(this: EventTargetImpl, event, ...rest) {
  if (userInput) event.isTrusted = true;
  return dispatch.call(this, event, ...rest);
};

/** Runs `action` with every event it dispatches untrusted, as a page script's events are. */
export function asPageScript<T>(action: () => T): T {
  userInput = false;
  try {
    return action();
  } finally {
    userInput = true;
  }
}
