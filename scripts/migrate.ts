// `npm run db:migrate`: brings the database (embedded unless DATABASE_URL is set) to the latest schema.
import { prepareRuntime } from "@/lib/embedded/runtime";

try {
  const runtime = await prepareRuntime({ log: (line) => console.log(`[migrate] ${line}`) });
  await runtime.stop();
  console.log("[migrate] schema is up to date");
} catch (error) {
  console.error("[migrate] failed:", error instanceof Error ? error.message : error);
  process.exit(1);
}
