"use client";

import { useEffect, useRef, useState } from "react";

/**
 * How many items of a long list to render: a first page, then another page each time the sentinel
 * element at the end scrolls into view. Long columns paint fast without rendering hundreds of cards
 * nobody sees yet.
 */
export function useProgressiveCount(total: number, pageSize: number) {
  const [count, setCount] = useState(pageSize);
  const sentinelRef = useRef<HTMLLIElement | null>(null);
  const hasMore = count < total;

  useEffect(() => {
    const sentinel = sentinelRef.current;
    if (!sentinel || !hasMore) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setCount((current) => current + pageSize);
      },
      { rootMargin: "400px" },
    );
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [hasMore, pageSize, count]);

  return { count: Math.min(count, total), hasMore, sentinelRef };
}
