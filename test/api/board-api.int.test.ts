import { describe, expect, it } from "vitest";
import * as activityRoute from "@/app/api/activities/[activityId]/route";
import * as activityCardsRoute from "@/app/api/activities/[activityId]/cards/route";
import * as activityMoveRoute from "@/app/api/activities/[activityId]/move/route";
import * as cardRoute from "@/app/api/cards/[cardId]/route";
import * as cardMoveRoute from "@/app/api/cards/[cardId]/move/route";
import * as projectRoute from "@/app/api/projects/[projectId]/route";
import * as projectActivitiesRoute from "@/app/api/projects/[projectId]/activities/route";
import * as boardRoute from "@/app/api/projects/[projectId]/board/route";
import * as projectsRoute from "@/app/api/projects/route";
import { BASE_URL, createBoard, createUser, type TestUser } from "@/test/seed";

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

function call<P>(
  handler: Handler<P>,
  params: P,
  init: { user?: TestUser; method?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { host: "localhost:3000", ...(init.user && { cookie: init.user.cookie }), ...init.headers };
  let body: string | undefined = init.rawBody;
  if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers["content-type"] ??= "application/json";
  }
  const request = new Request(`${BASE_URL}/api/test`, { method: init.method ?? (body === undefined ? "GET" : "POST"), headers, body });
  return handler(request, { params: Promise.resolve(params) });
}

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; fields?: Record<string, string[]> } }).error;
}

describe("the board HTTP API", () => {
  it("creates a project, columns and cards and returns the board in order", async () => {
    const user = await createUser();
    const created = await call(
      projectsRoute.POST,
      {},
      { user, body: { title: "Night Ferry", brief: { genre: "Noir", contentRating: "PG-13" } } },
    );
    expect(created.status).toBe(201);
    const { project } = (await created.json()) as { project: { id: string; brief: object; status: string } };
    expect(project).toMatchObject({ brief: { genre: "Noir", contentRating: "PG-13" }, status: "draft" });

    const activity = await call(
      projectActivitiesRoute.POST,
      { projectId: project.id },
      { user, body: { title: "Shots", taskType: "video" } },
    );
    expect(activity.status).toBe(201);
    const { activity: column } = (await activity.json()) as { activity: { id: string } };
    const card = await call(
      activityCardsRoute.POST,
      { activityId: column.id },
      { user, body: { title: "Opening", generationParams: { prompt: "fog", fps: 12 } } },
    );
    expect(card.status).toBe(201);

    const board = (await (await call(boardRoute.GET, { projectId: project.id }, { user })).json()) as {
      project: { id: string };
      activities: Array<{ taskType: string; cards: Array<{ title: string; generationParams: object }> }>;
    };
    expect(board.project.id).toBe(project.id);
    expect(board.activities[0]).toMatchObject({
      taskType: "video",
      cards: [{ title: "Opening", generationParams: { prompt: "fog", fps: 12, durationSeconds: 5 } }],
    });

    const list = (await (await call(projectsRoute.GET, {}, { user })).json()) as { projects: Array<{ id: string }> };
    expect(list.projects.map((item) => item.id)).toEqual([project.id]);
  });

  it("answers 401 without a session", async () => {
    const response = await call(projectsRoute.GET, {});
    expect(response.status).toBe(401);
    expect(await errorOf(response)).toMatchObject({ code: "unauthorized" });
  });

  it("refuses malformed, mistyped, oversized and non-JSON bodies with a clear 4xx and changes nothing", async () => {
    const user = await createUser();
    const { project } = await createBoard(user.id, ["image"], 0);
    const patch = (init: Parameters<typeof call>[2]) =>
      call(projectRoute.PATCH, { projectId: project.id }, { user, method: "PATCH", ...init });

    expect((await patch({ rawBody: "{not json", headers: { "content-type": "application/json" } })).status).toBe(400);
    const wrongType = await patch({ body: { title: 42 } });
    expect(wrongType.status).toBe(422);
    expect((await errorOf(wrongType)).fields).toHaveProperty("title");
    expect((await patch({ body: { status: "exploded" } })).status).toBe(422);
    expect((await patch({ body: { title: "x".repeat(70_000) } })).status).toBe(413);
    expect((await patch({ rawBody: JSON.stringify({ title: "x" }), headers: { "content-type": "text/plain" } })).status).toBe(415);

    const after = (await (await call(projectRoute.GET, { projectId: project.id }, { user })).json()) as {
      project: { title: string; status: string };
    };
    expect(after.project).toMatchObject({ title: "Test film", status: "draft" });
  });

  it("refuses cross-site requests to state-changing routes", async () => {
    const user = await createUser();
    const { project } = await createBoard(user.id, ["image"], 0);
    const response = await call(
      projectRoute.DELETE,
      { projectId: project.id },
      { user, method: "DELETE", headers: { origin: "https://evil.example" } },
    );
    expect(response.status).toBe(403);
    expect((await call(projectRoute.GET, { projectId: project.id }, { user })).status).toBe(200);
  });

  it("answers 422 with field errors for invalid card parameters", async () => {
    const user = await createUser();
    const { activities } = await createBoard(user.id, ["audio"], 1);
    const card = activities[0]!.cards[0]!;
    const response = await call(
      cardRoute.PATCH,
      { cardId: card.id },
      { user, method: "PATCH", body: { generationParams: { speed: 9, voice: "" } } },
    );
    expect(response.status).toBe(422);
    expect(Object.keys((await errorOf(response)).fields ?? {}).sort()).toEqual(["generationParams.speed", "generationParams.voice"]);
  });

  it("moves cards and columns, and answers 409 for stale neighbours", async () => {
    const user = await createUser();
    const { project, activities } = await createBoard(user.id, ["image", "text"], 2);
    const [first, second] = activities as [(typeof activities)[0], (typeof activities)[0]];

    const moved = await call(
      cardMoveRoute.POST,
      { cardId: first.cards[0]!.id },
      { user, body: { activityId: second.id, prevId: null, nextId: second.cards[0]!.id } },
    );
    expect(moved.status).toBe(200);
    expect(((await moved.json()) as { card: { activityId: string } }).card.activityId).toBe(second.id);

    const stale = await call(
      cardMoveRoute.POST,
      { cardId: first.cards[1]!.id },
      { user, body: { activityId: second.id, prevId: null, nextId: second.cards[0]!.id } },
    );
    expect(stale.status).toBe(409);

    const columnMove = await call(activityMoveRoute.POST, { activityId: second.id }, { user, body: { prevId: null, nextId: first.id } });
    expect(columnMove.status).toBe(200);
    const board = (await (await call(boardRoute.GET, { projectId: project.id }, { user })).json()) as {
      activities: Array<{ id: string; cards: Array<{ id: string }> }>;
    };
    expect(board.activities.map((column) => column.id)).toEqual([second.id, first.id]);
    expect(board.activities[0]!.cards.map((card) => card.id)).toEqual([first.cards[0]!.id, ...second.cards.map((card) => card.id)]);
  });

  it("answers 404 for another user's ids and for ids that are not UUIDs, changing nothing", async () => {
    const owner = await createUser();
    const stranger = await createUser();
    const { project, activities } = await createBoard(owner.id, ["image"], 1);
    const card = activities[0]!.cards[0]!;
    const own = await createBoard(stranger.id, ["image"], 1);

    const answers = await Promise.all([
      call(projectRoute.GET, { projectId: project.id }, { user: stranger }),
      call(boardRoute.GET, { projectId: project.id }, { user: stranger }),
      call(projectRoute.PATCH, { projectId: project.id }, { user: stranger, method: "PATCH", body: { title: "taken" } }),
      call(projectRoute.DELETE, { projectId: project.id }, { user: stranger, method: "DELETE" }),
      call(projectActivitiesRoute.POST, { projectId: project.id }, { user: stranger, body: { title: "x", taskType: "image" } }),
      call(activityRoute.PATCH, { activityId: activities[0]!.id }, { user: stranger, method: "PATCH", body: { title: "taken" } }),
      call(activityRoute.DELETE, { activityId: activities[0]!.id }, { user: stranger, method: "DELETE" }),
      call(activityCardsRoute.POST, { activityId: activities[0]!.id }, { user: stranger, body: { title: "x" } }),
      call(cardRoute.GET, { cardId: card.id }, { user: stranger }),
      call(cardRoute.PATCH, { cardId: card.id }, { user: stranger, method: "PATCH", body: { title: "taken" } }),
      call(cardRoute.DELETE, { cardId: card.id }, { user: stranger, method: "DELETE" }),
      call(
        cardMoveRoute.POST,
        { cardId: own.activities[0]!.cards[0]!.id },
        { user: stranger, body: { activityId: activities[0]!.id, prevId: null, nextId: null } },
      ),
      call(cardRoute.GET, { cardId: "not-a-uuid" }, { user: stranger }),
    ]);
    expect(answers.map((response) => response.status)).toEqual(answers.map(() => 404));

    const board = (await (await call(boardRoute.GET, { projectId: project.id }, { user: owner })).json()) as {
      project: { title: string };
      activities: Array<{ title: string; cards: Array<{ title: string }> }>;
    };
    expect(board.project.title).toBe("Test film");
    expect(board.activities).toMatchObject([{ title: "Column 1", cards: [{ title: "Column 1 card 1" }] }]);
  });
});
