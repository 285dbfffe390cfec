import { AppHeader } from "@/components/app-header";
import { ProjectList } from "@/components/projects/project-list";
import { requirePageUser } from "@/lib/auth/session";
import { listProjects } from "@/lib/boards/projects";

export const metadata = { title: "Projects" };

export default async function ProjectsPage() {
  const user = await requirePageUser();
  const projects = await listProjects({ ownerId: user.id });
  return (
    <div className="flex min-h-screen flex-col">
      <AppHeader userName={user.name} />
      <main className="mx-auto w-full max-w-6xl flex-1 p-6">
        <ProjectList initialProjects={projects} />
      </main>
    </div>
  );
}
