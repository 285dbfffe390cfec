import { randomUUID } from "node:crypto";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { createActivity } from "@/lib/boards/activities";
import { createCard } from "@/lib/boards/cards";
import { createProject } from "@/lib/boards/projects";
import type { TaskTypeName } from "@/lib/validations/generation-params";

export const BASE_URL = "http://localhost:3000";

export type TestUser = { id: string; email: string; cookie: string };

/** Signs a new user up through the real auth route and keeps the session cookie it sets. */
export async function createUser(): Promise<TestUser> {
  const email = `user-${randomUUID()}@example.com`;
  const response = await authPost(
    new Request(`${BASE_URL}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: BASE_URL },
      body: JSON.stringify({ name: "Test User", email, password: "correct-horse-battery" }),
    }),
  );
  if (!response.ok) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { user: { id: string } };
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0])
    .join("; ");
  return { id: body.user.id, email, cookie };
}

/** A project with one column per given type, each holding `cardsPerColumn` cards named "<column> <n>". */
export async function createBoard(ownerId: string, columns: TaskTypeName[] = ["image", "video"], cardsPerColumn = 3) {
  const project = await createProject({ ownerId, input: { title: "Test film" } });
  const activities = [];
  for (const [index, taskType] of columns.entries()) {
    const activity = await createActivity({ ownerId, projectId: project.id, input: { title: `Column ${index + 1}`, taskType } });
    const cards = [];
    for (let n = 1; n <= cardsPerColumn; n++) {
      cards.push(await createCard({ ownerId, activityId: activity.id, input: { title: `${activity.title} card ${n}` } }));
    }
    activities.push({ ...activity, cards });
  }
  return { project, activities };
}
