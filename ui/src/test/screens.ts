/**
 * App loads a screen's code when it first opens, and 1.5 s after start
 * fetches every other screen's in the background. Vitest compiles those
 * module trees on demand, in the test's own worker: on a cold or busy machine
 * that takes longer than a test's 5 s (tests timed out waiting for the screen
 * they opened, showing "Loading…"). A test file that renders App calls this
 * in `beforeAll`, so each test times only its own steps.
 */
export async function compileScreens(): Promise<void> {
  const screens = import.meta.glob(['../lib/components/*/*View.svelte', '../lib/components/reports/ReportsPage.svelte']);
  await Promise.all(Object.values(screens).map((load) => load()));
}

/** How long compiling every screen may take on a busy 2-core machine. */
export const COMPILE_TIMEOUT_MS = 180_000;
