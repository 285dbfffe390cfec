import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import { getAuth } from "./auth";

export type SessionUser = { id: string; name: string; email: string };

export async function getSessionUser(requestHeaders: Headers): Promise<SessionUser | null> {
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  if (!session) return null;
  return { id: session.user.id, name: session.user.name, email: session.user.email };
}

/** For route handlers: the signed-in user, or a 401 AppError. */
export async function requireApiUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request.headers);
  if (!user) throw new AppError("unauthorized", "Sign in first");
  return user;
}

/** For pages: the signed-in user, or a redirect to the sign-in page that comes back to `returnTo`. */
export async function requirePageUser(returnTo?: string): Promise<SessionUser> {
  const user = await getSessionUser(await headers());
  if (!user) redirect(returnTo ? `/sign-in?next=${encodeURIComponent(returnTo)}` : "/sign-in");
  return user;
}
