import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { GET as listProjects } from "@/app/api/projects/route";
import { getDb } from "@/db";
import { BASE_URL, createUser } from "@/test/seed";

function projectsWith(cookie: string) {
  return listProjects(new Request(`${BASE_URL}/api/projects`, { headers: { cookie } }), { params: Promise.resolve({}) });
}

describe("ending a session", () => {
  it("refuses the old cookies at once after sign-out", async () => {
    const user = await createUser();
    expect((await projectsWith(user.cookie)).status).toBe(200);

    const signOut = await authPost(
      new Request(`${BASE_URL}/api/auth/sign-out`, { method: "POST", headers: { cookie: user.cookie, origin: BASE_URL } }),
    );
    expect(signOut.status).toBe(200);

    // The browser would drop the cookies; someone who copied them replays them unchanged.
    const replayed = await projectsWith(user.cookie);
    expect(replayed.status).toBe(401);
  });

  it("refuses a session revoked in the database at once", async () => {
    const user = await createUser();
    expect((await projectsWith(user.cookie)).status).toBe(200);

    // better-auth owns the sessions table; it is not in the app's Kysely types.
    await sql`delete from sessions where user_id = ${user.id}`.execute(getDb());

    expect((await projectsWith(user.cookie)).status).toBe(401);
  });
});
