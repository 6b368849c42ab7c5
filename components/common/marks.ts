import { useEffect } from 'react';

/** Mark of the first render that shows the seller's data (popup: the profile; options: the sources). */
export const FIRST_DATA_MARK = 'tradeline:first-data';

/**
 * Records a User Timing mark the first time `ready` is true, once per page: the browser bench
 * (bench/browser) reads it as the page's first meaningful paint. Nothing leaves the page.
 */
export function useFirstDataMark(ready: boolean): void {
  useEffect(() => {
    if (ready && performance.getEntriesByName(FIRST_DATA_MARK, 'mark').length === 0) {
      performance.mark(FIRST_DATA_MARK);
    }
  }, [ready]);
}
