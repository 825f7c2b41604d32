/**
 * Dotted option paths (`lr`, `archOptions.width`, `balancing.method`) as links and the CLI's
 * `--set` write them, put into a config input with own properties only: a segment must be a
 * plain name, and `constructor`, `toString` or `__proto__` never reach an inherited member.
 */
import { hasOwn } from './option';

const segment = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Whether `key` is a dotted path of at most `depth` plain names. */
export function isOptionPath(key: string, depth = 2): boolean {
  const parts = key.split('.');
  return parts.length <= depth && parts.every((s) => segment.test(s));
}

/** Define `obj[key] = value` as an own, enumerable property (never a prototype setter). */
export function defineOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Put `value` at `path` (one or two segments) in `target`. `fail` builds the error for a path
 * set twice, or set both as a value and as a group (unless `replace`, where a later value wins).
 */
export function setPath(
  target: Record<string, unknown>,
  path: readonly string[],
  value: unknown,
  fail: (why: string) => Error,
  replace = false,
): void {
  const [head, sub] = path;
  if (sub === undefined) {
    if (hasOwn(target, head) && !replace) throw fail(`sets "${head}" twice (or also as a group)`);
    defineOwn(target, head, value);
    return;
  }
  if (!hasOwn(target, head)) defineOwn(target, head, {});
  const group = target[head];
  if (typeof group !== 'object' || group === null || Array.isArray(group))
    throw fail(`sets "${head}" both as a value and as a group`);
  if (hasOwn(group, sub) && !replace) throw fail(`sets "${head}.${sub}" twice`);
  defineOwn(group as Record<string, unknown>, sub, value);
}
