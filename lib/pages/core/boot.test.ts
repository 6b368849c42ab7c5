import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  contentRuntime,
  type NativeRuntime,
  nativeRuntime,
  readerRuntime,
} from '../../messaging/native-runtime.ts';
import { bootContentScript, launch, type PageReader, registerReader } from './boot.ts';
import type { ContentRuntime } from './content.ts';

/**
 * The launcher's listeners (none until the reader starts), and the runtime a reader registered in
 * the test gets (the launcher itself sends nothing). `send` is the extension's message: undefined
 * when nothing on the page answers it.
 */
function fakeRuntime() {
  const listeners: ((message: unknown) => Promise<unknown> | undefined)[] = [];
  const runtime: ContentRuntime = {
    sendMessage: vi.fn(async () => ({ ok: true, data: { added: 0, duplicates: 0 } })),
    onMessage: (listener) => listeners.push(listener),
  };
  return {
    runtime,
    listeners,
    send: (message: unknown) => listeners[0]?.(message),
  };
}

/** Mounts at once (the default waits for the page to be idle). */
const now = (mount: () => void) => mount();

describe('bootContentScript', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('mounts only the collapsed launcher and loads nothing until asked', () => {
    const { runtime, send } = fakeRuntime();
    const load = vi.fn(async () => undefined);
    const booted = bootContentScript({
      family: 'boot-a',
      label: 'Test site',
      onMessage: runtime.onMessage,
      win: window,
      load,
      schedule: now,
    });
    expect(document.querySelectorAll('[data-tradeline-panel]')).toHaveLength(1);
    expect(booted.root.querySelector('button')?.textContent).toBe('Tradeline');
    expect(booted.root.querySelector('button')?.getAttribute('aria-label')).toContain('Test site');
    expect(send({ channel: 'tradeline/v1', type: 'getOverview' })).toBeUndefined();
    expect(load).not.toHaveBeenCalled();
    expect(runtime.sendMessage).not.toHaveBeenCalled();
  });

  it('answers the extension’s page messages only once the seller pressed the launcher, through the reader', async () => {
    const { runtime, listeners, send } = fakeRuntime();
    const handle = vi.fn(async (message: unknown) => ({ echoed: message }));
    const start = vi.fn((): PageReader => ({ open: () => {}, handle }));
    const load = vi.fn(async () => registerReader('boot-g', start, () => runtime));
    const booted = bootContentScript({
      family: 'boot-g',
      label: 'G',
      onMessage: runtime.onMessage,
      win: window,
      load,
      schedule: now,
    });
    const request = { channel: 'tradeline/page', type: 'readPage' };
    // Before the press nothing listens: the extension gets no answer and the page is not read.
    expect(listeners).toHaveLength(0);
    expect(send(request)).toBeUndefined();
    expect(load).not.toHaveBeenCalled();
    booted.root.querySelector('button')?.click();
    await vi.waitFor(() => expect(listeners).toHaveLength(1));
    await expect(send(request)).resolves.toEqual({ echoed: request });
    await expect(send(request)).resolves.toEqual({ echoed: request });
    expect(send({ channel: 'tradeline/v1', type: 'getOverview' })).toBeUndefined();
    expect(handle).toHaveBeenCalledTimes(2);
    expect(load).toHaveBeenCalledTimes(1);
    expect(start).toHaveBeenCalledTimes(1);
    // The reader gets the runtime its own script built (the launcher sends nothing).
    expect(start).toHaveBeenCalledWith(runtime, window);
    expect(booted.launcher.isConnected).toBe(false);
  });

  it('words the launcher in the browser’s language', () => {
    const { runtime } = fakeRuntime();
    const load = vi.fn(async () => undefined);
    const zh = bootContentScript({
      family: 'boot-zh',
      label: '速卖通',
      onMessage: runtime.onMessage,
      uiLanguage: () => 'zh-CN',
      win: window,
      load,
      schedule: now,
    });
    const button = zh.root.querySelector('button');
    expect(button?.getAttribute('aria-label')).toBe(
      '在 速卖通 上打开 Tradeline：只有在您要求时才会读取此页面。',
    );
    expect(button?.title).toBe(button?.getAttribute('aria-label'));
    const en = bootContentScript({
      family: 'boot-en',
      label: 'Test site',
      onMessage: runtime.onMessage,
      win: window,
      load,
      language: 'en',
      schedule: now,
    });
    expect(en.root.querySelector('button')?.title).toBe(
      'Open Tradeline on Test site: it reads this page only when you ask.',
    );
  });

  it('puts the launcher on the page only once the page is idle, and listens for nothing', async () => {
    const { runtime, listeners } = fakeRuntime();
    const load = vi.fn(async () => undefined);
    bootContentScript({ family: 'boot-e', label: 'E', onMessage: runtime.onMessage, win: window, load });
    expect(document.querySelectorAll('[data-tradeline-panel]')).toHaveLength(0);
    await vi.waitFor(() => expect(document.querySelectorAll('[data-tradeline-panel]')).toHaveLength(1));
    expect(listeners).toHaveLength(0);
    expect(load).not.toHaveBeenCalled();
  });

  it('a page message before the launcher was put there gets no answer, and the launcher still comes', async () => {
    const { runtime, send } = fakeRuntime();
    let mountLater = () => {};
    const load = vi.fn(async () =>
      registerReader(
        'boot-f',
        () => ({ open: () => {}, handle: async () => 'read' }),
        () => runtime,
      ),
    );
    bootContentScript({
      family: 'boot-f',
      label: 'F',
      onMessage: runtime.onMessage,
      win: window,
      load,
      schedule: (mount) => {
        mountLater = mount;
      },
    });
    expect(send({ channel: 'tradeline/page', type: 'readPage' })).toBeUndefined();
    expect(load).not.toHaveBeenCalled();
    mountLater();
    expect(document.querySelectorAll('[data-tradeline-panel="launcher"]')).toHaveLength(1);
  });

  it('adds no launcher once the reader was started before the page was idle', async () => {
    const { runtime, listeners } = fakeRuntime();
    let mountLater = () => {};
    const load = async () =>
      registerReader(
        'boot-b',
        () => ({ open: () => {}, handle: async () => 'read' }),
        () => runtime,
      );
    const booted = bootContentScript({
      family: 'boot-b',
      label: 'B',
      onMessage: runtime.onMessage,
      win: window,
      load,
      schedule: (mount) => {
        mountLater = mount;
      },
    });
    await booted.reader();
    expect(listeners).toHaveLength(1);
    mountLater();
    expect(document.querySelectorAll('[data-tradeline-panel]')).toHaveLength(0);
  });

  it('opens the reader when the launcher is pressed', async () => {
    const { runtime } = fakeRuntime();
    const open = vi.fn();
    const load = async () =>
      registerReader(
        'boot-c',
        () => ({ open, handle: () => undefined }),
        () => runtime,
      );
    const booted = bootContentScript({
      family: 'boot-c',
      label: 'C',
      onMessage: runtime.onMessage,
      win: window,
      load,
      schedule: now,
    });
    booted.root.querySelector('button')?.click();
    await vi.waitFor(() => expect(open).toHaveBeenCalledTimes(1));
  });

  it('says so when the reader cannot be loaded, and tries again on the next press', async () => {
    const { runtime } = fakeRuntime();
    const load = vi.fn(async () => {
      throw new Error('blocked');
    });
    const booted = bootContentScript({
      family: 'boot-d',
      label: 'D',
      onMessage: runtime.onMessage,
      win: window,
      load,
      schedule: now,
    });
    booted.root.querySelector('button')?.click();
    await vi.waitFor(() =>
      expect(booted.root.querySelector('[role="alert"]')?.textContent).toMatch(/could not start/),
    );
    booted.root.querySelector('button')?.click();
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(2));
    expect(booted.launcher.isConnected).toBe(true);
  });
});

describe('launch (what each marketplace content script runs)', () => {
  afterEach(() => {
    document.body.replaceChildren();
    vi.unstubAllGlobals();
  });

  it('touches no extension API at load: the language when it puts the tab on the page, the runtime on the press', async () => {
    const addListener = vi.fn();
    const getUILanguage = vi.fn(() => 'zh-CN');
    // The reader script, as the extension serves it: it registers its start function.
    const readerScript = `globalThis.__tradelinePageReaders = globalThis.__tradelinePageReaders ?? {};
globalThis.__tradelinePageReaders['launch-a'] = () => ({ open() {}, handle: async (m) => ({ read: m.type }) });`;
    const getURL = vi.fn(() => `data:text/javascript,${encodeURIComponent(readerScript)}`);
    let touched = 0;
    const runtime = { id: 'ext', getURL, sendMessage: vi.fn(), onMessage: { addListener } };
    // The extension namespace as Firefox gives it (the test environment has a `browser` already);
    // each read of it counted, as each costs the page's isolated world a binding.
    vi.stubGlobal('browser', {
      get runtime() {
        touched += 1;
        return runtime;
      },
      i18n: { getUILanguage },
    });
    const booted = launch({ id: 'launch-a', label: 'Shop $1 & $&' }, '/launch-a-reader.js');
    expect(touched).toBe(0);
    expect(addListener).not.toHaveBeenCalled();
    expect(getUILanguage).not.toHaveBeenCalled();
    expect(document.querySelectorAll('[data-tradeline-panel]')).toHaveLength(0);
    await vi.waitFor(() => expect(document.querySelectorAll('[data-tradeline-panel]')).toHaveLength(1));
    expect(getUILanguage).toHaveBeenCalledTimes(1);
    // In the browser's language, the site's name taken literally (`$` patterns included).
    expect(booted.root.querySelector('button')?.getAttribute('aria-label')).toBe(
      '在 Shop $1 & $& 上打开 Tradeline：只有在您要求时才会读取此页面。',
    );
    expect(touched).toBe(0);
    // The press: the reader is loaded from the extension, and only then does the page listen.
    booted.root.querySelector('button')?.click();
    await vi.waitFor(() => expect(addListener).toHaveBeenCalledTimes(1));
    expect(getURL).toHaveBeenCalledWith('/launch-a-reader.js');
    const listener = addListener.mock.calls[0]?.[0] as (m: unknown, s: unknown, r: () => void) => unknown;
    await expect(listener({ channel: 'tradeline/page', type: 'readPage' }, {}, () => {})).resolves.toEqual({
      read: 'readPage',
    });
    expect(listener({ channel: 'tradeline/v1', type: 'getOverview' }, {}, () => {})).toBeUndefined();
  });
});

/** A native runtime whose one listener is kept, and whose sendMessage answers `reply`. */
function native(reply: () => Promise<unknown>) {
  let listener: Parameters<NativeRuntime['onMessage']['addListener']>[0] | undefined;
  const runtime: NativeRuntime = {
    id: 'ext',
    getURL: (path) => `chrome-extension://ext${path}`,
    sendMessage: vi.fn(reply),
    onMessage: { addListener: (l) => (listener = l) },
  };
  return {
    runtime,
    deliver: (message: unknown, respond: (a: unknown) => void) => listener?.(message, {}, respond),
  };
}

describe('the launcher runtime without the polyfill', () => {
  it("in Chromium answers the popup through sendResponse, a failure as the polyfill's rejected answer", async () => {
    const { runtime, deliver } = native(async () => undefined);
    const content = contentRuntime(runtime, false);
    content.onMessage((message) =>
      (message as { fail?: boolean }).fail
        ? Promise.reject(new Error('no table here'))
        : Promise.resolve('read'),
    );
    const answers: unknown[] = [];
    expect(deliver({ ok: 1 }, (a) => answers.push(a))).toBe(true);
    expect(deliver({ fail: true }, (a) => answers.push(a))).toBe(true);
    await vi.waitFor(() => expect(answers).toHaveLength(2));
    expect(answers).toEqual(['read', { __mozWebExtensionPolyfillReject__: true, message: 'no table here' }]);
  });

  it('in Chromium stays silent on messages it does not answer (other listeners may)', () => {
    const { runtime, deliver } = native(async () => undefined);
    contentRuntime(runtime, false).onMessage(() => undefined);
    const respond = vi.fn();
    expect(deliver({ channel: 'tradeline/v1' }, respond)).toBeUndefined();
    expect(respond).not.toHaveBeenCalled();
  });

  it('in Firefox answers with the promise itself', async () => {
    const { runtime, deliver } = native(async () => undefined);
    contentRuntime(runtime, true).onMessage(() => Promise.resolve('read'));
    await expect(deliver({}, () => {}) as Promise<unknown>).resolves.toBe('read');
  });

  it("turns the background's rejected answer into an error, and a closed port into no answer", async () => {
    const rejected = native(async () => ({
      __mozWebExtensionPolyfillReject__: true,
      message: 'storage is full',
    }));
    await expect(contentRuntime(rejected.runtime, false).sendMessage({})).rejects.toThrow('storage is full');
    const closed = native(async () => {
      throw new Error('The message port closed before a response was received.');
    });
    await expect(contentRuntime(closed.runtime, false).sendMessage({})).resolves.toBeUndefined();
    const gone = native(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    await expect(contentRuntime(gone.runtime, false).sendMessage({})).rejects.toThrow('Receiving end');
    const ok = native(async () => ({ ok: true, data: { added: 2 } }));
    await expect(contentRuntime(ok.runtime, false).sendMessage({})).resolves.toEqual({
      ok: true,
      data: { added: 2 },
    });
  });

  it("gives a reader its own runtime: the background's answers with the polyfill's conventions, the browser's language", async () => {
    const rejected = native(async () => ({
      __mozWebExtensionPolyfillReject__: true,
      message: 'storage is full',
    }));
    const reader = readerRuntime({
      chrome: { runtime: rejected.runtime, i18n: { getUILanguage: () => 'zh-CN' } },
    });
    expect(reader.uiLanguage).toBe('zh-CN');
    await expect(reader.sendMessage({ channel: 'tradeline/v1' })).rejects.toThrow('storage is full');
    expect(rejected.runtime.sendMessage).toHaveBeenCalledWith({ channel: 'tradeline/v1' });
  });

  it("finds Firefox's browser namespace first, else Chromium's chrome", () => {
    const firefox = native(async () => undefined).runtime;
    const chromium = native(async () => undefined).runtime;
    expect(nativeRuntime({ browser: { runtime: firefox }, chrome: { runtime: chromium } })).toEqual({
      runtime: firefox,
      answersWithPromises: true,
    });
    expect(nativeRuntime({ chrome: { runtime: chromium } })).toEqual({
      runtime: chromium,
      answersWithPromises: false,
    });
    expect(() => nativeRuntime({})).toThrow(/no extension runtime/);
  });
});
