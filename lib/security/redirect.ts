/** Where a reviewer lands after signing in when no (acceptable) place to return to was given. */
export const DEFAULT_RETURN_PATH = "/review";

const BASE = "http://same-origin.invalid";
// eslint-disable-next-line no-control-regex -- control characters are exactly what this pattern must find
const CONTROL = /[\u0000-\u001f\u007f]/;
const MAX_LENGTH = 2048;

/**
 * The place to return to after signing in, only if it is a path on this site; otherwise `fallback`. Browsers read
 * `\` as `/` and drop tabs and newlines in URLs, and a server may decode the path once more before redirecting, so
 * "/\evil.example", "/%5Cevil.example", "/\t/evil.example" or "/%2F/evil.example" would each become
 * "//evil.example", another host. So the path (before `?` or `#`), decoded until it no longer changes, must start with
 * exactly one `/` and contain no `\` and no control character, and the URL parsed against a placeholder origin must
 * stay on it. The answer is that parsed path, query and fragment.
 */
export function safeReturnPath(value: unknown, fallback = DEFAULT_RETURN_PATH): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== "string" || raw.length === 0 || raw.length > MAX_LENGTH) return fallback;
  if (!raw.startsWith("/") || CONTROL.test(raw)) return fallback;

  const path = decodeFully(raw.split(/[?#]/, 1)[0]);
  if (path === null || !path.startsWith("/") || path.startsWith("//") || path.includes("\\") || CONTROL.test(path)) return fallback;

  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  return url.pathname + url.search + url.hash;
}

/**
 * next-auth's redirect callback: a URL on this site (absolute or a path) is kept, as its checked path; anything else
 * goes to the site's root.
 */
export function safeAuthRedirect(url: string, baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, "");
  const path = url.startsWith(`${base}/`) ? url.slice(base.length) : url === base ? "/" : url;
  return `${base}${safeReturnPath(path, "/")}`;
}

/** Percent-decodes until nothing changes; null if the encoding is malformed or still nested after four rounds. */
function decodeFully(path: string): string | null {
  for (let round = 0; round < 4; round++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return null;
    }
    if (decoded === path) return path;
    path = decoded;
  }
  return null;
}
