import { afterEach, describe, expect, it, vi } from 'vitest';
import { bootContentScript, type PageReader, registerReader } from './boot.ts';
import type { ContentRuntime } from './content.ts';

function fakeRuntime() {
  const listeners: ((message: unknown) => Promise<unknown> | undefined)[] = [];
  const runtime: ContentRuntime = {
    sendMessage: vi.fn(async () => ({ ok: true, data: { added: 0, duplicates: 0 } })),
    onMessage: (listener) => listeners.push(listener),
  };
  return { runtime, send: (message: unknown) => listeners[0]?.(message) };
}

describe('bootContentScript', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('mounts only the collapsed launcher and loads nothing until asked', () => {
    const { runtime, send } = fakeRuntime();
    const load = vi.fn(async () => undefined);
    const booted = bootContentScript({ family: 'boot-a', label: 'Test site', runtime, win: window, load });
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
      runtime: { ...runtime, uiLanguage: 'zh-CN' },
      win: window,
      load,
    });
    const button = zh.root.querySelector('button');
    expect(button?.getAttribute('aria-label')).toBe(
      '在 速卖通 上打开 Tradeline：只有在您要求时才会读取此页面。',
    );
    expect(button?.title).toBe(button?.getAttribute('aria-label'));
    const en = bootContentScript({
      family: 'boot-en',
      label: 'Test site',
      runtime,
      win: window,
      load,
      language: 'en',
    });
    expect(en.root.querySelector('button')?.title).toBe(
      'Open Tradeline on Test site: it reads this page only when you ask.',
    );
  });

  it('loads the reader once when the popup asks, answers through it and removes the launcher', async () => {
    const { runtime, send } = fakeRuntime();
    const handle = vi.fn(async (message: unknown) => ({ echoed: message }));
    const start = vi.fn((): PageReader => ({ open: () => {}, handle }));
    const load = vi.fn(async () => registerReader('boot-b', start));
    const booted = bootContentScript({ family: 'boot-b', label: 'B', runtime, win: window, load });
    const request = { channel: 'tradeline/page', type: 'readPage' };
    await expect(send(request)).resolves.toEqual({ echoed: request });
    await expect(send(request)).resolves.toEqual({ echoed: request });
    expect(load).toHaveBeenCalledTimes(1);
    expect(start).toHaveBeenCalledTimes(1);
    expect(booted.launcher.isConnected).toBe(false);
  });

  it('opens the reader when the launcher is pressed', async () => {
    const { runtime } = fakeRuntime();
    const open = vi.fn();
    const load = async () => registerReader('boot-c', () => ({ open, handle: () => undefined }));
    const booted = bootContentScript({ family: 'boot-c', label: 'C', runtime, win: window, load });
    booted.root.querySelector('button')?.click();
    await vi.waitFor(() => expect(open).toHaveBeenCalledTimes(1));
  });

  it('says so when the reader cannot be loaded, and tries again on the next press', async () => {
    const { runtime } = fakeRuntime();
    const load = vi.fn(async () => {
      throw new Error('blocked');
    });
    const booted = bootContentScript({ family: 'boot-d', label: 'D', runtime, win: window, load });
    booted.root.querySelector('button')?.click();
    await vi.waitFor(() =>
      expect(booted.root.querySelector('[role="alert"]')?.textContent).toMatch(/could not start/),
    );
    booted.root.querySelector('button')?.click();
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(2));
    expect(booted.launcher.isConnected).toBe(true);
  });
});
