"use client";

import { useQuery } from "@tanstack/react-query";
import { Pause, Play } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import type { Media } from "@/lib/jobs/dto";

/** "0:07", "1:32": how long a clip runs. */
export function formatDuration(seconds: number): string {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

/**
 * A card's result as the board shows it, by type: the picture, a video's first frame with its length, a
 * speech clip's waveform with play, the opening of a text.
 */
export function CardPreview({ media }: { media: Media }) {
  switch (media.mediaType) {
    case "image":
      return (
        // eslint-disable-next-line @next/next/no-img-element -- private, access-checked bytes: no image optimiser
        <img
          src={media.url}
          alt=""
          className="mb-2 aspect-video w-full rounded-md object-cover"
          loading="lazy"
          data-testid="card-thumbnail"
        />
      );
    case "video":
      return (
        <div className="relative mb-2" data-testid="card-video">
          {/* The first frame as a poster: metadata only, nothing plays on the board. */}
          <video
            src={`${media.url}#t=0.1`}
            preload="metadata"
            muted
            playsInline
            className="aspect-video w-full rounded-md bg-black object-cover"
            aria-hidden
          />
          {media.duration !== null && (
            <span
              className="absolute right-1.5 bottom-1.5 rounded bg-black/70 px-1 text-[10px] font-medium text-white tabular-nums"
              data-testid="card-duration"
            >
              {formatDuration(media.duration)}
            </span>
          )}
        </div>
      );
    case "audio":
      return <AudioWaveform media={media} />;
    case "text":
      return <TextSnippet media={media} />;
  }
}

function AudioWaveform({ media }: { media: Media }) {
  const container = useRef<HTMLDivElement>(null);
  const player = useRef<{ playPause: () => Promise<void>; destroy: () => void } | null>(null);
  const [isPlaying, setIsPlaying] = useState(false);

  useEffect(() => {
    let isCancelled = false;
    void import("wavesurfer.js").then(({ default: WaveSurfer }) => {
      if (isCancelled || !container.current) return;
      const surfer = WaveSurfer.create({
        container: container.current,
        url: media.url,
        height: 32,
        barWidth: 2,
        barGap: 1,
        barRadius: 1,
        cursorWidth: 0,
        interact: false,
        waveColor: "#a5b4fc",
        progressColor: "#4f46e5",
        // A type the browser will not play makes wavesurfer play the media URL itself rather than a blob:
        // URL, which the page's Content-Security-Policy (media-src 'self') refuses. It still draws from the bytes.
        blobMimeType: "application/octet-stream",
      });
      surfer.on("play", () => setIsPlaying(true));
      surfer.on("pause", () => setIsPlaying(false));
      surfer.on("finish", () => setIsPlaying(false));
      player.current = surfer;
    });
    return () => {
      isCancelled = true;
      player.current?.destroy();
      player.current = null;
    };
  }, [media.url]);

  return (
    <div className="mb-2 flex items-center gap-2" data-testid="card-waveform">
      <button
        type="button"
        className="flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-indigo-600 text-white hover:bg-indigo-500"
        aria-label={isPlaying ? "Pause" : "Play"}
        // The card opens on click and drags on pointer down: the button keeps both to itself.
        onPointerDown={(event) => event.stopPropagation()}
        onKeyDown={(event) => event.stopPropagation()}
        onClick={(event) => {
          event.stopPropagation();
          void player.current?.playPause();
        }}
      >
        {isPlaying ? <Pause className="h-3.5 w-3.5" aria-hidden /> : <Play className="h-3.5 w-3.5" aria-hidden />}
      </button>
      <div ref={container} className="min-w-0 flex-1" />
      {media.duration !== null && <span className="text-[10px] text-zinc-500 tabular-nums">{formatDuration(media.duration)}</span>}
    </div>
  );
}

function TextSnippet({ media }: { media: Media }) {
  const { data } = useQuery({
    queryKey: ["media-text", media.id],
    queryFn: async () => (await fetch(media.url, { headers: { range: "bytes=0-599" } })).text(),
    staleTime: Infinity,
  });
  if (!data) return null;
  // Plain words: the draft's Markdown marks (headings, emphasis) would only be noise at this size.
  const snippet = data
    .replace(/^#+\s*/gm, "")
    .replace(/[*_`]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return (
    <div className="mb-2 rounded-md bg-zinc-50 p-2 dark:bg-zinc-950" data-testid="card-text-snippet">
      <p className="line-clamp-3 font-serif text-xs text-zinc-700 dark:text-zinc-300">{snippet}</p>
    </div>
  );
}
