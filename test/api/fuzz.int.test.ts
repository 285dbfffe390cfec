import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import * as catchAllRoute from "@/app/api/[...path]/route";
import * as activityRoute from "@/app/api/activities/[activityId]/route";
import * as activityCardsRoute from "@/app/api/activities/[activityId]/cards/route";
import * as activityMoveRoute from "@/app/api/activities/[activityId]/move/route";
import * as assetRoute from "@/app/api/assets/[assetId]/route";
import * as cardChatRoute from "@/app/api/cards/[cardId]/chat/route";
import * as cardJobsRoute from "@/app/api/cards/[cardId]/jobs/route";
import * as cardMoveRoute from "@/app/api/cards/[cardId]/move/route";
import * as cardRoute from "@/app/api/cards/[cardId]/route";
import * as jobCancelRoute from "@/app/api/jobs/[jobId]/cancel/route";
import * as jobRetryRoute from "@/app/api/jobs/[jobId]/retry/route";
import * as jobRoute from "@/app/api/jobs/[jobId]/route";
import * as mediaApproveRoute from "@/app/api/media/[mediaId]/approve/route";
import * as mediaRoute from "@/app/api/media/[mediaId]/route";
import * as projectActivitiesRoute from "@/app/api/projects/[projectId]/activities/route";
import * as projectAssetsRoute from "@/app/api/projects/[projectId]/assets/route";
import * as boardRoute from "@/app/api/projects/[projectId]/board/route";
import * as projectChatRoute from "@/app/api/projects/[projectId]/chat/route";
import * as eventsRoute from "@/app/api/projects/[projectId]/events/route";
import * as projectJobsRoute from "@/app/api/projects/[projectId]/jobs/route";
import * as projectRoute from "@/app/api/projects/[projectId]/route";
import * as projectsRoute from "@/app/api/projects/route";
import * as providersRoute from "@/app/api/providers/route";
import { getDb } from "@/db";
import { approveMedia } from "@/lib/assets/assets";
import { updateCard } from "@/lib/boards/cards";
import type { Job } from "@/lib/jobs/dto";
import { startEmbeddedEngine } from "@/lib/jobs/engine/start";
import { createJob, getJob } from "@/lib/jobs/jobs";
import { BASE_URL, createBoard, createUser, type TestUser } from "@/test/seed";
import { call, type Handler } from "./route-call";

/*
 * Every route handler under app/api (but the auth library's and the job engine's), called in-process with
 * malformed, mistyped, oversized, deeply nested and mis-encoded requests, with ids that are the user's,
 * another user's, unknown or not ids at all. Nothing may answer 5xx, and nothing may change: a request
 * that could act (the user's own ids, a session, same-site) is always made invalid some other way.
 * Deterministic: the same seed sends the same requests.
 */

const SEED = 0x5eed_f00d;
const REQUESTS_PER_HANDLER = 16;
const METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"] as const;
type Method = (typeof METHODS)[number];

type Ids = { projectId: string; activityId: string; cardId: string; otherCardId: string; jobId: string; mediaId: string; assetId: string };
type Owner = { user: TestUser; ids: Ids };

type RouteSpec = {
  module: Partial<Record<Method, Handler<never>>>;
  /** A body each JSON-reading handler would accept: sent only where it cannot act. */
  valid?: Partial<Record<Method, (theirs: Ids) => unknown>>;
  /** Where a JSON-reading handler keeps text: fuzzed with text it must refuse, in an otherwise valid body. */
  text?: Partial<Record<Method, string[]>>;
  /** Chat turns stream and run an agent: they only ever get invalid bodies. */
  isChat?: boolean;
};

const BRIEF_TEXT = ["title", "description", "brief.genre", "brief.style", "brief.themes.1"];
const CARD_TEXT = ["title", "description", "generationParams.prompt", "generationParams.negativePrompt", "generationParams.model"];

const ROUTES: Record<string, RouteSpec> = {
  // Its handlers answer synchronously; awaiting them is the same.
  "[...path]": { module: catchAllRoute as unknown as RouteSpec["module"] },
  "activities/[activityId]": {
    module: activityRoute,
    valid: { PATCH: () => ({ title: "Fuzzed column" }) },
    text: { PATCH: ["title", "description"] },
  },
  "activities/[activityId]/cards": {
    module: activityCardsRoute,
    valid: { POST: () => ({ title: "Fuzzed card", generationParams: { prompt: "fog" } }) },
    text: { POST: CARD_TEXT },
  },
  "activities/[activityId]/move": { module: activityMoveRoute, valid: { POST: (theirs) => ({ prevId: null, nextId: theirs.activityId }) } },
  "assets/[assetId]": { module: assetRoute },
  "cards/[cardId]": {
    module: cardRoute,
    valid: { PATCH: () => ({ title: "Fuzzed", description: "changed" }) },
    text: { PATCH: CARD_TEXT },
  },
  "cards/[cardId]/chat": { module: cardChatRoute, isChat: true, text: { POST: ["message"] } },
  "cards/[cardId]/jobs": { module: cardJobsRoute, valid: { POST: () => ({ priority: 1 }) }, text: { POST: ["callbackUrl"] } },
  "cards/[cardId]/move": {
    module: cardMoveRoute,
    valid: { POST: (theirs) => ({ activityId: theirs.activityId, prevId: null, nextId: theirs.cardId }) },
  },
  "jobs/[jobId]": { module: jobRoute, valid: { PATCH: () => ({ priority: 3 }) } },
  "jobs/[jobId]/cancel": { module: jobCancelRoute },
  "jobs/[jobId]/retry": { module: jobRetryRoute },
  "media/[mediaId]": { module: mediaRoute },
  "media/[mediaId]/approve": {
    module: mediaApproveRoute,
    valid: { POST: () => ({ title: "Fuzzed asset" }) },
    text: { POST: ["title", "description"] },
  },
  projects: {
    module: projectsRoute,
    valid: { POST: () => ({ title: "Fuzzed film", brief: { themes: ["sea"] } }) },
    text: { POST: BRIEF_TEXT },
  },
  "projects/[projectId]": {
    module: projectRoute,
    valid: { PATCH: () => ({ status: "archived", brief: { themes: ["sea"] } }) },
    text: { PATCH: BRIEF_TEXT },
  },
  "projects/[projectId]/activities": {
    module: projectActivitiesRoute,
    valid: { POST: () => ({ title: "Fuzzed", taskType: "audio" }) },
    text: { POST: ["title", "description"] },
  },
  "projects/[projectId]/assets": { module: projectAssetsRoute },
  "projects/[projectId]/board": { module: boardRoute },
  "projects/[projectId]/chat": { module: projectChatRoute, isChat: true, text: { POST: ["message"] } },
  "projects/[projectId]/events": { module: eventsRoute },
  "projects/[projectId]/jobs": { module: projectJobsRoute },
  providers: { module: providersRoute },
};

/** Handlers that read a JSON body; the other state-changing ones act on the URL alone. */
const READS_JSON = new Set([
  "activities/[activityId] PATCH",
  "activities/[activityId]/cards POST",
  "activities/[activityId]/move POST",
  "cards/[cardId] PATCH",
  "cards/[cardId]/chat POST",
  "cards/[cardId]/jobs POST",
  "cards/[cardId]/move POST",
  "jobs/[jobId] PATCH",
  "media/[mediaId]/approve POST",
  "projects POST",
  "projects/[projectId] PATCH",
  "projects/[projectId]/activities POST",
  "projects/[projectId]/chat POST",
]);

/** mulberry32: small, seeded, the same sequence on every machine. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const uuid = () =>
    "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g, (c) =>
      (c === "x" ? Math.floor(next() * 16) : 8 + Math.floor(next() * 4)).toString(16),
    );
  return { next, pick, uuid, chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof prng>;

const NESTING = 10_000;
const JUNK_IDS = [
  "not-a-uuid",
  "",
  "%zz",
  "..%2F..%2Fetc%2Fpasswd",
  "\u0000",
  "\uD800",
  "x".repeat(5000),
  "00000000-0000-0000-0000-000000000000",
  "1; drop table projects",
  "\uFF21\uFF22",
  "\uD83C\uDFAC",
  "{{id}}",
];
const QUERIES = [
  "?type=%zz",
  "?type=%E0%A4%A",
  "?lastEventId=%ff%fe",
  "?q=%",
  "?%%%=%%%",
  "?type=image&type=%00",
  "?type=audio",
  "?lastEventId=99999999999999999999",
  "?type[]=x&__proto__=1",
];
const LAST_EVENT_IDS = [
  "99999999999999999999",
  "9223372036854775808",
  "-1",
  "1e5",
  "abc",
  "0x10",
  " 1",
  "00000000000000000000000001",
  "",
  "12",
];
const RANGES = [
  "bytes=abc",
  "bytes=99999999999999999999-",
  "bytes=-0",
  "bytes=5-3",
  "bytes=0-0,2-3",
  "bytes=",
  "items=0-1",
  "bytes=-99999999999999999999",
  "bytes=0-",
];
const WRONG_TYPES = [
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=zz",
  "application/json-seq",
  "text/json",
  "application/ json",
  "json",
  "",
];

type Sent = { rawBody?: string; contentType?: string; contentLength?: string };

const json = (value: unknown): Sent => ({ rawBody: JSON.stringify(value), contentType: "application/json" });

/**
 * Bodies no handler accepts: each is malformed, mistyped, too long, refused by content type, or carries a
 * key no (strict) schema knows. Ids in them are never the user's own column, so a move cannot happen.
 */
const INVALID_BODIES: Array<(rng: Rng, theirs: Ids, mine: Ids) => Sent> = [
  // malformed JSON
  (rng) => ({
    rawBody: rng.pick([
      "{",
      '{"title":',
      "[1,2",
      "nul",
      "",
      "{'title': 'x'}",
      "\u0000",
      '{"title": "x"}}',
      "\uFEFF{}",
      "NaN",
      '{"a":1,}',
      "\u00ff\u00fe",
    ]),
    contentType: "application/json",
  }),
  // wrong types
  (rng) =>
    json(
      rng.pick<unknown>([
        [],
        null,
        "text",
        42,
        true,
        { title: 42 },
        { title: {} },
        { title: [] },
        { title: null },
        { priority: "1" },
        { priority: 4 },
        { message: 5 },
        { resume: "maybe" },
      ]),
    ),
  (rng) =>
    json(
      rng.pick<unknown>([
        { generationParams: "x" },
        { generationParams: { numImages: "2" } },
        { generationParams: [] },
        { status: 7 },
        { taskType: "smell", title: "x" },
        { brief: "x" },
        { brief: { themes: "x" } },
        { prevId: 5, nextId: null },
        { callbackUrl: 5 },
        { title: 1e400 },
      ]),
    ),
  // control characters
  (rng) =>
    json(
      rng.pick<unknown>([
        { title: "ctl\u0001\u0007\u001b\u0000" },
        { "\u0001\u0000": 1 },
        { message: "\u0000" },
        { title: "bell\u0007", "\u001f": true },
        { description: "\u0000", zzz: 1 },
      ]),
    ),
  // lone surrogates
  (rng) =>
    json(
      rng.pick<unknown>([
        { title: "\uD800" },
        { message: "a\uDC00" },
        { description: "\uDBFF" },
        { generationParams: { prompt: "\uD800" } },
        { callbackUrl: "https://example.com/\uD800" },
        { brief: { themes: ["ok", "\uDFFF"] } },
        { title: "ok", "\uD800": 1 },
      ]),
    ),
  // huge strings
  (rng) =>
    json(
      rng.pick<unknown>([
        { title: "x".repeat(201) },
        { title: "x".repeat(60_000) },
        { message: "m".repeat(4001) },
        { description: "d".repeat(10_001) },
        { generationParams: { prompt: "p".repeat(4001) } },
        { callbackUrl: `https://example.com/${"a".repeat(2000)}` },
      ]),
    ),
  // deeply nested
  (rng) =>
    rng.pick([
      { rawBody: `${"[".repeat(NESTING)}${"]".repeat(NESTING)}`, contentType: "application/json" },
      { rawBody: `{"title":${"[".repeat(NESTING)}${"]".repeat(NESTING)}}`, contentType: "application/json" },
      { rawBody: `${'{"a":'.repeat(NESTING)}1${"}".repeat(NESTING)}`, contentType: "application/json" },
      { rawBody: `{"generationParams":${'{"a":'.repeat(NESTING)}1${"}".repeat(NESTING)}}`, contentType: "application/json" },
    ]),
  // over 64 KiB, declared, undeclared and lied about
  (rng) => {
    const body = JSON.stringify({ title: "x".repeat(rng.pick([70_000, 300_000])) });
    return rng.pick([
      { rawBody: body, contentType: "application/json" },
      { rawBody: body, contentType: "application/json", contentLength: String(body.length) },
    ]);
  },
  () => ({ rawBody: '{"title":"small"}', contentType: "application/json", contentLength: "99999999" }),
  // ids that are not ids, or not the user's
  (rng, theirs, mine) =>
    json(
      rng.pick<unknown>([
        { activityId: "nope", prevId: "../x", nextId: "%zz" },
        { activityId: rng.uuid(), prevId: null, nextId: null },
        { activityId: theirs.activityId, prevId: theirs.cardId, nextId: null },
        { activityId: rng.uuid(), prevId: mine.otherCardId, nextId: null },
        { prevId: theirs.activityId, nextId: rng.uuid() },
        { prevId: rng.uuid(), nextId: theirs.activityId },
        { prevId: "not-an-id", nextId: null },
      ]),
    ),
  // right shape, wrong content type
  (rng) => ({ rawBody: JSON.stringify({ title: "x", message: "hello" }), contentType: rng.pick(WRONG_TYPES) }),
  () => ({ rawBody: JSON.stringify({ title: "x" }) }),
];

/** Text no field may hold: NUL (with other controls), unpaired surrogates, or longer than any field allows. */
const REFUSED_TEXT = [
  "ctl\u0001\u0007\u001b\u000b\u0000",
  "\u0000",
  "\uD800",
  "a\uDC00b",
  "\uDBFF\u0000",
  "\uDC00\uD800",
  "x".repeat(10_001),
];

/** The valid body with one text field replaced: `brief.themes.1` sets the second theme. */
function withText(valid: unknown, field: string, text: string): unknown {
  const body = structuredClone((valid ?? {}) as Record<string, unknown>);
  const keys = field.split(".");
  let at: Record<string, unknown> = body;
  for (const [index, key] of keys.entries()) {
    const next = keys[index + 1];
    if (next === undefined) {
      at[key] = key === "callbackUrl" ? `https://example.com/${text}` : text;
    } else {
      at[key] ??= /^\d+$/.test(next) ? ["ok"] : {};
      at = at[key] as Record<string, unknown>;
    }
  }
  return body;
}

type Plan = {
  label: string;
  handler: Handler<never>;
  params: object;
  method: Method;
  headers: Record<string, string>;
  path: string;
  sent?: Sent;
};

function idOf(param: string, ids: Ids): string {
  const key = param as keyof Ids;
  if (!(key in ids)) throw new Error(`no id for ${param}`);
  return ids[key];
}

/** The requests, decided up front from the seed. */
function planRequests(rng: Rng, me: Owner, them: Owner): Plan[] {
  const plans: Plan[] = [];
  for (const [route, spec] of Object.entries(ROUTES)) {
    for (const method of METHODS) {
      const handler = spec.module[method];
      if (!handler) continue;
      const key = `${route} ${method}`;
      const paramNames = [...route.matchAll(/\[(\w+)\]/g)].map((match) => match[1]!);

      for (let n = 0; n < REQUESTS_PER_HANDLER; n++) {
        const idKind =
          paramNames.length === 0
            ? "none"
            : rng.pick(["mine", "mine", "mine", "mine", "theirs", "theirs", "random", "junk", "junk"] as const);
        const params: Record<string, unknown> = route === "[...path]" ? { path: ["v2", rng.pick(JUNK_IDS)] } : {};
        for (const name of paramNames) {
          params[name] =
            idKind === "mine"
              ? idOf(name, me.ids)
              : idKind === "theirs"
                ? idOf(name, them.ids)
                : idKind === "random"
                  ? rng.uuid()
                  : rng.pick(JUNK_IDS);
        }

        const session = rng.pick(["me", "me", "me", "me", "me", "me", "me", "me", "none", "junk"] as const);
        let origin = rng.pick([
          "absent",
          "absent",
          "absent",
          "absent",
          "absent",
          "absent",
          "same",
          "cross-site",
          "evil",
          "malformed",
        ] as const);
        const isMutating = method !== "GET";
        const couldAct = isMutating && route !== "[...path]" && session === "me" && (idKind === "mine" || idKind === "none");
        const readsJson = READS_JSON.has(key);
        if (couldAct && !readsJson && (origin === "absent" || origin === "same")) origin = "cross-site";

        const headers: Record<string, string> = {};
        if (session === "me") headers.cookie = me.user.cookie;
        if (session === "junk")
          headers.cookie = rng.pick(["better-auth.session_token=garbage", "better-auth.session_token=%%%; x=\u00ff", "a=b"]);
        if (origin === "same") headers.origin = BASE_URL;
        if (origin === "cross-site") headers["sec-fetch-site"] = "cross-site";
        if (origin === "evil") headers.origin = "https://evil.example";
        if (origin === "malformed") headers.origin = "%%%";
        if (route === "projects/[projectId]/events" && rng.chance(0.6)) headers["last-event-id"] = rng.pick(LAST_EVENT_IDS);
        if (route === "media/[mediaId]" && rng.chance(0.6)) headers.range = rng.pick(RANGES);

        let sent: Sent | undefined;
        if (isMutating && readsJson) {
          const mustBeInvalid = spec.isChat || (couldAct && (origin === "absent" || origin === "same"));
          const valid = spec.valid?.[method];
          const fields = spec.text?.[method];
          if (!mustBeInvalid && valid && rng.chance(0.4)) sent = json(valid(them.ids));
          else if (fields && rng.chance(0.5)) sent = json(withText(valid?.(them.ids), rng.pick(fields), rng.pick(REFUSED_TEXT)));
          else sent = rng.pick(INVALID_BODIES)(rng, them.ids, me.ids);
        } else if (isMutating && rng.chance(0.3)) {
          sent = rng.pick(INVALID_BODIES)(rng, them.ids, me.ids);
        }

        const query = rng.chance(0.3) ? rng.pick(QUERIES) : "";
        const label = `${method} /api/${route} ids=${idKind} session=${session} origin=${origin}${query} body=${JSON.stringify(sent?.rawBody?.slice(0, 60) ?? null)} type=${sent?.contentType ?? "-"}`;
        plans.push({ label, handler, params, method, headers, path: `/api/fuzz${query}`, sent });
      }
    }
  }
  return plans;
}

async function send(plan: Plan): Promise<{ status: number; body: string }> {
  const abort = new AbortController();
  const headers = {
    ...plan.headers,
    ...(plan.sent?.contentType !== undefined && { "content-type": plan.sent.contentType }),
    ...(plan.sent?.contentLength && { "content-length": plan.sent.contentLength }),
  };
  const response = await call(plan.handler, plan.params as never, {
    method: plan.method,
    rawBody: plan.sent?.rawBody,
    headers,
    path: plan.path,
    signal: abort.signal,
  });
  if (response.headers.get("content-type")?.includes("text/event-stream")) {
    const reader = response.body!.getReader();
    const first = await reader.read();
    abort.abort();
    await reader.cancel().catch(() => {});
    return { status: response.status, body: new TextDecoder().decode(first.value) };
  }
  return { status: response.status, body: await response.text() };
}

async function waitForJob(ownerId: string, jobId: string): Promise<Job> {
  for (let tries = 0; ; tries++) {
    const job = await getJob({ ownerId, jobId });
    if (job.status === "completed") return job;
    if (tries > 500 || job.status === "failed") throw new Error(`seed job ended ${job.status}: ${job.error}`);
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
}

/** A user with a board of every card type, a finished job with its media, and an approved asset. */
async function seedOwner(): Promise<Owner> {
  const user = await createUser();
  const { project, activities } = await createBoard(user.id, ["image", "video", "text", "audio"], 2);
  const column = activities[0]!;
  const card = column.cards[0]!;
  await updateCard({ ownerId: user.id, cardId: card.id, input: { generationParams: { prompt: "a lighthouse", resolution: "64x64" } } });
  const job = await waitForJob(user.id, (await createJob({ ownerId: user.id, cardId: card.id, input: {} })).id);
  const mediaId = job.media[0]!.id;
  const { asset } = await approveMedia({ ownerId: user.id, mediaId, input: {} });
  return {
    user,
    ids: {
      projectId: project.id,
      activityId: column.id,
      cardId: card.id,
      otherCardId: column.cards[1]!.id,
      jobId: job.id,
      mediaId,
      assetId: asset.id,
    },
  };
}

/** What the user can see through the API, and how many rows of each main table are theirs. */
async function snapshotOf({ user, ids }: Owner) {
  const read = async (handler: Handler<never>, params: object) => (await call(handler, params as never, { user })).text();
  const { rows } = await sql<Record<string, number>>`
    select
      (select count(*)::int from projects where owner_id = ${user.id}) as projects,
      (select count(*)::int from activities a join projects p on p.id = a.project_id where p.owner_id = ${user.id}) as activities,
      (select count(*)::int from task_cards c join activities a on a.id = c.activity_id join projects p on p.id = a.project_id where p.owner_id = ${user.id}) as cards,
      (select count(*)::int from generation_jobs j join projects p on p.id = j.project_id where p.owner_id = ${user.id}) as jobs,
      (select count(*)::int from job_events e join projects p on p.id = e.project_id where p.owner_id = ${user.id}) as job_events,
      (select count(*)::int from media m join projects p on p.id = m.project_id where p.owner_id = ${user.id}) as media,
      (select count(*)::int from approved_assets s join projects p on p.id = s.project_id where p.owner_id = ${user.id}) as assets,
      (select count(*)::int from chat_messages where user_id = ${user.id}) as chat_messages
  `.execute(getDb());
  return {
    rows: rows[0],
    projects: await read(projectsRoute.GET as Handler<never>, {}),
    board: await read(boardRoute.GET as Handler<never>, { projectId: ids.projectId }),
    jobs: await read(projectJobsRoute.GET as Handler<never>, { projectId: ids.projectId }),
    assets: await read(projectAssetsRoute.GET as Handler<never>, { projectId: ids.projectId }),
  };
}

let me: Owner;
let them: Owner;

beforeAll(async () => {
  await startEmbeddedEngine();
  [me, them] = await Promise.all([seedOwner(), seedOwner()]);
}, 60_000);

describe("fuzzing every API route handler", () => {
  it("covers every route module under app/api but the auth library's and the job engine's", () => {
    const root = path.join(import.meta.dirname, "../../app/api");
    const onDisk = fs
      .readdirSync(root, { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith("route.ts"))
      .map((file) => path.dirname(file).split(path.sep).join("/"))
      .filter((route) => !route.startsWith("auth/") && route !== "inngest");
    expect(Object.keys(ROUTES).sort()).toEqual(onDisk.sort());
  });

  it("never answers 5xx and changes nothing", async () => {
    const before = { me: await snapshotOf(me), them: await snapshotOf(them) };
    const plans = planRequests(prng(SEED), me, them);
    expect(plans.length).toBeGreaterThan(500);

    const failures: string[] = [];
    for (const plan of plans) {
      try {
        const { status, body } = await send(plan);
        if (status >= 500) failures.push(`${status} ${plan.label}: ${body.slice(0, 200)}`);
        else if (status >= 400 && status !== 416 && !/^\{"error":\{"code":"\w+","message":/.test(body))
          failures.push(`${status} without the JSON error shape ${plan.label}: ${body.slice(0, 200)}`);
      } catch (error) {
        failures.push(`threw ${plan.label}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }

    expect(failures).toEqual([]);
    expect({ me: await snapshotOf(me), them: await snapshotOf(them) }).toEqual(before);
  }, 120_000);
});
