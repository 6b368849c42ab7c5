/**
 * Copies `next` into `target` key by key, descending into plain objects, so that references held
 * to `target` or to any group inside it see the new values. Both have the same shape (built by the
 * same function for another language).
 */
export function replaceInPlace<T extends object>(target: T, next: T): void {
  const to = target as Record<string, unknown>;
  for (const [key, value] of Object.entries(next)) {
    const current = to[key];
    if (isPlain(current) && isPlain(value)) replaceInPlace(current, value);
    else to[key] = value;
  }
}

function isPlain(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}
