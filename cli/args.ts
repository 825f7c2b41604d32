/**
 * Command-line parsing for the Node entry points: `--flag value`, `--flag=value`, boolean
 * switches and repeatable `key=value` flags. Unknown flags and malformed values are errors
 * that name the flag and what is allowed.
 */

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** What a command accepts: value flags, boolean switches, repeatable key=value flags. */
export interface FlagSpec {
  values: string[];
  switches: string[];
  pairs: string[];
}

export interface ParsedArgs {
  values: Record<string, string>;
  switches: Set<string>;
  pairs: Record<string, Record<string, string>>;
  positional: string[];
}

/** Parse argv (without node and script) against `spec`. */
export function parseArgs(argv: string[], spec: FlagSpec): ParsedArgs {
  const out: ParsedArgs = { values: {}, switches: new Set(), pairs: {}, positional: [] };
  const all = [...spec.values, ...spec.switches, ...spec.pairs].map((f) => `--${f}`).join(', ');
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      out.positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    const inline = eq < 0 ? undefined : a.slice(eq + 1);
    if (spec.switches.includes(name)) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value (got '${inline}')`);
      out.switches.add(name);
      continue;
    }
    if (!spec.values.includes(name) && !spec.pairs.includes(name))
      throw new UsageError(`unknown flag --${name} (allowed: ${all})`);
    const v = inline ?? argv[++i];
    if (v === undefined || (inline === undefined && v.startsWith('--')))
      throw new UsageError(`--${name} needs a value`);
    if (spec.values.includes(name)) {
      out.values[name] = v;
      continue;
    }
    const k = v.indexOf('=');
    if (k <= 0) throw new UsageError(`--${name} expects key=value, got '${v}'`);
    // own properties only: `--opt __proto__=1` or `--opt constructor=1` are names, not members
    const group = Object.prototype.hasOwnProperty.call(out.pairs, name) ? out.pairs[name] : (out.pairs[name] = {});
    Object.defineProperty(group, v.slice(0, k), {
      value: v.slice(k + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
