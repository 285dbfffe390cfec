/** Runs once when a server process starts: the embedded job engine lives in the app process. */
export async function register(): Promise<void> {
  // eslint-disable-next-line no-restricted-properties -- set by Next.js itself, before lib/env.ts can be loaded
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startEmbeddedEngine } = await import("@/lib/jobs/engine/start");
  const { engineMode } = await import("@/lib/jobs/engine/mode");
  await startEmbeddedEngine();
  const mode = engineMode();
  console.log(
    `[reelboard] job engine: ${mode.kind === "embedded" ? "embedded executor (set INNGEST_* to use an Inngest server)" : mode.description}`,
  );
}
