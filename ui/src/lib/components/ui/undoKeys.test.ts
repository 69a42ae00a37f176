import { describe, expect, it } from 'vitest';
import { isTextEntry, undoKeyOf } from './undoKeys';

function press(key: string, mods: { ctrl?: boolean; meta?: boolean; shift?: boolean; alt?: boolean }, target: EventTarget | null) {
  return undoKeyOf({ key, ctrlKey: !!mods.ctrl, metaKey: !!mods.meta, shiftKey: !!mods.shift, altKey: !!mods.alt, target });
}

describe('undoKeyOf', () => {
  const body = document.body;
  const field = (tag: string, type?: string) => {
    const el = document.createElement(tag);
    if (type) el.setAttribute('type', type);
    return el;
  };

  it('maps Ctrl+Z and ⌘Z to undo and with Shift to redo', () => {
    expect(press('z', { ctrl: true }, body)).toBe('undo');
    expect(press('z', { meta: true }, body)).toBe('undo');
    expect(press('Z', { ctrl: true, shift: true }, body)).toBe('redo');
  });

  it('leaves other keys and Alt combinations alone', () => {
    expect(press('z', {}, body)).toBeNull();
    expect(press('y', { ctrl: true }, body)).toBeNull();
    expect(press('z', { ctrl: true, alt: true }, body)).toBeNull();
  });

  it('leaves the browser its own undo while typing in a text field', () => {
    expect(press('z', { ctrl: true }, field('input', 'text'))).toBeNull();
    expect(press('z', { ctrl: true }, field('input'))).toBeNull();
    expect(press('z', { ctrl: true, shift: true }, field('textarea'))).toBeNull();
    const editable = document.createElement('div');
    editable.setAttribute('contenteditable', 'true');
    const inner = document.createElement('span');
    editable.append(inner);
    expect(isTextEntry(inner)).toBe(true);
    // Buttons, checkboxes and selects hold no text to undo.
    expect(press('z', { ctrl: true }, field('input', 'checkbox'))).toBe('undo');
    expect(press('z', { ctrl: true }, field('button'))).toBe('undo');
    expect(press('z', { ctrl: true }, field('select'))).toBe('undo');
  });

  it('takes one step per press, and none behind an open dialog', () => {
    expect(undoKeyOf({ key: 'z', ctrlKey: true, metaKey: false, shiftKey: false, altKey: false, target: body, repeat: true })).toBeNull();
    const dialog = document.createElement('div');
    dialog.setAttribute('aria-modal', 'true');
    document.body.append(dialog);
    try {
      expect(press('z', { ctrl: true }, field('button'))).toBeNull();
    } finally {
      dialog.remove();
    }
    expect(press('z', { ctrl: true }, field('button'))).toBe('undo');
  });
});
