import "server-only";
import { deleteProjectRow, findProjectForOwner, insertProject, listProjectsByOwner, updateProjectRow } from "@/db/queries/projects";
import { notFound } from "@/lib/errors";
import type { CreateProjectInput, UpdateProjectInput } from "@/lib/validations/project";
import { type Project, toProject } from "./dto";

type Owner = { ownerId: string };

export async function listProjects({ ownerId }: Owner): Promise<Project[]> {
  return (await listProjectsByOwner({ ownerId })).map(toProject);
}

export async function getProject({ ownerId, projectId }: Owner & { projectId: string }): Promise<Project> {
  const row = await findProjectForOwner({ projectId, ownerId });
  if (!row) throw notFound("No such project");
  return toProject(row);
}

export async function createProject({ ownerId, input }: Owner & { input: CreateProjectInput }): Promise<Project> {
  const row = await insertProject({
    values: {
      owner_id: ownerId,
      title: input.title,
      description: input.description ?? "",
      brief: JSON.stringify(input.brief ?? {}),
    },
  });
  return toProject(row);
}

export async function updateProject({ ownerId, projectId, input }: Owner & { projectId: string; input: UpdateProjectInput }): Promise<Project> {
  const { brief, ...rest } = input;
  const row = await updateProjectRow({
    projectId,
    ownerId,
    values: { ...rest, ...(brief && { brief: JSON.stringify(brief) }) },
  });
  if (!row) throw notFound("No such project");
  return toProject(row);
}

/** Deletes the project with its activities and cards (the foreign keys cascade). */
export async function deleteProject({ ownerId, projectId }: Owner & { projectId: string }): Promise<Project> {
  const row = await deleteProjectRow({ projectId, ownerId });
  if (!row) throw notFound("No such project");
  return toProject(row);
}
