/**
 * tfjs prints a banner recommending tfjs-node when it starts in Node; tfjs-node cannot be
 * installed here (docs/ARCHITECTURE.md, "tfjs traps"), so the banner is noise. Drop exactly those console lines.
 */
export function silenceTfjsBanner(): void {
  const warn = console.warn.bind(console);
  const log = console.log.bind(console);
  const noisy = (a: unknown) =>
    typeof a === 'string' &&
    (a.includes('Hi, looks like you are running TensorFlow.js in Node.js') || /^=+$/.test(a.trim()));
  console.warn = (...a: unknown[]) => {
    if (!noisy(a[0])) warn(...a);
  };
  console.log = (...a: unknown[]) => {
    if (!noisy(a[0])) log(...a);
  };
}
