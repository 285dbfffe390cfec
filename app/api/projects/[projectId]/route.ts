import { deleteProject, getProject, updateProject } from "@/lib/boards/projects";
import { assertSameOrigin, authedRoute, json, readJson } from "@/lib/http/route";
import { updateProjectSchema } from "@/lib/validations/project";

type Params = { projectId: string };

export const GET = authedRoute<Params>(async ({ params, user }) => {
  return json({ project: await getProject({ ownerId: user.id, projectId: params.projectId }) });
});

export const PATCH = authedRoute<Params>(async ({ request, params, user }) => {
  const input = await readJson(request, updateProjectSchema);
  return json({ project: await updateProject({ ownerId: user.id, projectId: params.projectId, input }) });
});

export const DELETE = authedRoute<Params>(async ({ request, params, user }) => {
  assertSameOrigin(request);
  return json({ project: await deleteProject({ ownerId: user.id, projectId: params.projectId }) });
});
