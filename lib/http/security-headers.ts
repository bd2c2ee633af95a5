/**
 * The browser security policy of every response (set by proxy.ts; the headers that never vary are in next.config.ts).
 *
 * Two kinds of page:
 * - "private": signed-in and sign-in pages (/review, /admin, /login, /invite). Rendered per request and never shared
 *   by a cache, so each response gets a fresh nonce: Next reads it from the request's Content-Security-Policy header
 *   and puts it on every script it emits. No inline script runs without it ('strict-dynamic', no 'unsafe-inline').
 *   They cannot be framed at all.
 * - "public": everything else (the reader pages, the home page, the API). Reader pages are cached whole and served
 *   to everyone, so a per-request nonce is impossible, and hashes are not feasible either: Next inlines the page's
 *   own data as `self.__next_f.push(…)` scripts whose text differs per page and per render, known only after the
 *   proxy has answered. These pages get 'unsafe-inline' for scripts (docs/SECURITY.md says what still holds: no
 *   foreign script origin, no plugins, no <base> hijack, forms only to this site, framing by this site only).
 */
export type PagePolicy = "private" | "public";

const PRIVATE_AREA = /^\/(review|admin|login|invite)(\/|$)/;

export function pagePolicy(pathname: string): PagePolicy {
  return PRIVATE_AREA.test(pathname) ? "private" : "public";
}

/** 128 random bits, base64: a CSP nonce-source. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export interface PolicyOptions {
  policy: PagePolicy;
  nonce?: string;
  /** `next dev` evaluates code with eval (React's debugging); never in production. */
  development?: boolean;
  https?: boolean;
}

export function contentSecurityPolicy({ policy, nonce, development = false, https = false }: PolicyOptions): string {
  const eval_ = development ? " 'unsafe-eval'" : "";
  const scripts = policy === "private" && nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'${eval_}` : `'self' 'unsafe-inline'${eval_}`;
  const directives = [
    "default-src 'self'",
    `script-src ${scripts}`,
    // React writes style attributes (highlight colours from the vocabulary); no script runs from a style.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    // Reader pages may be framed by this site (a future embed widens this); signed-in pages by nobody.
    `frame-ancestors ${policy === "private" ? "'none'" : "'self'"}`,
  ];
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/**
 * Whether the browser reached us over HTTPS. The app itself serves plain HTTP (TLS ends at nginx or the CDN), so only
 * trusted proxies (TRUSTED_PROXY_HOPS > 0) can say so, in X-Forwarded-Proto (deploy/nginx.conf sets it); without them
 * the header is the client's word and is ignored. (Next derives the request URL's protocol from that same header, so
 * `request.nextUrl.protocol` is not evidence either.)
 */
export function isHttps(headers: { get(name: string): string | null }, hops: number): boolean {
  if (hops === 0) return false;
  const proto = (headers.get("x-forwarded-proto") ?? "").split(",").pop()?.trim().toLowerCase();
  return proto === "https";
}

export const STRICT_TRANSPORT_SECURITY = "max-age=31536000";

/** The headers proxy.ts adds to a response of the given policy. */
export function policyHeaders(options: PolicyOptions): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Frame-Options": options.policy === "private" ? "DENY" : "SAMEORIGIN",
  };
  if (options.https) headers["Strict-Transport-Security"] = STRICT_TRANSPORT_SECURITY;
  return headers;
}
