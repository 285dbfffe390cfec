import "server-only";
import { createHash } from "node:crypto";
import sharp from "sharp";
import { env } from "@/lib/env";
import { getStorage } from "@/lib/storage";
import type { ImageParams } from "@/lib/validations/generation-params";
import type { Provider, StoredFile } from "./types";

/**
 * The built-in image generator: no AI, no network. It takes LOCAL_GENERATION_SECONDS, reports progress
 * as it goes, and draws a composition and palette derived from the prompt, with the prompt written on
 * it, at the requested resolution (SVG). The work is a pure function of the job and its parameters, so a
 * poll repeated after a crash finds the same result.
 */
export const localImageProvider: Provider = {
  id: "local-image",
  label: "Local placeholder renderer",
  availability: async () => ({ isAvailable: true }),

  async submit() {
    const seconds = env.LOCAL_GENERATION_SECONDS;
    return { externalId: JSON.stringify({ startedAt: Date.now(), seconds }), pollMs: env.LOCAL_POLL_MS, estimatedSeconds: seconds };
  },

  async poll({ jobId, projectId, params, externalId, signal }) {
    const { startedAt, seconds } = JSON.parse(externalId) as { startedAt: number; seconds: number };
    const elapsed = (Date.now() - startedAt) / 1000;
    if (elapsed < seconds) return { status: "running", progress: elapsed / seconds, step: "rendering" };

    signal.throwIfAborted();
    const image = params as ImageParams;
    const [width, height] = image.resolution.split("x").map(Number) as [number, number];
    const files: StoredFile[] = [];
    for (let n = 0; n < image.numImages; n++) {
      const svg = renderSvg({ prompt: image.prompt, width, height, seed: `${image.seed ?? jobId}:${n}` });
      const bytes = new TextEncoder().encode(svg);
      const storageKey = `projects/${projectId}/image/${jobId}/${n}.svg`;
      await getStorage().put(storageKey, bytes, "image/svg+xml");
      // Read back from the file, as any provider's output is: what is stored is what is described.
      const metadata = await sharp(bytes).metadata();
      files.push({ storageKey, mime: "image/svg+xml", format: metadata.format ?? "svg", fileSize: bytes.byteLength, width: metadata.width ?? null, height: metadata.height ?? null, duration: null });
    }
    return { status: "done", files };
  },
};

export function renderSvg({ prompt, width, height, seed }: { prompt: string; width: number; height: number; seed: string }): string {
  const hash = createHash("sha256").update(`${prompt}|${seed}`).digest();
  const hue = (i: number) => Math.round((hash[i]! / 255) * 360);
  const [a, b, c] = [hue(0), hue(1), hue(2)];
  const shapes = Array.from({ length: 6 }, (_, i) => {
    const x = (hash[3 + i]! / 255) * width;
    const y = (hash[9 + i]! / 255) * height;
    const r = ((hash[15 + i]! / 255) * 0.25 + 0.05) * Math.min(width, height);
    return `<circle cx="${x.toFixed(0)}" cy="${y.toFixed(0)}" r="${r.toFixed(0)}" fill="hsl(${(c + i * 40) % 360} 70% 60%)" fill-opacity="0.45"/>`;
  }).join("");
  const fontSize = Math.max(14, Math.round(width / 28));
  const lines = wrap(prompt || "(no prompt)", Math.floor(width / (fontSize * 0.6)), 6);
  const text = lines
    .map((line, i) => `<tspan x="${width / 2}" dy="${i === 0 ? 0 : fontSize * 1.3}">${escapeXml(line)}</tspan>`)
    .join("");
  const textY = height / 2 - ((lines.length - 1) * fontSize * 1.3) / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${a} 55% 35%)"/><stop offset="1" stop-color="hsl(${b} 60% 20%)"/></linearGradient></defs>
<rect width="100%" height="100%" fill="url(#bg)"/>${shapes}
<text y="${textY.toFixed(0)}" text-anchor="middle" font-family="sans-serif" font-size="${fontSize}" fill="white" stroke="black" stroke-opacity="0.35" stroke-width="1">${text}</text>
</svg>`;
}

function wrap(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if ((line + " " + word).trim().length > width && line) {
      lines.push(line);
      line = word;
    } else line = `${line} ${word}`.trim();
  }
  if (line) lines.push(line);
  return lines.length > maxLines ? [...lines.slice(0, maxLines - 1), `${lines[maxLines - 1]}...`] : lines;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[char]!);
}
