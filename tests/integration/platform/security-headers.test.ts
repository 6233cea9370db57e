/**
 * Every answer carries the security headers (server/src/security-headers.ts): the web client,
 * its assets, the GraphiQL page, the API and the health check. The browser tests
 * (tests/browser/explorer.test.ts, graphiql.test.ts) fail on any console error, so a policy
 * that broke the client or GraphiQL (a refused script, style, image or worker) fails there.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicyFor } from '../../../server/src/security-headers.js';
import { startApi, type Api } from '../api/api.js';

let api: Api;
let origin: string;
beforeAll(async () => {
  api = await startApi();
  origin = new URL(api.url).origin;
});
afterAll(async () => {
  await api.close();
});

const directives = (policy: string | null): Map<string, string[]> =>
  new Map(
    (policy ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0] !== '')
      .map(([name, ...sources]) => [name ?? '', sources]),
  );

async function headersOf(path: string, init: RequestInit = {}): Promise<Headers> {
  const response = await fetch(`${origin}${path}`, init);
  await response.arrayBuffer();
  return response.headers;
}

async function firstAsset(): Promise<string> {
  const html = await (await fetch(`${origin}/`)).text();
  const src = /<script[^>]*src="([^"]+)"/.exec(html)?.[1];
  if (src === undefined) throw new Error('the built client page names no script');
  return src;
}

describe('security headers', () => {
  const answers: [string, () => Promise<Headers>][] = [
    ['the web client', () => headersOf('/')],
    ['a client asset', async () => headersOf(await firstAsset())],
    ['a deep link into the client', () => headersOf('/person/kim-il-sung')],
    ['the GraphiQL page', () => headersOf('/graphql', { headers: { accept: 'text/html' } })],
    [
      'a GraphQL answer',
      () => headersOf('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) }),
    ],
    ['a GraphQL error', () => headersOf('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":' })],
    ['the health check', () => headersOf('/healthz')],
  ];

  it.each(answers)('%s: nosniff, no referrer, no framing, a script policy without unsafe-inline', async (_name, get) => {
    const headers = await get();
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    expect(headers.get('x-frame-options')).toBe('DENY');
    const policy = directives(headers.get('content-security-policy'));
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    const scripts = policy.get('script-src') ?? [];
    expect(scripts[0]).toBe("'self'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(headers.get('x-powered-by')).toBeNull();
  });

  it("allows a page's inline scripts by their hash only", () => {
    const page = '<html><script>console.log(1)</script><script type="module" src="/a.js"></script><script>\nrun()\n</script></html>';
    const scripts = directives(contentSecurityPolicyFor(page)).get('script-src') ?? [];
    const hash = (body: string) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
    expect(scripts).toEqual(["'self'", hash('console.log(1)'), hash('\nrun()\n')]);
  });
});
