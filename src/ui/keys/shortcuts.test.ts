import { describe, expect, it } from 'vitest';
import { shortcutOf } from './shortcuts';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});
const el = (tagName: string) => ({ tagName, isContentEditable: false }) as unknown as Element;

describe('shortcutOf', () => {
  it('maps Space, S and R on the page to start/pause, step and reset', () => {
    expect(shortcutOf(key(' '), el('BODY'))).toBe('toggle');
    expect(shortcutOf(key('s'), el('DIV'))).toBe('step');
    expect(shortcutOf(key('R'), null)).toBe('reset');
    expect(shortcutOf(key('x'), el('BODY'))).toBeNull();
  });

  it('leaves keys alone in fields, selects and buttons, and with modifiers (Ctrl+R reloads)', () => {
    for (const t of ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'SUMMARY'])
      expect(shortcutOf(key(' '), el(t))).toBeNull();
    expect(shortcutOf(key('r', { ctrlKey: true }), el('BODY'))).toBeNull();
    expect(shortcutOf(key('s', { metaKey: true }), el('BODY'))).toBeNull();
  });
});
