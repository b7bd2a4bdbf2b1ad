/**
 * Resolves when every promise has settled, or at `deadline` (epoch ms), whichever comes first; answers
 * whether they all settled in time. Nothing is cancelled: the caller decides what to do about the rest.
 */
export async function settledBy(promises: Iterable<Promise<unknown>>, deadline: number): Promise<boolean> {
  const all = Promise.allSettled(promises).then(() => true);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    // A timer even when the deadline has passed: what has already settled still wins over it.
    timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([all, late]);
  } finally {
    clearTimeout(timer);
  }
}
