import { useEffect, useRef, useState } from 'react';

/**
 * `value`, but changing at most every `ms` milliseconds (the latest value is always delivered
 * on the trailing edge). Plots follow the store through this, so a fast backend streaming
 * many rows a second does not redraw them more often than the eye can use.
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    const wait = last.current + ms - performance.now();
    if (wait <= 0) {
      last.current = performance.now();
      setShown(value);
      return;
    }
    const timer = setTimeout(() => {
      last.current = performance.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return shown;
}
