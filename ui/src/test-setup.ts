import '@testing-library/jest-dom/vitest';

// The tests read dates and times as an en-GB computer writes them (`Tue 1 Dec`,
// `15:00`): jsdom says en-US, so the locale is set before i18n/language.ts
// reads it. en-US and de-DE are tested on their own (i18n/format.test.ts).
for (const [name, value] of [
  ['language', 'en-GB'],
  ['languages', ['en-GB']],
] as const) {
  Object.defineProperty(globalThis.navigator, name, { value, configurable: true });
}

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
