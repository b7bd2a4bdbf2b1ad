import { useState, type Dispatch, type SetStateAction } from 'react';

/**
 * `useState` that starts over from `initial` whenever `resetKey` changes: a search box's text that follows the
 * address when back/forward rewrites it, a phone menu that closes on navigation. The reset happens while
 * rendering, not in an effect, so no frame shows the stale value and no second commit follows.
 */
export function useStateResetOn<T>(resetKey: unknown, initial: T): [T, Dispatch<SetStateAction<T>>] {
  const [state, setState] = useState(initial);
  const [seenKey, setSeenKey] = useState(resetKey);
  if (!Object.is(seenKey, resetKey)) {
    setSeenKey(resetKey);
    setState(initial);
  }
  return [state, setState];
}
