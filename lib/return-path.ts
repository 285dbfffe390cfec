/**
 * Where to go after signing in: only a path on this site ("/projects/..."), never another origin
 * ("//evil.example", "/\\evil.example", "https://..."), so that the link cannot be used to send people away.
 */
export function safeReturnPath(value: string | string[] | undefined): string | undefined {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return undefined;
  return value;
}
