import { useCallback, useLayoutEffect, useState } from 'react';

export type Load<T> =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; value: T };

/**
 * Runs `load` once on mount (and again on `reload()`), tracking loading and error states.
 *
 * Started from a layout effect, in the task that mounts the component: an answer already there
 * (the pages' first requests are sent before their bundle runs) renders before the browser
 * paints, instead of one frame of "Loading…" first (Preact runs plain effects only after the
 * next paint; issue 10).
 */
export function useLoad<T>(load: () => Promise<T>): [Load<T>, () => void] {
  const [result, setResult] = useState<Load<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` is the reload trigger.
  useLayoutEffect(() => {
    let live = true;
    load().then(
      (value) => live && setResult({ state: 'ready', value }),
      (error: unknown) =>
        live &&
        setResult({ state: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [load, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return [result, reload];
}
