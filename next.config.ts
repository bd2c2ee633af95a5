import path from "node:path";
import type { NextConfig } from "next";

// The headers every response carries. The Content-Security-Policy, X-Frame-Options and Strict-Transport-Security
// depend on the route and the request, and are set by proxy.ts (lib/http/security-headers.ts).
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), display-capture=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const nextConfig: NextConfig = {
  reactStrictMode: true,
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "pino"],
  // Cached pages and data: in this process's memory, invalidated on every instance through PostgreSQL LISTEN/NOTIFY
  // (lib/server/next-cache-handler.mjs). Next's own in-memory layer is off so that the handler alone decides.
  cacheHandler: path.resolve(process.cwd(), "lib/server/next-cache-handler.mjs"),
  cacheMaxMemorySize: 0,
  typedRoutes: false,
  // authInterrupts: forbidden() → app/forbidden.tsx with a real 403 status (admin pages for signed-in non-admins).
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "4mb" } }, // bodySizeLimit: the importer refuses files over 2 MB with its own message
  // The reader page /articles/<slug> is cached whole, and so is an annotation's permalink (?annotation=<id> alone):
  // /articles/<slug>/annotation/<id>. With a filter in the query it is rendered per request by
  // /articles/<slug>/filtered (from cached data). See app/articles/[slug]/page.tsx. The first matching rule wins.
  async rewrites() {
    return {
      beforeFiles: [
        {
          source: "/articles/:slug",
          has: [{ type: "query" as const, key: "annotation", value: "(?<annotationId>[A-Za-z0-9_-]{1,64})" }],
          missing: [
            { type: "query" as const, key: "status" },
            { type: "query" as const, key: "type" },
          ],
          destination: "/articles/:slug/annotation/:annotationId",
        },
        ...["status", "type", "annotation"].map((key) => ({
          source: "/articles/:slug",
          has: [{ type: "query" as const, key }],
          destination: "/articles/:slug/filtered",
        })),
      ],
      afterFiles: [],
      fallback: [],
    };
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
