import { z } from "zod";
import { taskTypeSchema } from "./generation-params";
import { safeText } from "./text";

export const approveMediaSchema = z
  .object({
    title: safeText().trim().min(1, "Give it a title").max(200).optional(),
    description: safeText().max(10_000).optional(),
  })
  .strict();

export const assetFilterSchema = z.object({ type: taskTypeSchema.optional() });

export type ApproveMediaInput = z.infer<typeof approveMediaSchema>;
