import "server-only";
import { spawn } from "node:child_process";

export type ToolName = "ffmpeg" | "ffprobe" | "espeak-ng";
export type Availability = { isAvailable: true } | { isAvailable: false; reason: string };

const VERSION_ARGS: Record<ToolName, string[]> = { ffmpeg: ["-version"], ffprobe: ["-version"], "espeak-ng": ["--version"] };
const globalForTools = globalThis as typeof globalThis & { __reelboardTools?: Map<ToolName, Promise<Availability>> };

/** Whether a command-line tool runs here (checked once per process); the reason when it does not. */
export function toolAvailability(tool: ToolName): Promise<Availability> {
  const cache = (globalForTools.__reelboardTools ??= new Map());
  let result = cache.get(tool);
  if (!result) {
    result = runTool(tool, VERSION_ARGS[tool]).then(
      (): Availability => ({ isAvailable: true }),
      (): Availability => ({
        isAvailable: false,
        reason: `${tool} is not installed on the server (Debian: apt-get install ${tool === "ffprobe" ? "ffmpeg" : tool})`,
      }),
    );
    cache.set(tool, result);
  }
  return result;
}

/**
 * Runs a tool with arguments (never through a shell), collecting stdout; rejects with the tail of its
 * stderr when it fails, and kills it when the signal aborts.
 */
export function runTool(
  tool: ToolName,
  args: string[],
  options: { signal?: AbortSignal; onStdout?: (chunk: string) => void } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { signal: options.signal, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      stdout += text;
      options.onStdout?.(text);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    child.on("error", (error) =>
      reject(options.signal?.aborted ? new Error("The job was cancelled") : new Error(`${tool} could not start: ${error.message}`)),
    );
    child.on("close", (code) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`${tool} failed (exit ${code}): ${stderr.trim().split("\n").slice(-3).join(" ")}`));
    });
  });
}

export type Probe = { durationSeconds: number | null; width: number | null; height: number | null; format: string | null };

/** Duration, size and container of a media file, read by ffprobe. */
export async function probeMedia(file: string): Promise<Probe> {
  const output = await runTool("ffprobe", ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", file]);
  const probe = JSON.parse(output) as {
    format?: { duration?: string; format_name?: string };
    streams?: Array<{ codec_type?: string; width?: number; height?: number }>;
  };
  const video = probe.streams?.find((stream) => stream.codec_type === "video");
  const duration = Number(probe.format?.duration);
  return {
    durationSeconds: Number.isFinite(duration) ? duration : null,
    width: video?.width ?? null,
    height: video?.height ?? null,
    format: probe.format?.format_name ?? null,
  };
}
