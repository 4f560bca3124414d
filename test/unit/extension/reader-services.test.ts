// The background's answers to the reader: validated settings (per-field fallback), saves validated before
// anything is written (and never of the privileged fields), and reader-tools.js injected into the asking
// frame. Only our own content script in a tab's top frame is answered.
import type { Scripting } from 'webextension-polyfill';
import {
  answerReaderRequest,
  privilegedFields,
  readerToolsFile,
} from '../../../src/background/reader-services';
import {
  getSettingsMessage,
  isReaderToolsAnswer,
  isSaveSettingsAnswer,
  isSettingsAnswer,
  loadReaderToolsMessage,
  saveSettingsMessage,
} from '../../../src/shared/messages';
import {
  defaultSettings,
  loadSettings,
  STORAGE_KEYS,
  type SettingsPatch,
} from '../../../src/shared/settings';
import { FakeStorageArea } from '../settings/fake-storage-area';

const ownId = 'broadsheet@broadsheet.dev';
const fromContent = { id: ownId, tab: { id: 7 } as never, frameId: 0 };

function setUp() {
  const area = new FakeStorageArea();
  const injections: Scripting.ScriptInjection[] = [];
  let refuse = 0;
  const deps = {
    ownId,
    area,
    executeScript: (injection: Scripting.ScriptInjection) => {
      injections.push(injection);
      if (refuse > 0) {
        refuse--;
        return Promise.reject(new Error('Cannot access contents of the page'));
      }
      return Promise.resolve([]);
    },
  };
  return { area, injections, deps, refuseNext: (times: number) => (refuse = times) };
}

describe('the reader asking the background', () => {
  it('gets the stored settings, each broken field replaced by its default', async () => {
    const { area, deps } = setUp();
    await area.set({
      [STORAGE_KEYS.version]: 3,
      [STORAGE_KEYS.field('fontSize')]: 26,
      [STORAGE_KEYS.field('theme')]: 'neon',
    });
    const answer = await answerReaderRequest(getSettingsMessage, fromContent, deps);
    expect(isSettingsAnswer(answer)).toBe(true);
    expect(isSettingsAnswer(answer) && answer.settings).toEqual({
      ...defaultSettings(),
      fontSize: 26,
    });
  });

  it('saves a valid change, and refuses an invalid one without writing', async () => {
    const { area, deps } = setUp();
    const saved = await answerReaderRequest(
      saveSettingsMessage({ fontSize: 24 }),
      fromContent,
      deps,
    );
    expect(saved).toEqual({ type: 'broadsheet:settings-saved', ok: true });
    expect((await loadSettings(area)).settings.fontSize).toBe(24);
    const writes = area.writes;
    const refused = await answerReaderRequest(
      saveSettingsMessage({ fontSize: 999 }),
      fromContent,
      deps,
    );
    expect(isSaveSettingsAnswer(refused) && !refused.ok && refused.message).toMatch(/Font size/);
    expect(area.writes).toBe(writes);
  });

  it('never lets the reader change where the extension opens or what it removes', async () => {
    const { area, deps } = setUp();
    for (const field of privilegedFields) {
      const patch = { [field]: defaultSettings()[field] } as SettingsPatch;
      const answer = await answerReaderRequest(saveSettingsMessage(patch), fromContent, deps);
      expect(answer).toMatchObject({ type: 'broadsheet:settings-saved', ok: false });
    }
    expect(area.writes).toBe(0);
  });

  it('injects reader-tools.js into the asking frame, retrying a refused first injection once', async () => {
    const { deps, injections, refuseNext } = setUp();
    await expect(answerReaderRequest(loadReaderToolsMessage, fromContent, deps)).resolves.toEqual({
      type: 'broadsheet:reader-tools',
      loaded: true,
    });
    expect(injections).toEqual([{ target: { tabId: 7, frameIds: [0] }, files: [readerToolsFile] }]);
    refuseNext(1);
    await expect(answerReaderRequest(loadReaderToolsMessage, fromContent, deps)).resolves.toEqual({
      type: 'broadsheet:reader-tools',
      loaded: true,
    });
    refuseNext(2);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const failed = await answerReaderRequest(loadReaderToolsMessage, fromContent, deps);
    expect(isReaderToolsAnswer(failed) && failed.loaded).toBe(false);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('answers nothing to other extensions, pages, subframes, or other messages', () => {
    const { deps } = setUp();
    const senders = [
      { ...fromContent, id: 'evil@example' },
      { id: ownId, frameId: 0 },
      { ...fromContent, frameId: 3 },
    ];
    for (const sender of senders) {
      expect(answerReaderRequest(getSettingsMessage, sender, deps)).toBeUndefined();
      expect(answerReaderRequest(loadReaderToolsMessage, sender, deps)).toBeUndefined();
    }
    expect(answerReaderRequest({ type: 'broadsheet:toggle-reader' }, fromContent, deps)).toBe(
      undefined,
    );
    expect(
      answerReaderRequest({ type: 'broadsheet:get-settings', extra: 1 }, fromContent, deps),
    ).toBeUndefined();
    expect(
      answerReaderRequest({ type: 'broadsheet:save-settings', patch: 'x' }, fromContent, deps),
    ).toBeUndefined();
  });

  it("passes the background's shared gate: no oversized, cyclic or non-plain messages", () => {
    const { deps, area } = setUp();
    const oversized = { type: 'broadsheet:save-settings', patch: { voice: 'v'.repeat(70_000) } };
    const cyclic: Record<string, unknown> = { type: 'broadsheet:get-settings' };
    cyclic.self = cyclic;
    const inherited = Object.assign(Object.create({ forged: true }) as object, {
      type: 'broadsheet:get-settings',
    });
    for (const message of [oversized, cyclic, inherited]) {
      expect(answerReaderRequest(message, fromContent, deps)).toBeUndefined();
    }
    expect(area.writes).toBe(0);
    expect(answerReaderRequest(getSettingsMessage, fromContent, deps)).toBeDefined();
  });
});
