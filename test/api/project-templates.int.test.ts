import { describe, expect, it } from "vitest";
import * as boardRoute from "@/app/api/projects/[projectId]/board/route";
import * as projectsRoute from "@/app/api/projects/route";
import { createUser } from "@/test/seed";
import { call, errorOf } from "./route-call";

describe("starting a project from a template", () => {
  it("creates the template's columns, in order and typed, with the project", async () => {
    const user = await createUser();
    const created = await call(projectsRoute.POST, {}, { user, body: { title: "Tide", template: "short-film" } });
    expect(created.status).toBe(201);
    const { project } = (await created.json()) as { project: { id: string } };

    const board = (await (await call(boardRoute.GET, { projectId: project.id }, { user })).json()) as {
      activities: Array<{ title: string; taskType: string; cards: unknown[] }>;
    };
    expect(board.activities.map((column) => [column.title, column.taskType])).toEqual([
      ["Script", "text"],
      ["Characters", "image"],
      ["Storyboard", "image"],
      ["Shots", "video"],
      ["Voice-over", "audio"],
      ["Music", "audio"],
    ]);
    expect(board.activities.every((column) => column.cards.length === 0)).toBe(true);
  });

  it("refuses an unknown template by field and creates nothing", async () => {
    const user = await createUser();
    const response = await call(projectsRoute.POST, {}, { user, body: { title: "Nope", template: "opera" } });
    expect(response.status).toBe(422);
    expect((await errorOf(response)).fields?.template?.[0]).toMatch(/short-film/);
    const list = (await (await call(projectsRoute.GET, {}, { user })).json()) as { projects: unknown[] };
    expect(list.projects).toEqual([]);
  });
});
