/** A mistake in the command line (unknown option, missing file): exit 2 with the message, no stack. */
export class UsageError extends Error {}
