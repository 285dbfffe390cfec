import type { GenerationParams } from "@/lib/validations/generation-params";

/** A file a provider produced, already written to storage under `storageKey`. */
export type StoredFile = {
  storageKey: string;
  mime: string;
  format: string;
  fileSize: number;
  width: number | null;
  height: number | null;
  duration: number | null;
};

export type Submission = { externalId: string; pollMs: number; estimatedSeconds: number };

export type PollResult = { status: "running"; progress: number; step: string } | { status: "done"; files: StoredFile[] };

/**
 * A generator behind one interface: submit starts the work, poll reports progress or the finished files.
 * Both must be safe to call again after a crash: same input, same outcome, no duplicate files.
 */
export type Provider = {
  id: string;
  label: string;
  submit: (input: { jobId: string; params: GenerationParams }) => Promise<Submission>;
  poll: (input: PollInput) => Promise<PollResult>;
  /** Whether it can run on this server (its tools installed, its key set), and why not. */
  availability: () => Promise<{ isAvailable: true } | { isAvailable: false; reason: string }>;
};

export type PollInput = {
  jobId: string;
  projectId: string;
  params: GenerationParams;
  externalId: string;
  signal: AbortSignal;
  /** Progress inside a long poll (an ffmpeg render): fraction 0..1 and what is happening. */
  onProgress: (fraction: number, step: string) => Promise<void>;
};
