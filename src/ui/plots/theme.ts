/**
 * Plot colours: light or dark, following the system setting like the page's CSS, and line
 * colours from Okabe & Ito's palette, which stays distinguishable under the common forms of
 * colour blindness (category10's red/green pairs do not). The |error| maps use Cividis, a
 * sequential scale made to read the same with deuteranopia.
 */

/** Colours that depend on light or dark mode. */
export interface PlotTheme {
  dark: boolean;
  fg: string;
  bg: string;
  grid: string;
  /** The total loss, the reference solution's line. */
  neutral: string;
}

const light: PlotTheme = { dark: false, fg: '#1d2433', bg: '#ffffff', grid: '#e6e9ef', neutral: '#333333' };
const dark: PlotTheme = { dark: true, fg: '#e3e8f0', bg: '#161e2e', grid: '#2c374b', neutral: '#d0d6e0' };

const query = '(prefers-color-scheme: dark)';

/** Whether media query `q` matches (false where there is no window, e.g. in Node tests). */
export function matchesMedia(q: string): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(q).matches;
}

/** Call `f` whenever media query `q` starts or stops matching; returns the unsubscribe. */
export function onMediaChange(q: string, f: () => void): () => void {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return () => {};
  const m = window.matchMedia(q);
  m.addEventListener('change', f);
  return () => m.removeEventListener('change', f);
}

/** Whether the system asks for dark mode. */
export const prefersDark = (): boolean => matchesMedia(query);

/** The theme for the current system setting. */
export function plotTheme(): PlotTheme {
  return prefersDark() ? dark : light;
}

/** Call `f` whenever the system switches between light and dark; returns the unsubscribe. */
export const onSchemeChange = (f: () => void): (() => void) => onMediaChange(query, f);

/** Okabe–Ito line colours (blue, orange, bluish green, vermillion, reddish purple, sky blue, yellow). */
export const palette = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442', '#999999'];

/** The error curve: black in light mode would hide the total; a colour no loss term gets first. */
export const errorColor = '#CC79A7';

/** Sequential scale of the |error| maps (colour-blind safe); diverging maps stay RdBu (blue–red reads for all). */
export const errorScale = 'Cividis';
