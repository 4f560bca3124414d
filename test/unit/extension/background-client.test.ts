// content.js's side of the background's services: settings through messages (validated in the background,
// src/background/reader-services.ts, wired here to a fake sync area) and the panels' bundle.
import { answerReaderRequest } from '../../../src/background/reader-services';
import {
  backgroundPanels,
  backgroundSettings,
  loadingAhead,
} from '../../../src/content/background-client';
import { panelContent } from '../../../src/overlay/reader-tools';
import { registerPanelContent } from '../../../src/overlay/tools-contract';
import { defaultSettings, loadSettings, STORAGE_KEYS } from '../../../src/shared/settings';
import { FakeStorageArea } from '../settings/fake-storage-area';

const ownId = 'broadsheet@broadsheet.dev';

/** The extension API as content.js sees it, its messages answered by the real background handler. */
function extensionWith(area: FakeStorageArea, onToolsRequest = () => undefined) {
  const sender = { id: ownId, tab: { id: 3 } as never, frameId: 0 };
  return {
    runtime: {
      sendMessage: async (message: unknown) => {
        const answer = answerReaderRequest(message, sender, {
          ownId,
          area,
          executeScript: async () => {
            onToolsRequest();
            return [];
          },
        });
        if (answer === undefined) throw new Error('no listener answered');
        return answer;
      },
    },
    storage: { onChanged: area.onChanged as never },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('settings through the background', () => {
  it('loads the validated settings and saves a change', async () => {
    const area = new FakeStorageArea();
    await area.set({ [STORAGE_KEYS.field('lineHeight')]: 1.9 });
    const source = backgroundSettings(extensionWith(area));
    expect(await source.load()).toEqual({ ...defaultSettings(), lineHeight: 1.9 });
    await expect(source.save({ theme: 'sepia' })).resolves.toEqual({ ok: true });
    expect((await loadSettings(area)).settings.theme).toBe('sepia');
    const refused = await source.save({ theme: 'neon' as never });
    expect(refused.ok).toBe(false);
  });

  it('follows changes saved elsewhere, and stops when asked', async () => {
    const area = new FakeStorageArea();
    const source = backgroundSettings(extensionWith(area));
    const seen: number[] = [];
    const stop = source.subscribe((settings) => seen.push(settings.fontSize));
    await area.set({ [STORAGE_KEYS.field('fontSize')]: 28 });
    await area.set({ unrelated: true });
    await settle();
    expect(seen).toEqual([28]);
    stop();
    await area.set({ [STORAGE_KEYS.field('fontSize')]: 30 });
    await settle();
    expect(seen).toEqual([28]);
  });

  it('answers null or a plain refusal when the background cannot be reached', async () => {
    const api = {
      runtime: { sendMessage: () => Promise.reject(new Error('Receiving end does not exist')) },
      storage: { onChanged: { addListener: () => undefined, removeListener: () => undefined } },
    };
    const source = backgroundSettings(api);
    await expect(source.load()).resolves.toBeNull();
    await expect(source.save({ fontSize: 22 })).resolves.toEqual({
      ok: false,
      message: 'The extension did not answer.',
    });
  });
});

describe("the panels' bundle", () => {
  it('is injected once, then what it registered is used', async () => {
    let injected = 0;
    const load = backgroundPanels(
      extensionWith(new FakeStorageArea(), () => {
        injected++;
        // What reader-tools.js does when it runs in the page.
        registerPanelContent(panelContent);
      }),
    );
    await expect(load()).resolves.toBe(panelContent);
    await expect(load()).resolves.toBe(panelContent);
    expect(injected).toBe(1);
  });
});

describe('loading the settings ahead', () => {
  it('starts at once, gives that load to the first caller and asks afresh after', async () => {
    const area = new FakeStorageArea();
    let asked = 0;
    const api = extensionWith(area);
    const counting = {
      ...api,
      runtime: {
        sendMessage: (message: unknown) => {
          asked++;
          return api.runtime.sendMessage(message);
        },
      },
    };
    const source = loadingAhead(backgroundSettings(counting));
    expect(asked).toBe(1);
    await area.set({ [STORAGE_KEYS.field('fontSize')]: 24 });
    // The first load is the one started ahead (before the change).
    expect((await source.load())?.fontSize).toBe(20);
    expect(asked).toBe(1);
    expect((await source.load())?.fontSize).toBe(24);
    expect(asked).toBe(2);
  });
});
