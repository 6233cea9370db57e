/**
 * Security headers on every answer (web client, GraphiQL page, API, health): a
 * Content-Security-Policy, nosniff, a referrer policy and framing refused. Pages with inline
 * scripts (the offline GraphiQL page) get those scripts' hashes, never 'unsafe-inline'.
 *
 * Why each directive:
 * - script-src 'self': the client and GraphiQL are bundles served from here; nothing from a CDN.
 * - style-src 'self' 'unsafe-inline': Cytoscape, Chart.js and GraphiQL's components set styles
 *   at run time; inline styles cannot run code, so this is the usual, bounded allowance.
 * - img-src data: blob:: PNG/SVG exports and the empty favicon are data: and blob: URLs.
 * - worker-src 'self' blob:: the layout worker is a bundled module (blob: for dev builds).
 * - connect-src 'self': the only thing the pages talk to is /graphql.
 * - frame-ancestors 'none' (and X-Frame-Options for old browsers): nobody frames the atlas.
 */
import { createHash } from 'node:crypto';
import type { RequestHandler, Response } from 'express';

const BASE_POLICY: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

const render = (policy: Readonly<Record<string, readonly string[]>>): string =>
  Object.entries(policy)
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join('; ');

/** The policy every answer carries unless a page sets its own (contentSecurityPolicyFor). */
export const CONTENT_SECURITY_POLICY = render(BASE_POLICY);

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Sets SECURITY_HEADERS on every response; routes may narrow or extend the policy afterwards. */
export function securityHeaders(): RequestHandler {
  return (_req, res, next) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    next();
  };
}

/** The policy for one HTML page: the base policy plus the sha256 of each of its inline scripts. */
export function contentSecurityPolicyFor(html: string): string {
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map(
    ([, body]) =>
      `'sha256-${createHash('sha256')
        .update(body ?? '', 'utf8')
        .digest('base64')}'`,
  );
  return render({ ...BASE_POLICY, 'script-src': [...(BASE_POLICY['script-src'] ?? []), ...hashes] });
}

/** Sends an HTML page under its own policy (its inline scripts allowed by hash). */
export function sendPage(res: Response, html: string, policy: string = contentSecurityPolicyFor(html)): void {
  res.setHeader('Content-Security-Policy', policy);
  res.type('html').send(html);
}
