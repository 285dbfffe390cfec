import { afterAll, inject } from "vitest";
import { closeDb } from "@/db";
import { setRuntimeEnv } from "@/lib/env";

setRuntimeEnv("DATABASE_URL", inject("databaseUrl"));
setRuntimeEnv("AUTH_SECRET", "integration-tests-secret-0123456789abcdef");

afterAll(async () => {
  await closeDb();
});
