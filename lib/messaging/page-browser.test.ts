import { describe, expect, it, vi } from 'vitest';
import { pageBrowser } from './page-browser.ts';

function chromeLike(reply: unknown) {
  return {
    runtime: {
      id: 'ext',
      getURL: String,
      sendMessage: vi.fn(async () => reply),
      onMessage: { addListener() {} },
      openOptionsPage: vi.fn(async () => {}),
    },
    permissions: { request: vi.fn(async () => true) },
    tabs: { create: vi.fn(async () => ({ id: 7 })) },
    i18n: { getUILanguage: () => 'zh-CN' },
  };
}

describe('the pages’ browser APIs, without webextension-polyfill', () => {
  it('uses Chromium’s chrome namespace, with the polyfill’s message conventions', async () => {
    const chrome = chromeLike({ __mozWebExtensionPolyfillReject__: true, message: 'storage is full' });
    const page = pageBrowser({ chrome });
    // The background's polyfill sends a thrown error as this wrapper: it becomes a rejection again.
    await expect(page.sendMessage({ type: 'getOverview' })).rejects.toThrow('storage is full');
    expect(chrome.runtime.sendMessage).toHaveBeenCalledWith({ type: 'getOverview' });
    expect(page.uiLanguage()).toBe('zh-CN');
    await expect(page.requestOrigins(['https://lender.example/*'])).resolves.toBe(true);
    expect(chrome.permissions.request).toHaveBeenCalledWith({ origins: ['https://lender.example/*'] });
    await page.openTab('https://lender.example/apply');
    expect(chrome.tabs.create).toHaveBeenCalledWith({ url: 'https://lender.example/apply' });
    await page.openOptionsPage();
    expect(chrome.runtime.openOptionsPage).toHaveBeenCalledOnce();
  });

  it('uses Firefox’s browser namespace when it is there, answers as they come', async () => {
    const browser = chromeLike({ ok: true, data: { version: '0.1.0' } });
    const chrome = chromeLike(undefined);
    const page = pageBrowser({ browser, chrome });
    await expect(page.sendMessage({ type: 'ping' })).resolves.toEqual({
      ok: true,
      data: { version: '0.1.0' },
    });
    await page.openTab('https://lender.example/');
    expect(browser.tabs.create).toHaveBeenCalledOnce();
    expect(chrome.tabs.create).not.toHaveBeenCalled();
    expect(chrome.runtime.sendMessage).not.toHaveBeenCalled();
  });
});
