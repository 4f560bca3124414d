jest.mock('webextension-polyfill', () => ({ __esModule: true, default: {} }));
import { hostToAllow } from '../../../src/options/auto-mode-section';

describe('hostToAllow (options.html#allow=<host>, opened from the reader)', () => {
  it('reads a hostname, normalised', () => {
    expect(hostToAllow('#allow=127.0.0.1')).toBe('127.0.0.1');
    expect(hostToAllow('#allow=WWW.Example.org')).toBe('www.example.org');
    expect(hostToAllow(`#allow=${encodeURIComponent('bücher.de')}`)).toBe('xn--bcher-kva.de');
  });

  it('ignores anything else', () => {
    expect(hostToAllow('')).toBeNull();
    expect(hostToAllow('#allow=')).toBeNull();
    expect(hostToAllow('#allow=a b')).toBeNull();
    expect(hostToAllow('#allow=%E0%A4%A')).toBeNull();
    expect(hostToAllow('#other=a.test')).toBeNull();
  });
});
