/**
 * Every permission Tradeline's manifest asks for, each with the reason it is needed. The
 * manifest (wxt.config.ts) is built from these tables only, and test/unit/manifest.test.ts fails
 * when the built manifest holds a permission or host that has no reason here.
 */

/** API permissions, granted at install. */
export const PERMISSION_REASONS = {
  unlimitedStorage:
    'IndexedDB holds years of orders (millions of rows); without it the browser may evict or cap the seller’s history.',
  alarms:
    'The outbox and status polling wake the background worker (sending applications, reading their status).',
  notifications:
    'Offers, information requests, funding and declines reach the seller without opening the popup.',
} as const satisfies Record<string, string>;

/**
 * Hosts asked for at the moment the seller applies to a channel (`permissions.request` from the
 * popup's Apply click): only that channel's origin is requested, never all of them.
 */
export const OPTIONAL_HOST_REASONS = {
  'https://*/*':
    'A financing channel’s API origin (any lender’s HTTPS host), requested one origin at a time when the seller applies to it, so the background may send the application and read its status.',
} as const satisfies Record<string, string>;

/** Extra optional hosts of development and test builds (never of a release build). */
export const DEVELOPMENT_OPTIONAL_HOST_REASONS = {
  'http://127.0.0.1/*': 'Development builds only: the sandbox lenders run on loopback over plain HTTP.',
  'http://localhost/*': 'Development builds only: the sandbox lenders run on loopback over plain HTTP.',
} as const satisfies Record<string, string>;

export type Permission = keyof typeof PERMISSION_REASONS;

/** The reason for any permission or host pattern, or undefined when none is written. */
export function reasonFor(permission: string): string | undefined {
  const all: Record<string, string> = {
    ...PERMISSION_REASONS,
    ...OPTIONAL_HOST_REASONS,
    ...DEVELOPMENT_OPTIONAL_HOST_REASONS,
  };
  return Object.hasOwn(all, permission) ? all[permission] : undefined;
}

/**
 * The content security policy of every extension page and the background worker: only the
 * extension's own scripts (no remote code, no eval, no inline script), no plugins, no <base>
 * rewriting, no form posts; network only to HTTPS channels (and loopback in development builds).
 */
export function extensionPagesCsp(allowLoopback: boolean): string {
  const connect = [
    "'self'",
    'https:',
    ...(allowLoopback ? ['http://127.0.0.1:*', 'http://localhost:*'] : []),
  ];
  return [
    "default-src 'self'",
    "script-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "img-src 'self' data: blob:",
    "style-src 'self'",
    "worker-src 'self'",
    `connect-src ${connect.join(' ')}`,
  ].join('; ');
}

/** Whether a build may talk to loopback channels over HTTP: every build but a release one. */
export function optionalHosts(allowLoopback: boolean): string[] {
  return [
    ...Object.keys(OPTIONAL_HOST_REASONS),
    ...(allowLoopback ? Object.keys(DEVELOPMENT_OPTIONAL_HOST_REASONS) : []),
  ];
}

/** The parts of a built manifest (MV3 or Firefox MV2) that grant access. */
export interface ManifestAccess {
  permissions?: readonly string[];
  optional_permissions?: readonly string[];
  host_permissions?: readonly string[];
  optional_host_permissions?: readonly string[];
}

/** Every permission or host pattern of a manifest that has no reason in the tables above. */
export function unexplainedPermissions(manifest: ManifestAccess): string[] {
  return [
    ...(manifest.permissions ?? []),
    ...(manifest.optional_permissions ?? []),
    ...(manifest.host_permissions ?? []),
    ...(manifest.optional_host_permissions ?? []),
  ].filter((p) => reasonFor(p) === undefined);
}
