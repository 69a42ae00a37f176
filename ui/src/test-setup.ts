import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/svelte';
import { clearMocks } from '@tauri-apps/api/mocks';

// The machines tests run on are shared: a screen can take seconds to show
// under load. These are ceilings on waiting, not timings; a test that finds
// what it waits for goes on at once.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  clearMocks();
});

// jsdom lays nothing out, so it has no ResizeObserver; Svelte's
// `bind:clientHeight` needs one to exist. Sizes stay 0 in unit tests (lists
// then draw their first rows); real sizes are tested in Chromium.
if (!('ResizeObserver' in globalThis)) {
  class NoLayoutResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  (globalThis as { ResizeObserver?: unknown }).ResizeObserver = NoLayoutResizeObserver;
}
