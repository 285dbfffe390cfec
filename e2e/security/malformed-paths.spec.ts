import { expect, test } from "@playwright/test";

// Paths that do not percent-decode used to reach Next's router, which threw and answered 500.
const MALFORMED = ["/api/projects/%ZZ", "/api/projects/%", "/api/projects/%C0%AE"];

test("an API path that does not percent-decode answers 400 in the API's error shape", async ({ request }) => {
  for (const path of MALFORMED) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
    expect(await response.json(), path).toEqual({ error: { code: "bad_request", message: expect.any(String) } });
  }
});

test("a page path that does not percent-decode answers 400", async ({ request }) => {
  const response = await request.get("/projects/%ZZ");
  expect(response.status()).toBe(400);
});

test("a well-formed escape still reaches the route", async ({ request }) => {
  const response = await request.get("/api/projects/%61bc");
  expect(response.status()).toBe(401);
});
