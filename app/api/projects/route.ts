import { createProject, listProjects } from "@/lib/boards/projects";
import { authedRoute, json, readJson } from "@/lib/http/route";
import { createProjectSchema } from "@/lib/validations/project";

export const GET = authedRoute(async ({ user }) => {
  return json({ projects: await listProjects({ ownerId: user.id }) });
});

export const POST = authedRoute(async ({ request, user }) => {
  const input = await readJson(request, createProjectSchema);
  return json({ project: await createProject({ ownerId: user.id, input }) }, 201);
});
