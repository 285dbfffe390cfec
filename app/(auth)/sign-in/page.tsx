import { AuthForm } from "@/components/auth/auth-form";
import { safeReturnPath } from "@/lib/return-path";

export const metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  return <AuthForm mode="sign-in" returnTo={safeReturnPath((await searchParams).next)} />;
}
