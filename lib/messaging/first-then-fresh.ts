/**
 * A loader whose first call answers with `first` (a request already sent, e.g. to learn the
 * seller's language before the first render) and whose later calls ask afresh: a page's first
 * load reuses the answer instead of asking twice.
 */
export function firstThenFresh<T>(first: Promise<T>, fresh: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined = first;
  return () => {
    const answer = pending ?? fresh();
    pending = undefined;
    return answer;
  };
}
