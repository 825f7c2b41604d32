/**
 * Seeded pseudo-random numbers. Every random choice in the engine (initial weights,
 * collocation batches) draws from one of these so a run is reproducible from its seed,
 * identically on every backend.
 */

/** A seeded stream of random numbers. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** Standard normal N(0, 1) (Box–Muller). */
  normal(): number;
  /** A new independent stream derived from this one (for sub-components). */
  fork(): Rng;
  /** The stream's position (plain numbers, JSON- and structured-clone-safe). */
  getState(): RngState;
  /** Continue from a position `getState` returned (of any stream); throws if it is malformed. */
  setState(s: RngState): void;
}

/**
 * A generator's position: sfc32's four 32-bit words (as signed integers) and the second
 * Box–Muller normal kept for the next `normal()` call, if any.
 */
export interface RngState {
  words: [number, number, number, number];
  spare: number | null;
}

/** Why `s` is not an RngState, or null if it is one. */
export function rngStateProblem(s: unknown): string | null {
  const r = s as RngState | null;
  if (!r || typeof r !== 'object' || !Array.isArray(r.words)) return 'not an rng state ({ words, spare })';
  if (r.words.length !== 4 || !r.words.every((w) => Number.isInteger(w) && w >= -(2 ** 31) && w < 2 ** 31))
    return `words must be four 32-bit integers, got [${r.words.join(', ')}]`;
  if (r.spare !== null && !Number.isFinite(r.spare)) return `spare must be a finite number or null, got ${r.spare}`;
  return null;
}

/** 32-bit seed mixing (splitmix32 finaliser) so that nearby seeds give unrelated streams. */
function mix32(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * sfc32-style generator seeded through splitmix32; period ≥ 2^32, passes the usual smoke
 * tests for uniformity, and costs a few integer ops per draw.
 */
export function createRng(seed: number): Rng {
  let a = mix32(seed);
  let b = mix32(a);
  let c = mix32(b);
  let d = mix32(c);
  let spare: number | null = null;
  const next = (): number => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  const rng: Rng = {
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    normal: () => {
      if (spare !== null) {
        const s = spare;
        spare = null;
        return s;
      }
      let u = 0;
      while (u === 0) u = next();
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    fork: () => createRng(Math.floor(next() * 4294967296)),
    getState: () => ({ words: [a | 0, b | 0, c | 0, d | 0], spare }),
    setState: (s) => {
      const problem = rngStateProblem(s);
      if (problem) throw new Error(`cannot restore the random stream: ${problem}`);
      [a, b, c, d] = s.words;
      spare = s.spare;
    },
  };
  return rng;
}
