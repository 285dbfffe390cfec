import { describe, expect, it } from "vitest";
import type { Job } from "@/lib/jobs/dto";
import { isAtLeastAsRecent } from "./use-project-jobs";

const job = (patch: Partial<Job>) => ({ id: "j", status: "queued", progress: 0, retryCount: 0, priority: 2, ...patch }) as Job;

describe("keeping the furthest snapshot of a job", () => {
  it("does not let a late 'queued' answer undo a completed job", () => {
    expect(isAtLeastAsRecent(job({ status: "queued" }), job({ status: "completed", progress: 1 }))).toBe(false);
    expect(isAtLeastAsRecent(job({ status: "processing", progress: 0.3 }), job({ status: "processing", progress: 0.6 }))).toBe(false);
  });

  it("takes later states, more progress, a retry, and a priority change", () => {
    expect(isAtLeastAsRecent(job({ status: "processing", progress: 0.1 }), job({ status: "queued" }))).toBe(true);
    expect(isAtLeastAsRecent(job({ status: "processing", progress: 0.6 }), job({ status: "processing", progress: 0.3 }))).toBe(true);
    expect(isAtLeastAsRecent(job({ status: "queued", retryCount: 1 }), job({ status: "failed" }))).toBe(true);
    // A priority change answered while the stream had already shown more progress is still taken.
    expect(
      isAtLeastAsRecent(
        job({ status: "processing", progress: 0.3, priority: 1 }),
        job({ status: "processing", progress: 0.6, priority: 3 }),
      ),
    ).toBe(true);
    expect(
      isAtLeastAsRecent(
        job({ status: "processing", progress: 0.3, priority: 3 }),
        job({ status: "processing", progress: 0.6, priority: 3 }),
      ),
    ).toBe(false);
  });
});
