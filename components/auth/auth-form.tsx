"use client";

import { Clapperboard } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { authClient } from "@/lib/auth/client";

/** Sign-in and sign-up share one form; sign-up adds the name field. Both go on to `returnTo` (a link followed while signed out). */
export function AuthForm({ mode, returnTo }: { mode: "sign-in" | "sign-up"; returnTo?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);
  const isSignUp = mode === "sign-up";

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    setIsPending(true);
    setError(null);

    const result = isSignUp
      ? await authClient.signUp.email({ name: String(form.get("name") ?? "").trim() || email.split("@")[0]!, email, password })
      : await authClient.signIn.email({ email, password });

    setIsPending(false);
    if (result.error) {
      setError(result.error.message ?? "That did not work; try again");
      return;
    }
    router.replace(returnTo ?? "/projects");
    router.refresh();
  }

  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex items-center gap-2 text-xl font-semibold">
          <Clapperboard className="h-6 w-6 text-indigo-600" aria-hidden />
          Reelboard
        </div>
        <h1 className="text-2xl font-semibold">{isSignUp ? "Create your account" : "Sign in"}</h1>
        <p className="mt-1 text-sm text-zinc-500">
          {isSignUp ? "Plan and produce AI media on a board." : "Welcome back to your productions."}
        </p>
        <form onSubmit={onSubmit} className="mt-6 flex flex-col gap-4">
          {isSignUp && <Field label="Name">{(props) => <Input {...props} name="name" autoComplete="name" />}</Field>}
          <Field label="Email">{(props) => <Input {...props} name="email" type="email" required autoComplete="email" />}</Field>
          <Field label="Password" hint={isSignUp ? "At least 8 characters" : undefined}>
            {(props) => (
              <Input
                {...props}
                name="password"
                type="password"
                required
                minLength={8}
                autoComplete={isSignUp ? "new-password" : "current-password"}
              />
            )}
          </Field>
          {error && (
            <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
              {error}
            </p>
          )}
          <Button type="submit" disabled={isPending}>
            {isPending ? "Please wait..." : isSignUp ? "Sign up" : "Sign in"}
          </Button>
        </form>
        <p className="mt-6 text-sm text-zinc-500">
          {isSignUp ? "Already have an account? " : "New here? "}
          <Link
            className="font-medium text-indigo-600 hover:underline"
            href={`${isSignUp ? "/sign-in" : "/sign-up"}${returnTo ? `?next=${encodeURIComponent(returnTo)}` : ""}`}
          >
            {isSignUp ? "Sign in" : "Create an account"}
          </Link>
        </p>
      </div>
    </main>
  );
}
