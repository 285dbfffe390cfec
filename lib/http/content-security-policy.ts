/**
 * The pages' Content-Security-Policy. Scripts run only with this request's nonce (Next.js puts it on its
 * own scripts) and what they load ('strict-dynamic'); everything else comes from this origin.
 * Styles allow inline: React and dnd-kit write style attributes, and a nonce cannot cover those (a
 * nonce in style-src would also switch 'unsafe-inline' off). Development needs eval for React's
 * error overlays.
 */
export function contentSecurityPolicy({ nonce, isDev }: { nonce: string; isDev: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self'",
    "media-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}
