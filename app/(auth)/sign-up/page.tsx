import { AuthForm } from "@/components/auth/auth-form";
import { safeReturnPath } from "@/lib/return-path";

export const metadata = { title: "Sign up" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  return <AuthForm mode="sign-up" returnTo={safeReturnPath((await searchParams).next)} />;
}
