"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Archive, ArchiveRestore, Clapperboard, Pencil, Plus, Trash2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { Menu } from "@/components/ui/menu";
import { ApiError, api } from "@/lib/api-client";
import type { Project } from "@/lib/boards/dto";
import type { CreateProjectInput, UpdateProjectInput } from "@/lib/validations/project";
import { ProjectForm } from "./project-form";

const STATUS_LABELS: Record<Project["status"], string> = {
  draft: "Draft",
  in_production: "In production",
  completed: "Completed",
  archived: "Archived",
};

export function ProjectList({ initialProjects }: { initialProjects: Project[] }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const { data: projects } = useQuery({
    queryKey: ["projects"],
    queryFn: async () => (await api<{ projects: Project[] }>("/api/projects")).projects,
    initialData: initialProjects,
  });
  const [isCreating, setIsCreating] = useState(false);
  const [editing, setEditing] = useState<Project | null>(null);
  const [deleting, setDeleting] = useState<Project | null>(null);
  const [showArchived, setShowArchived] = useState(false);

  const refresh = () => queryClient.invalidateQueries({ queryKey: ["projects"] });
  const create = useMutation({
    mutationFn: (input: CreateProjectInput) => api<{ project: Project }>("/api/projects", { method: "POST", body: input }),
    // A new project is opened at once: its board is the next thing the creator works on.
    onSuccess: ({ project }) => {
      void refresh();
      router.push(`/projects/${project.id}`);
    },
  });
  const update = useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateProjectInput }) =>
      api<{ project: Project }>(`/api/projects/${id}`, { method: "PATCH", body: input }),
    onSuccess: () => {
      setEditing(null);
      void refresh();
    },
    onError: (error) => toast.error(error.message),
  });
  const remove = useMutation({
    mutationFn: (id: string) => api(`/api/projects/${id}`, { method: "DELETE" }),
    onSuccess: () => void refresh(),
    onError: (error) => toast.error(error.message),
  });

  const visible = projects.filter((project) => showArchived || project.status !== "archived");
  const archivedCount = projects.length - projects.filter((project) => project.status !== "archived").length;

  return (
    <section>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Projects</h1>
        <div className="flex items-center gap-2">
          {archivedCount > 0 && (
            <Button variant="ghost" size="sm" onClick={() => setShowArchived((value) => !value)}>
              {showArchived ? "Hide archived" : `Show archived (${archivedCount})`}
            </Button>
          )}
          <Button onClick={() => setIsCreating(true)}>
            <Plus className="h-4 w-4" aria-hidden />
            New project
          </Button>
        </div>
      </div>

      {visible.length === 0 ? (
        <div className="flex flex-col items-center rounded-xl border border-dashed border-zinc-300 p-12 text-center dark:border-zinc-700">
          <Clapperboard className="h-10 w-10 text-zinc-400" aria-hidden />
          <h2 className="mt-3 font-medium">No projects yet</h2>
          <p className="mt-1 max-w-sm text-sm text-zinc-500">
            A project is a film, an episode or a campaign. Create one to start its board.
          </p>
          <Button className="mt-4" onClick={() => setIsCreating(true)}>
            <Plus className="h-4 w-4" aria-hidden />
            Create your first project
          </Button>
        </div>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {visible.map((project) => (
            <li
              key={project.id}
              className="group relative flex flex-col rounded-xl border border-zinc-200 bg-white p-4 shadow-sm transition hover:border-indigo-300 hover:shadow dark:border-zinc-800 dark:bg-zinc-900"
            >
              <div className="flex items-start justify-between gap-2">
                <Link href={`/projects/${project.id}`} className="min-w-0 font-medium after:absolute after:inset-0 hover:underline">
                  <span className="block truncate">{project.title}</span>
                </Link>
                <div className="relative z-10">
                  <Menu
                    label={`Actions for ${project.title}`}
                    items={[
                      { label: "Edit", icon: <Pencil className="h-4 w-4" />, onSelect: () => setEditing(project) },
                      project.status === "archived"
                        ? {
                            label: "Unarchive",
                            icon: <ArchiveRestore className="h-4 w-4" />,
                            onSelect: () => update.mutate({ id: project.id, input: { status: "draft" } }),
                          }
                        : {
                            label: "Archive",
                            icon: <Archive className="h-4 w-4" />,
                            onSelect: () => update.mutate({ id: project.id, input: { status: "archived" } }),
                          },
                      { label: "Delete", icon: <Trash2 className="h-4 w-4" />, onSelect: () => setDeleting(project), isDanger: true },
                    ]}
                  />
                </div>
              </div>
              <p className="mt-1 line-clamp-2 min-h-10 text-sm text-zinc-500">{project.description || "No description"}</p>
              <div className="mt-3 flex flex-wrap gap-1.5 text-xs">
                <span className="rounded-full bg-zinc-100 px-2 py-0.5 dark:bg-zinc-800">{STATUS_LABELS[project.status]}</span>
                {project.brief.genre && (
                  <span className="rounded-full bg-indigo-50 px-2 py-0.5 text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300">
                    {project.brief.genre}
                  </span>
                )}
                {project.brief.contentRating && (
                  <span className="rounded-full bg-zinc-100 px-2 py-0.5 dark:bg-zinc-800">{project.brief.contentRating}</span>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}

      <Dialog open={isCreating} onOpenChange={setIsCreating} title="New project" description="You can change all of this later.">
        <ProjectForm
          submitLabel="Create project"
          isPending={create.isPending}
          serverErrors={create.error instanceof ApiError ? create.error.fields : undefined}
          onSubmit={(input) => create.mutate(input)}
        />
      </Dialog>
      <Dialog open={editing !== null} onOpenChange={(open) => !open && setEditing(null)} title="Edit project">
        {editing && (
          <ProjectForm
            project={editing}
            submitLabel="Save"
            isPending={update.isPending}
            serverErrors={update.error instanceof ApiError ? update.error.fields : undefined}
            onSubmit={(input) => update.mutate({ id: editing.id, input: { ...input, brief: input.brief ?? {} } })}
          />
        )}
      </Dialog>
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        title={`Delete "${deleting?.title ?? ""}"?`}
        description="The project, its columns and all its cards are deleted for good. This cannot be undone."
        confirmLabel="Delete project"
        onConfirm={() => deleting && remove.mutate(deleting.id)}
      />
    </section>
  );
}
