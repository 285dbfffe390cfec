import "server-only";
import { getDb } from "@/db";
import { insertActivity } from "@/db/queries/activities";
import { deleteProjectRow, findProjectForOwner, insertProject, listProjectsByOwner, updateProjectRow } from "@/db/queries/projects";
import { notFound } from "@/lib/errors";
import type { CreateProjectInput, UpdateProjectInput } from "@/lib/validations/project";
import { type Project, toProject } from "./dto";
import { positionAfter } from "./position";
import { PROJECT_TEMPLATES } from "./templates";

type Owner = { ownerId: string };

export async function listProjects({ ownerId }: Owner): Promise<Project[]> {
  return (await listProjectsByOwner({ ownerId })).map(toProject);
}

export async function getProject({ ownerId, projectId }: Owner & { projectId: string }): Promise<Project> {
  const row = await findProjectForOwner({ projectId, ownerId });
  if (!row) throw notFound("No such project");
  return toProject(row);
}

/** A new project; with a template, its starting columns are created with it, in one transaction. */
export async function createProject({ ownerId, input }: Owner & { input: CreateProjectInput }): Promise<Project> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const row = await insertProject(
        {
          values: {
            owner_id: ownerId,
            title: input.title,
            description: input.description ?? "",
            brief: JSON.stringify(input.brief ?? {}),
          },
        },
        trx,
      );
      let position: string | null = null;
      for (const column of input.template ? PROJECT_TEMPLATES[input.template].columns : []) {
        position = positionAfter(position);
        await insertActivity(
          { projectId: row.id, title: column.title, description: column.description, taskType: column.taskType, position },
          trx,
        );
      }
      return toProject(row);
    });
}

export async function updateProject({
  ownerId,
  projectId,
  input,
}: Owner & { projectId: string; input: UpdateProjectInput }): Promise<Project> {
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
