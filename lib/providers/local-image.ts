import "server-only";
import { createHash } from "node:crypto";
import { NonRetriableError } from "inngest";
import sharp, { type Metadata } from "sharp";
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

    // Every image is rendered and read back before any is stored, so a failure leaves no file behind.
    const rendered: Array<{ bytes: Uint8Array; file: StoredFile }> = [];
    for (let n = 0; n < image.numImages; n++) {
      const bytes = new TextEncoder().encode(renderSvg({ prompt: image.prompt, width, height, seed: `${image.seed ?? jobId}:${n}` }));
      const metadata = await readRendered(bytes);
      const storageKey = `projects/${projectId}/image/${jobId}/${n}.svg`;
      rendered.push({
        bytes,
        file: {
          storageKey,
          mime: "image/svg+xml",
          format: metadata.format ?? "svg",
          fileSize: bytes.byteLength,
          width: metadata.width ?? null,
          height: metadata.height ?? null,
          duration: null,
        },
      });
    }
    for (const { bytes, file } of rendered) await getStorage().put(file.storageKey, bytes, file.mime);
    return { status: "done", files: rendered.map(({ file }) => file) };
  },
};

/** The rendered image as sharp reads it; the same parameters render the same bytes, so a failure here is final. */
async function readRendered(bytes: Uint8Array): Promise<Metadata> {
  try {
    return await sharp(bytes).metadata();
  } catch (error) {
    throw new NonRetriableError(`The image could not be rendered: ${error instanceof Error ? error.message : String(error)}`);
  }
}

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
  const lines = wrap(xmlCharacters(prompt) || "(no prompt)", Math.floor(width / (fontSize * 0.6)), 6);
  const text = lines.map((line, i) => `<tspan x="${width / 2}" dy="${i === 0 ? 0 : fontSize * 1.3}">${escapeXml(line)}</tspan>`).join("");
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

/**
 * The text without the characters XML cannot hold at all (C0 controls other than tab, newline and carriage
 * return, U+FFFE, U+FFFF, unpaired surrogates): a prompt may carry them, a picture of it cannot, and one
 * left in makes the whole document unreadable.
 */
function xmlCharacters(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "");
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[char]!);
}
