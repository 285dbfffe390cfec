import { Clapperboard } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";

export function AppHeader({ userName, children }: { userName: string; children?: ReactNode }) {
  return (
    <header className="flex h-14 shrink-0 items-center gap-4 border-b border-zinc-200 bg-white px-4 dark:border-zinc-800 dark:bg-zinc-900">
      <Link href="/projects" className="flex items-center gap-2 font-semibold">
        <Clapperboard className="h-5 w-5 text-indigo-600" aria-hidden />
        Reelboard
      </Link>
      <div className="flex min-w-0 flex-1 items-center gap-2">{children}</div>
      <span className="hidden text-sm text-zinc-500 sm:inline">{userName}</span>
      <SignOutButton />
    </header>
  );
}
