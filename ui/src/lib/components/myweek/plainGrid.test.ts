import { describe, expect, it } from 'vitest';
import { plainGrid } from './plainGrid';

function calendar(): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = `
    <div class="ec" role="table">
      <nav class="ec-toolbar"><div class="ec-start"></div></nav>
      <header><div role="row"><div role="columnheader" aria-colindex="1">Mon 30 Nov</div></div></header>
      <div class="ec-body" role="rowgroup">
        <div role="row"><div class="ec-day"></div></div>
        <div class="ec-events"><article aria-label="Weekly sync, Mon 09:00–09:30">Weekly sync</article></div>
      </div>
    </div>`;
  document.body.append(root);
  return root;
}

const gridRoles = (root: HTMLElement) => [...root.querySelectorAll('[role]')].map((el) => el.getAttribute('role')).filter((r) => r !== 'none');

describe('plainGrid', () => {
  it('takes the table roles and the empty toolbar landmark off the calendar and keeps the events', () => {
    const root = calendar();
    const stop = plainGrid(root);
    expect(gridRoles(root)).toEqual([]);
    expect(root.querySelectorAll('[aria-colindex]').length).toBe(0);
    expect(root.querySelector('nav')?.getAttribute('role')).toBe('none');
    expect(root.querySelector('article')?.getAttribute('aria-label')).toBe('Weekly sync, Mon 09:00–09:30');
    stop();
    root.remove();
  });

  it('takes them off again when the calendar redraws, until detached', async () => {
    const root = calendar();
    const stop = plainGrid(root);
    const row = document.createElement('div');
    row.setAttribute('role', 'row');
    root.querySelector('.ec-body')?.append(row);
    root.querySelector('.ec')?.setAttribute('role', 'table');
    await new Promise((ok) => setTimeout(ok, 0));
    expect(gridRoles(root)).toEqual([]);
    stop();
    row.setAttribute('role', 'row');
    await new Promise((ok) => setTimeout(ok, 0));
    expect(gridRoles(root)).toEqual(['row']);
    root.remove();
  });
});
