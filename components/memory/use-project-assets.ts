"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { toast } from "sonner";
import { api } from "@/lib/api-client";
import type { Asset } from "@/lib/assets/assets";

/** The project's approved assets, with approve and un-approve; the card badges and galleries read it. */
export function useProjectAssets(projectId: string, initialAssets?: Asset[]) {
  const queryClient = useQueryClient();
  const key = ["assets", projectId] as const;
  const { data: assets = [] } = useQuery({
    queryKey: key,
    queryFn: async () => (await api<{ assets: Asset[] }>(`/api/projects/${projectId}/assets`)).assets,
    initialData: initialAssets,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });

  const approve = useMutation({
    mutationFn: (mediaId: string) => api<{ asset: Asset }>(`/api/media/${mediaId}/approve`, { method: "POST", body: {} }),
    onSuccess: () => {
      toast.success("Approved: added to the project's memory");
      void refresh();
    },
    onError: (error) => toast.error(error.message),
  });
  const unapprove = useMutation({
    mutationFn: (assetId: string) => api<{ asset: Asset }>(`/api/assets/${assetId}`, { method: "DELETE" }),
    onSuccess: () => void refresh(),
    onError: (error) => toast.error(error.message),
  });

  const byMedia = useMemo(() => new Map(assets.map((asset) => [asset.mediaId, asset])), [assets]);
  const approvedCards = useMemo(() => new Set(assets.flatMap((asset) => (asset.cardId ? [asset.cardId] : []))), [assets]);
  return { assets, byMedia, approvedCards, approve, unapprove };
}

export type ProjectAssets = ReturnType<typeof useProjectAssets>;
