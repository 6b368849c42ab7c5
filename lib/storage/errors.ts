/**
 * Turns a storage failure into a message that says what happened and what to do. A full disk
 * or an exhausted quota (QuotaExceededError, also when it aborts a transaction) is the one a
 * seller can act on; anything else keeps its own message.
 */
export class StorageFullError extends Error {
  override readonly name = 'StorageFullError';
}

export const STORAGE_FULL_MESSAGE =
  'The browser has no room left to store this (its storage quota or the disk is full). Nothing of it was stored. Free some disk space, or remove old imports under Options → Sources, then try again.';

function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const name = (error as { name?: unknown }).name;
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
  // An aborted transaction carries the reason as its error (idb rejects `done` with it).
  const inner = (error as { error?: unknown; cause?: unknown }).error ?? (error as { cause?: unknown }).cause;
  return inner !== undefined && inner !== error && isQuotaError(inner);
}

export function storageError(error: unknown): Error {
  if (isQuotaError(error)) return new StorageFullError(STORAGE_FULL_MESSAGE, { cause: error });
  return error instanceof Error ? error : new Error(String(error));
}
