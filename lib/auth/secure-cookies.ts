/**
 * Session cookies are Secure (with the __Secure- prefix) exactly when APP_URL is https. A browser keeps
 * a Secure cookie only from an https page (or localhost), so an install reached over plain http on the
 * LAN could not stay signed in with better-auth's production default.
 */
export function usesSecureCookies(appUrl: string | undefined): boolean {
  return appUrl !== undefined && new URL(appUrl).protocol === "https:";
}

/**
 * A warning for the start banner when passwords and session cookies would cross the network in clear
 * text: served over http and reachable from other machines. Null when not.
 */
export function plainHttpWarning({ host, appUrl }: { host: string; appUrl: string | undefined }): string | null {
  if (usesSecureCookies(appUrl)) return null;
  const names = appUrl ? [host, new URL(appUrl).hostname] : [host];
  const exposedAt = [...new Set(names)].filter((name) => !isLoopback(name));
  if (exposedAt.length === 0) return null;
  return (
    `served over plain http beyond this machine (${exposedAt.join(", ")}): passwords and session cookies cross ` +
    "the network unencrypted. Put an https proxy in front and set APP_URL=https://..."
  );
}

function isLoopback(host: string): boolean {
  const name = host.replace(/^\[|\]$/g, "").toLowerCase();
  return name === "localhost" || name.endsWith(".localhost") || name === "::1" || /^127\.\d+\.\d+\.\d+$/.test(name);
}
