/**
 * Keyboard shortcuts of the run bar: Space starts or pauses, S takes one step, R resets.
 * They act only when no text field, select or button has the keyboard (there Space and
 * letters mean what they always mean) and without modifier keys (Ctrl+R still reloads).
 */

/** What a shortcut does. */
export type ShortcutAction = 'toggle' | 'step' | 'reset';

const keys: Record<string, ShortcutAction> = { ' ': 'toggle', s: 'step', S: 'step', r: 'reset', R: 'reset' };

/** Elements that own their keys: typing there is never a shortcut. */
function ownsKeys(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT' || tag === 'BUTTON' || tag === 'SUMMARY' || tag === 'A') return true;
  if (tag === 'INPUT') return true;
  return (el as HTMLElement).isContentEditable === true;
}

/** The shortcut a key press means, or null (ignored keys, modifiers, focus in a field). */
export function shortcutOf(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>,
  focused: Element | null,
): ShortcutAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (ownsKeys(focused)) return null;
  return keys[e.key] ?? null;
}
