import {
  reasonForRejectedInjection,
  restrictionFor,
} from '../../../src/background/restricted-pages';

describe('pages the reader cannot run on', () => {
  it.each([
    ['chrome://settings/', 'browser-page'],
    ['chrome://newtab/', 'browser-page'],
    ['edge://extensions/', 'browser-page'],
    ['about:addons', 'browser-page'],
    ['about:blank', 'browser-page'],
    ['view-source:https://example.com/', 'browser-page'],
    ['chrome-extension://abcdefghijklmnop/options.html', 'browser-page'],
    ['moz-extension://0b5e2f4a-3c1d-4e6f-8a9b-b70ad5ee7001/options.html', 'browser-page'],
    ['https://chromewebstore.google.com/detail/abc', 'web-store'],
    ['https://chrome.google.com/webstore/category/extensions', 'web-store'],
    ['https://addons.mozilla.org/en-US/firefox/addon/ublock-origin/', 'web-store'],
    ['https://microsoftedge.microsoft.com/addons/detail/x', 'web-store'],
  ])('%s is %s', (url, reason) => {
    expect(restrictionFor(url)).toBe(reason);
  });

  it.each([
    'https://www.independent.co.uk/news/world/middle-east/iraq-crisis-9557977.html',
    'http://127.0.0.1:8080/article.html',
    'https://chrome.google.com/search?q=webstore',
    'https://mozilla.org/addons.mozilla.org',
    'file:///home/me/saved-page.html',
    'not a url',
    undefined,
  ])('%s is worth trying', (url) => {
    expect(restrictionFor(url)).toBeNull();
  });
});

describe('explaining a refused injection', () => {
  it('uses the URL when it is known', () => {
    expect(reasonForRejectedInjection('file:///tmp/page.html', new Error('x'))).toBe('file-access');
    expect(reasonForRejectedInjection('https://example.com/report.pdf', new Error('x'))).toBe(
      'pdf',
    );
    expect(reasonForRejectedInjection('about:config')).toBe('browser-page');
  });

  it.each([
    ['Cannot access a chrome:// URL', 'browser-page'],
    ['Cannot access contents of url "chrome-extension://abc/page.html".', 'browser-page'],
    ['The extensions gallery cannot be scripted.', 'web-store'],
    [
      'Cannot access contents of url "file:///tmp/a.html". Extension manifest must request permission to access this host.',
      'file-access',
    ],
    ['Missing host permission for the tab', 'failed'],
  ])('reads the browser message "%s" when the URL is hidden', (message, reason) => {
    expect(reasonForRejectedInjection(undefined, new Error(message))).toBe(reason);
  });
});
