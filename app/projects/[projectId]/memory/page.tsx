import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { AppHeader } from "@/components/app-header";
import { MemoryView } from "@/components/memory/memory-view";
import { listAssets } from "@/lib/assets/assets";
import { requirePageUser } from "@/lib/auth/session";
import { getProject } from "@/lib/boards/projects";
import { orNotFound } from "@/lib/http/page";

export const metadata = { title: "Project memory" };

export default async function MemoryPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const user = await requirePageUser(`/projects/${projectId}/memory`);
  const [project, assets] = await orNotFound(
    Promise.all([getProject({ ownerId: user.id, projectId }), listAssets({ ownerId: user.id, projectId })]),
  );

  return (
    <div className="flex min-h-screen flex-col">
      <AppHeader userName={user.name}>
        <Link
          href={`/projects/${projectId}`}
          className="rounded p-1 text-zinc-500 hover:text-zinc-900 dark:hover:text-zinc-100"
          aria-label="Back to the board"
        >
          <ArrowLeft className="h-4 w-4" />
        </Link>
        <h1 className="truncate font-medium">{project.title} · Memory</h1>
      </AppHeader>
      <MemoryView projectId={projectId} initialAssets={assets} />
    </div>
  );
}
