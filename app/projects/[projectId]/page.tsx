import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AppHeader } from "@/components/app-header";
import { BoardView } from "@/components/board/board-view";
import { requirePageUser } from "@/lib/auth/session";
import { getBoard } from "@/lib/boards/get-board";
import { AppError } from "@/lib/errors";
import { engineMode } from "@/lib/jobs/engine/mode";
import { listJobsOfProject } from "@/lib/jobs/jobs";

type Props = { params: Promise<{ projectId: string }> };

async function loadBoard(ownerId: string, projectId: string) {
  try {
    return await getBoard({ ownerId, projectId });
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function ProjectBoardPage({ params }: Props) {
  const { projectId } = await params;
  const user = await requirePageUser();
  const board = await loadBoard(user.id, projectId);
  const jobs = await listJobsOfProject({ ownerId: user.id, projectId });
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
      <BoardView initialBoard={board} initialJobs={jobs} engineLabel={engineLabel} />
    </div>
  );
}
