import { tick } from 'svelte';

/** How long a lost focus waits for its fallback to be switched on (a re-plan after Apply). */
const WAIT_MS = 5000;

function lost(): boolean {
  const at = document.activeElement as (HTMLElement & { disabled?: boolean }) | null;
  return !at || at === document.body || at.disabled === true;
}

/**
 * After an action whose own button went away or was switched off (Accept plan
 * once the plan is saved, Apply once nothing is left to apply), focus would
 * fall back to the page and the keyboard start again at its top. `fallback`
 * then takes focus, as soon as it is there and switched on, but only while
 * focus is still lost: a person who moved on meanwhile keeps their place.
 */
export async function refocusIfLost(fallback: () => HTMLElement | null | undefined): Promise<void> {
  const until = Date.now() + WAIT_MS;
  for (;;) {
    await tick();
    if (!lost()) return;
    const to = fallback() as (HTMLElement & { disabled?: boolean }) | null | undefined;
    if (to && to.disabled !== true) return to.focus();
    if (Date.now() > until) return;
    await new Promise((ok) => setTimeout(ok, 50));
  }
}
