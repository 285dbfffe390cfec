type Hook = { name: string; run: () => Promise<void> };

// Shared by every bundle in the process (the launcher and Next's server bundles load separate copies).
const globalForShutdown = globalThis as typeof globalThis & { __reelboardShutdownHooks?: Hook[] };
const hooks = () => (globalForShutdown.__reelboardShutdownHooks ??= []);

/** Registers work to finish before the process exits on a signal (handing back job leases, say). */
export function onShutdown(name: string, run: () => Promise<void>): void {
  hooks().push({ name, run });
}

/** Runs the registered hooks, newest first, each to its end or its error; logs what failed. */
export async function runShutdownHooks(log: (line: string) => void): Promise<void> {
  for (const hook of hooks().splice(0).reverse()) {
    try {
      await hook.run();
    } catch (error) {
      log(`stopping ${hook.name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
