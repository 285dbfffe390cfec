"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import type { Media } from "@/lib/jobs/dto";

function formatDuration(seconds: number): string {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

/** A result as people want to see it: the picture, a player, or the text. */
export function MediaPreview({ media, label, isZoomable = true }: { media: Media; label: string; isZoomable?: boolean }) {
  if (media.mediaType === "image") return <ImagePreview media={media} label={label} isZoomable={isZoomable} />;
  if (media.mediaType === "video") {
    return (
      <figure>
        {/* eslint-disable-next-line jsx-a11y/media-has-caption -- generated media have no caption track yet */}
        <video src={media.url} controls preload="metadata" className="w-full rounded-md bg-black" aria-label={label} />
        {media.duration !== null && (
          <figcaption className="mt-1 text-xs text-zinc-500">
            {formatDuration(media.duration)} · {media.width}x{media.height}
          </figcaption>
        )}
      </figure>
    );
  }
  if (media.mediaType === "audio") {
    return (
      <figure>
        {/* eslint-disable-next-line jsx-a11y/media-has-caption -- generated media have no caption track yet */}
        <audio src={media.url} controls preload="metadata" className="w-full" aria-label={label} />
        {media.duration !== null && <figcaption className="mt-1 text-xs text-zinc-500">{formatDuration(media.duration)}</figcaption>}
      </figure>
    );
  }
  return <TextPreview url={media.url} label={label} />;
}

/** An image thumbnail that opens full size in a lightbox. */
function ImagePreview({ media, label, isZoomable }: { media: Media; label: string; isZoomable: boolean }) {
  const [isOpen, setIsOpen] = useState(false);
  const image = (
    // eslint-disable-next-line @next/next/no-img-element -- private, access-checked bytes: no image optimiser
    <img src={media.url} alt={label} className="aspect-square w-full rounded-md border border-zinc-200 object-cover dark:border-zinc-800" />
  );
  if (!isZoomable) return image;
  return (
    <>
      <button type="button" className="block w-full" onClick={() => setIsOpen(true)} aria-label={`Open ${label} full size`}>
        {image}
      </button>
      <Dialog
        open={isOpen}
        onOpenChange={setIsOpen}
        title={label}
        description={`${media.width}x${media.height} ${media.format}`}
        className="w-[min(96vw,72rem)]"
      >
        {/* eslint-disable-next-line @next/next/no-img-element -- private, access-checked bytes: no image optimiser */}
        <img src={media.url} alt={label} className="max-h-[75vh] w-full object-contain" />
      </Dialog>
    </>
  );
}

function TextPreview({ url, label }: { url: string; label: string }) {
  const { data, isError } = useQuery({ queryKey: ["media-text", url], queryFn: async () => (await fetch(url)).text() });
  return (
    <pre
      aria-label={label}
      className="max-h-60 overflow-auto rounded-md border border-zinc-200 bg-zinc-50 p-2 text-xs whitespace-pre-wrap dark:border-zinc-800 dark:bg-zinc-950"
    >
      {isError ? "Could not load the text" : (data ?? "Loading...")}
    </pre>
  );
}
