import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 p-6 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="text-sm text-zinc-500">This page does not exist, or it is not yours to see.</p>
      <Link href="/projects" className="text-sm font-medium text-indigo-600 hover:underline">
        Back to your projects
      </Link>
    </main>
  );
}
