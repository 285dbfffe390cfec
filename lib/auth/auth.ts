import "server-only";
import { betterAuth } from "better-auth";
import { nextCookies } from "better-auth/next-js";
import { PostgresDialect } from "kysely";
import { getPool } from "@/db";
import { env } from "@/lib/env";
import { CLIENT_IP_HEADER } from "./client-ip";
import { usesSecureCookies } from "./secure-cookies";

const timestamps = { createdAt: "created_at", updatedAt: "updated_at" };

function createAuth() {
  return betterAuth({
    appName: "Reelboard",
    secret: env.AUTH_SECRET,
    basePath: "/api/auth",
    // Without APP_URL any local address works, so that several copies can run side by side on other ports;
    // listening on every interface (HOST=0.0.0.0), so does any address of this machine on its port (a LAN).
    baseURL: env.APP_URL ?? {
      allowedHosts: [
        "localhost:*",
        "127.0.0.1:*",
        "[::1]:*",
        `${env.HOST}:*`,
        ...(["0.0.0.0", "::"].includes(env.HOST) ? [`*:${env.PORT}`] : []),
      ],
      fallback: `http://localhost:${env.PORT}`,
    },
    database: { dialect: new PostgresDialect({ pool: getPool() }), type: "postgres" },
    emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128, autoSignIn: true },
    session: {
      // No signed copy of the session in a cookie: it would keep a signed-out or revoked session working
      // until the copy expired. Every request reads the session by its unique token instead (measured:
      // about 1 ms more per getSession on a 2-core machine).
      cookieCache: { enabled: false },
      modelName: "sessions",
      fields: { userId: "user_id", expiresAt: "expires_at", ipAddress: "ip_address", userAgent: "user_agent", ...timestamps },
    },
    user: { modelName: "users", fields: { emailVerified: "email_verified", ...timestamps } },
    account: {
      modelName: "accounts",
      fields: {
        userId: "user_id",
        accountId: "account_id",
        providerId: "provider_id",
        accessToken: "access_token",
        refreshToken: "refresh_token",
        idToken: "id_token",
        accessTokenExpiresAt: "access_token_expires_at",
        refreshTokenExpiresAt: "refresh_token_expires_at",
        ...timestamps,
      },
    },
    verification: { modelName: "verifications", fields: { expiresAt: "expires_at", ...timestamps } },
    advanced: {
      database: { generateId: "uuid" },
      useSecureCookies: usesSecureCookies(env.APP_URL),
      // Set by the launcher from the connection (or, with TRUST_PROXY, the proxy's header); the default,
      // X-Forwarded-For as the client sent it, would give every forged value its own rate-limit bucket.
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    telemetry: { enabled: false },
    rateLimit: { enabled: env.AUTH_RATE_LIMIT },
    plugins: [nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as typeof globalThis & { __reelboardAuth?: Auth };

/** The auth instance, created on first use (after the launcher has set the database URL and secret). */
export function getAuth(): Auth {
  return (globalForAuth.__reelboardAuth ??= createAuth());
}
