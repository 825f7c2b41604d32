import { useEffect, useState } from 'react';
import { matchesMedia, onMediaChange } from './theme';

/** The viewport width below which the solution heatmaps stack one per row (a phone). */
const query = '(max-width: 600px)';

/** Whether the viewport is phone-narrow; follows rotation and resizing. */
export function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => matchesMedia(query));
  useEffect(() => onMediaChange(query, () => setNarrow(matchesMedia(query))), []);
  return narrow;
}
