import { useEffect, useState } from 'react';
import { onSchemeChange, prefersDark } from './theme';

/** Whether the system is in dark mode, re-rendering when it switches (for colours chosen in React). */
export function useDark(): boolean {
  const [dark, setDark] = useState(prefersDark);
  useEffect(() => onSchemeChange(() => setDark(prefersDark())), []);
  return dark;
}
