import { z } from "zod";
import { taskTypeSchema } from "./generation-params";
import { safeText } from "./text";

const title = safeText().trim().min(1, "Give it a title").max(200, "At most 200 characters");
const description = safeText().max(10_000, "At most 10,000 characters");
const neighbourId = z.uuid("Not an id").nullable();

export const createActivitySchema = z.object({ title, taskType: taskTypeSchema, description: description.optional() }).strict();

export const updateActivitySchema = z.object({ title: title.optional(), description: description.optional() }).strict();

export const moveActivitySchema = z.object({ prevId: neighbourId, nextId: neighbourId }).strict();

/** generationParams is checked against the card type's schema once the card's column is known. */
export const createCardSchema = z
  .object({ title, description: description.optional(), generationParams: z.record(z.string(), z.unknown()).optional() })
  .strict();

export const updateCardSchema = z
  .object({
    title: title.optional(),
    description: description.optional(),
    generationParams: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export const moveCardSchema = z.object({ activityId: z.uuid("Not an id"), prevId: neighbourId, nextId: neighbourId }).strict();

export type CreateActivityInput = z.infer<typeof createActivitySchema>;
export type UpdateActivityInput = z.infer<typeof updateActivitySchema>;
export type MoveActivityInput = z.infer<typeof moveActivitySchema>;
export type CreateCardInput = z.infer<typeof createCardSchema>;
export type UpdateCardInput = z.infer<typeof updateCardSchema>;
export type MoveCardInput = z.infer<typeof moveCardSchema>;
