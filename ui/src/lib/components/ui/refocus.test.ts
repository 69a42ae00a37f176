import { afterEach, describe, expect, it } from 'vitest';
import { refocusIfLost } from './refocus';

function button(text: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.textContent = text;
  document.body.append(b);
  return b;
}

afterEach(() => document.body.replaceChildren());

describe('refocusIfLost', () => {
  it('gives focus to the fallback when the focused button went away', async () => {
    const gone = button('Accept plan');
    const plan = button('Plan');
    gone.focus();
    gone.remove();
    await refocusIfLost(() => plan);
    expect(document.activeElement).toBe(plan);
  });

  it('waits for a switched-off fallback to be switched on', async () => {
    const plan = button('Re-plan');
    plan.disabled = true;
    const done = refocusIfLost(() => plan);
    setTimeout(() => (plan.disabled = false), 120);
    await done;
    expect(document.activeElement).toBe(plan);
  });

  it('leaves focus where a person moved it meanwhile', async () => {
    const elsewhere = button('Add task');
    const plan = button('Plan');
    elsewhere.focus();
    await refocusIfLost(() => plan);
    expect(document.activeElement).toBe(elsewhere);
  });
});
