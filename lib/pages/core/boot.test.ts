import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  contentRuntime,
  type NativeRuntime,
  nativeRuntime,
  readerRuntime,
} from '../../messaging/native-runtime.ts';
import { bootContentScript, launch, type PageReader, registerReader } from './boot.ts';
import type { ContentRuntime } from './content.ts';

/** The launcher's listener, and the runtime a reader registered in the test gets (the launcher itself sends nothing). */
function fakeRuntime() {
  const listeners: ((message: unknown) => Promise<unknown> | undefined)[] = [];
  const runtime: ContentRuntime = {
    sendMessage: vi.fn(async () => ({ ok: true, data: { added: 0, duplicates: 0 } })),
    onMessage: (listener) => listeners.push(listener),
  };
  return {
    runtime,
    onMessage: runtime.onMessage,
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

  it('puts the launcher on the page only once the page is idle, and listens at once', async () => {
    const { runtime, send } = fakeRuntime();
    const load = vi.fn(async () => undefined);
    bootContentScript({ family: 'boot-e', label: 'E', onMessage: runtime.onMessage, win: window, load });
    expect(document.querySelectorAll('[data-tradeline-panel]')).toHaveLength(0);
    expect(send({ channel: 'tradeline/v1', type: 'x' })).toBeUndefined();
    await vi.waitFor(() => expect(document.querySelectorAll('[data-tradeline-panel]')).toHaveLength(1));
    expect(load).not.toHaveBeenCalled();
  });

  it('adds no launcher when the popup asked for the page before it was put there', async () => {
    const { runtime, send } = fakeRuntime();
    let mountLater = () => {};
    const load = async () =>
      registerReader(
        'boot-f',
        () => ({ open: () => {}, handle: async () => 'read' }),
        () => runtime,
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
    await expect(send({ channel: 'tradeline/page', type: 'readPage' })).resolves.toBe('read');
    mountLater();
    expect(document.querySelectorAll('[data-tradeline-panel]')).toHaveLength(0);
  });

  it('loads the reader once when the popup asks, answers through it and removes the launcher', async () => {
    const { runtime, send } = fakeRuntime();
    const handle = vi.fn(async (message: unknown) => ({ echoed: message }));
    const start = vi.fn((): PageReader => ({ open: () => {}, handle }));
    const load = vi.fn(async () => registerReader('boot-b', start, () => runtime));
    const booted = bootContentScript({
      family: 'boot-b',
      label: 'B',
      onMessage: runtime.onMessage,
      win: window,
      load,
      schedule: now,
    });
    const request = { channel: 'tradeline/page', type: 'readPage' };
    await expect(send(request)).resolves.toEqual({ echoed: request });
    await expect(send(request)).resolves.toEqual({ echoed: request });
    expect(load).toHaveBeenCalledTimes(1);
    expect(start).toHaveBeenCalledTimes(1);
    // The reader gets the runtime its own script built (the launcher only listens).
    expect(start).toHaveBeenCalledWith(runtime, window);
    expect(booted.launcher.isConnected).toBe(false);
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

  it('listens at once, and asks the browser’s language only when it puts the tab on the page', async () => {
    const addListener = vi.fn();
    const getUILanguage = vi.fn(() => 'zh-CN');
    // The extension namespace as Firefox gives it (the test environment has a `browser` already).
    vi.stubGlobal('browser', {
      runtime: { id: 'ext', getURL: (p: string) => p, sendMessage: vi.fn(), onMessage: { addListener } },
      i18n: { getUILanguage },
    });
    const booted = launch({ id: 'launch-a', label: 'Shop $1 & $&' }, '/launch-a-reader.js');
    expect(addListener).toHaveBeenCalledTimes(1);
    expect(getUILanguage).not.toHaveBeenCalled();
    expect(document.querySelectorAll('[data-tradeline-panel]')).toHaveLength(0);
    await vi.waitFor(() => expect(document.querySelectorAll('[data-tradeline-panel]')).toHaveLength(1));
    expect(getUILanguage).toHaveBeenCalledTimes(1);
    // In the browser's language, the site's name taken literally (`$` patterns included).
    expect(booted.root.querySelector('button')?.getAttribute('aria-label')).toBe(
      '在 Shop $1 & $& 上打开 Tradeline：只有在您要求时才会读取此页面。',
    );
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
