"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { ProviderStatus } from "@/lib/providers";

/** Which generator serves each card type here, and why one is unavailable. */
export function useProviders() {
  return useQuery({
    queryKey: ["providers"],
    queryFn: async () => (await api<{ providers: ProviderStatus[] }>("/api/providers")).providers,
    staleTime: 5 * 60_000,
  });
}
