import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { AppHeader } from "@/components/app-header";
import { BoardView } from "@/components/board/board-view";
import { requirePageUser } from "@/lib/auth/session";
import { getBoard } from "@/lib/boards/get-board";
import { orNotFound } from "@/lib/http/page";
import { engineMode } from "@/lib/jobs/engine/mode";
import { jobsSnapshotOfProject } from "@/lib/jobs/jobs";

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<{ card?: string }> };

export default async function ProjectBoardPage({ params, searchParams }: Props) {
  const { projectId } = await params;
  const { card: openCardId } = await searchParams;
  const user = await requirePageUser(`/projects/${projectId}${openCardId ? `?card=${encodeURIComponent(openCardId)}` : ""}`);
  const board = await orNotFound(getBoard({ ownerId: user.id, projectId }));
  const { jobs, lastEventId } = await jobsSnapshotOfProject({ ownerId: user.id, projectId });
  const mode = engineMode();
  const engineLabel = mode.kind === "embedded" ? "the embedded job engine (no Inngest server configured)" : mode.description;

  return (
    <div className="flex h-screen flex-col">
      <AppHeader userName={user.name}>
        <Link href="/projects" className="rounded p-1 text-zinc-500 hover:text-zinc-900 dark:hover:text-zinc-100" aria-label="All projects">
          <ArrowLeft className="h-4 w-4" />
        </Link>
        <h1 className="truncate font-medium">{board.project.title}</h1>
      </AppHeader>
      <BoardView
        initialBoard={board}
        initialJobs={jobs}
        initialEventId={lastEventId}
        engineLabel={engineLabel}
        initialOpenCardId={openCardId}
      />
    </div>
  );
}
