import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import * as activityRoute from "@/app/api/activities/[activityId]/route";
import * as activityCardsRoute from "@/app/api/activities/[activityId]/cards/route";
import * as cardChatRoute from "@/app/api/cards/[cardId]/chat/route";
import * as cardJobsRoute from "@/app/api/cards/[cardId]/jobs/route";
import * as cardRoute from "@/app/api/cards/[cardId]/route";
import * as mediaApproveRoute from "@/app/api/media/[mediaId]/approve/route";
import * as projectActivitiesRoute from "@/app/api/projects/[projectId]/activities/route";
import * as boardRoute from "@/app/api/projects/[projectId]/board/route";
import * as projectChatRoute from "@/app/api/projects/[projectId]/chat/route";
import * as projectRoute from "@/app/api/projects/[projectId]/route";
import * as projectsRoute from "@/app/api/projects/route";
import { getDb } from "@/db";
import { UNSTORABLE_TEXT_MESSAGE } from "@/lib/validations/text";
import { createBoard, createUser, type TestUser } from "@/test/seed";
import { call, errorOf, type Handler } from "./route-call";

/** NUL, and surrogates without their partner: what JSON.parse makes of "\u0000", "\ud800", "\udc00". */
const UNSTORABLE = ["nul\u0000here", "\uD800", "low \uDC00 alone", "reversed \uDC00\uD800 pair"];

/** Rows anything in the user's name could have written. */
async function rowsOf(user: TestUser) {
  const { rows } = await sql<Record<string, number>>`
    select
      (select count(*)::int from projects where owner_id = ${user.id}) as projects,
      (select count(*)::int from activities a join projects p on p.id = a.project_id where p.owner_id = ${user.id}) as activities,
      (select count(*)::int from task_cards c join activities a on a.id = c.activity_id join projects p on p.id = a.project_id where p.owner_id = ${user.id}) as cards,
      (select count(*)::int from generation_jobs j join projects p on p.id = j.project_id where p.owner_id = ${user.id}) as jobs,
      (select count(*)::int from chat_messages where user_id = ${user.id}) as messages,
      (select count(*)::int from approved_assets s join projects p on p.id = s.project_id where p.owner_id = ${user.id}) as assets,
      (select max(updated_at)::text from projects where owner_id = ${user.id}) as last_update
  `.execute(getDb());
  return rows[0];
}

type Case = { name: string; handler: Handler<never>; params: object; method?: string; body: (text: string) => unknown; field: string };

describe("text Postgres cannot store", () => {
  it("is refused with 422 at the schema, naming the field, in every text field, and nothing is written", async () => {
    const user = await createUser();
    const { project, activities } = await createBoard(user.id, ["image", "video", "text", "audio"], 1);
    const [image, video, text, audio] = activities.map((activity) => ({ activityId: activity.id, cardId: activity.cards[0]!.id }));
    const projectId = project.id;
    const mediaId = crypto.randomUUID();

    const cases: Case[] = [
      { name: "project title", handler: projectsRoute.POST as Handler<never>, params: {}, body: (t) => ({ title: t }), field: "title" },
      {
        name: "project description",
        handler: projectsRoute.POST as Handler<never>,
        params: {},
        body: (t) => ({ title: "ok", description: t }),
        field: "description",
      },
      {
        name: "brief genre",
        handler: projectsRoute.POST as Handler<never>,
        params: {},
        body: (t) => ({ title: "ok", brief: { genre: t } }),
        field: "brief.genre",
      },
      {
        name: "brief style",
        handler: projectRoute.PATCH as Handler<never>,
        params: { projectId },
        method: "PATCH",
        body: (t) => ({ brief: { style: t } }),
        field: "brief.style",
      },
      {
        name: "brief theme",
        handler: projectRoute.PATCH as Handler<never>,
        params: { projectId },
        method: "PATCH",
        body: (t) => ({ brief: { themes: ["fine", t] } }),
        field: "brief.themes.1",
      },
      {
        name: "project title edit",
        handler: projectRoute.PATCH as Handler<never>,
        params: { projectId },
        method: "PATCH",
        body: (t) => ({ title: t }),
        field: "title",
      },
      {
        name: "column title",
        handler: projectActivitiesRoute.POST as Handler<never>,
        params: { projectId },
        body: (t) => ({ title: t, taskType: "image" }),
        field: "title",
      },
      {
        name: "column description",
        handler: activityRoute.PATCH as Handler<never>,
        params: { activityId: image!.activityId },
        method: "PATCH",
        body: (t) => ({ description: t }),
        field: "description",
      },
      {
        name: "card title",
        handler: activityCardsRoute.POST as Handler<never>,
        params: { activityId: image!.activityId },
        body: (t) => ({ title: t }),
        field: "title",
      },
      {
        name: "card prompt",
        handler: activityCardsRoute.POST as Handler<never>,
        params: { activityId: image!.activityId },
        body: (t) => ({ title: "ok", generationParams: { prompt: t } }),
        field: "generationParams.prompt",
      },
      {
        name: "card description",
        handler: cardRoute.PATCH as Handler<never>,
        params: { cardId: image!.cardId },
        method: "PATCH",
        body: (t) => ({ description: t }),
        field: "description",
      },
      ...(
        [
          [image!, "negativePrompt"],
          [image!, "model"],
          [video!, "prompt"],
          [video!, "narration"],
          [text!, "instructions"],
          [audio!, "text"],
          [audio!, "voice"],
          [audio!, "model"],
        ] as const
      ).map(([card, key]) => ({
        name: `generation parameter ${key}`,
        handler: cardRoute.PATCH as Handler<never>,
        params: { cardId: card.cardId },
        method: "PATCH",
        body: (t: string) => ({ generationParams: { [key]: t } }),
        field: `generationParams.${key}`,
      })),
      {
        name: "callback URL",
        handler: cardJobsRoute.POST as Handler<never>,
        params: { cardId: image!.cardId },
        body: (t) => ({ callbackUrl: `https://example.com/${t}` }),
        field: "callbackUrl",
      },
      {
        name: "project chat",
        handler: projectChatRoute.POST as Handler<never>,
        params: { projectId },
        body: (t) => ({ message: t }),
        field: "message",
      },
      {
        name: "card chat",
        handler: cardChatRoute.POST as Handler<never>,
        params: { cardId: image!.cardId },
        body: (t) => ({ message: t }),
        field: "message",
      },
      {
        name: "approval title",
        handler: mediaApproveRoute.POST as Handler<never>,
        params: { mediaId },
        body: (t) => ({ title: t }),
        field: "title",
      },
      {
        name: "approval description",
        handler: mediaApproveRoute.POST as Handler<never>,
        params: { mediaId },
        body: (t) => ({ description: t }),
        field: "description",
      },
    ];

    const board = async () => (await call(boardRoute.GET, { projectId }, { user })).text();
    const before = { rows: await rowsOf(user), board: await board() };

    for (const item of cases) {
      for (const value of UNSTORABLE) {
        const response = await call(item.handler, item.params as never, { user, method: item.method, body: item.body(value) });
        const label = `${item.name} = ${JSON.stringify(value)}`;
        expect(response.status, label).toBe(422);
        const error = await errorOf(response);
        expect(error.code, label).toBe("validation_failed");
        expect(error.fields?.[item.field], label).toContain(UNSTORABLE_TEXT_MESSAGE);
      }
    }

    expect(await rowsOf(user)).toEqual(before.rows);
    expect(await board()).toBe(before.board);
  });

  it("still accepts every other character, surrogate pairs included", async () => {
    const user = await createUser();
    const title = "Tab\there, bell \u0007, emoji \uD83C\uDFAC, \uFFFD and \uFFFF";
    const response = await call(projectsRoute.POST as Handler<never>, {} as never, {
      user,
      body: { title, brief: { themes: ["\uD83C\uDF0A sea"] } },
    });
    expect(response.status).toBe(201);
    expect(((await response.json()) as { project: { title: string; brief: object } }).project).toMatchObject({
      title,
      brief: { themes: ["\uD83C\uDF0A sea"] },
    });
  });
});
