import "server-only";
import { getDb } from "../index";
import type { NewProjectRow, ProjectRow, ProjectUpdate } from "../types";
import { type Executor, isUuid } from "./executor";

export async function listProjectsByOwner({ ownerId }: { ownerId: string }): Promise<ProjectRow[]> {
  return getDb().selectFrom("projects").selectAll().where("owner_id", "=", ownerId).orderBy("updated_at", "desc").execute();
}

export async function findProjectForOwner(
  { projectId, ownerId, lock = false }: { projectId: string; ownerId: string; lock?: boolean },
  db: Executor = getDb(),
): Promise<ProjectRow | undefined> {
  if (!isUuid(projectId)) return undefined;
  let query = db.selectFrom("projects").selectAll().where("id", "=", projectId).where("owner_id", "=", ownerId);
  if (lock) query = query.forNoKeyUpdate();
  return query.executeTakeFirst();
}

export async function insertProject({ values }: { values: NewProjectRow }, db: Executor = getDb()): Promise<ProjectRow> {
  return db.insertInto("projects").values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateProjectRow({
  projectId,
  ownerId,
  values,
}: {
  projectId: string;
  ownerId: string;
  values: ProjectUpdate;
}): Promise<ProjectRow | undefined> {
  if (!isUuid(projectId)) return undefined;
  return getDb()
    .updateTable("projects")
    .set({ ...values, updated_at: new Date() })
    .where("id", "=", projectId)
    .where("owner_id", "=", ownerId)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteProjectRow({ projectId, ownerId }: { projectId: string; ownerId: string }): Promise<ProjectRow | undefined> {
  if (!isUuid(projectId)) return undefined;
  return getDb().deleteFrom("projects").where("id", "=", projectId).where("owner_id", "=", ownerId).returningAll().executeTakeFirst();
}
