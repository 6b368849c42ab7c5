import { type ReactNode, useEffect, useState } from 'react';

/**
 * Renders its children only once the frame it first appeared in has been painted (Preact runs
 * effects after the paint): for what lies below the fold of a page's first data, so that the
 * frame that shows the data styles, lays out and paints only what the seller sees at once, and
 * the rest follows a frame later (issue 10).
 */
export function AfterFirstPaint({ children }: { children: ReactNode }) {
  const [painted, setPainted] = useState(false);
  useEffect(() => setPainted(true), []);
  return painted ? children : null;
}
