import { z } from "zod";
import { PROJECT_TEMPLATE_IDS } from "@/lib/boards/templates";
import { safeText } from "./text";

export const CONTENT_RATINGS = ["G", "PG", "PG-13", "R", "NC-17", "unrated"] as const;
export const PROJECT_STATUSES = ["draft", "in_production", "completed", "archived"] as const;

const title = safeText().trim().min(1, "Give it a title").max(200, "At most 200 characters");
const description = safeText().max(10_000, "At most 10,000 characters");

export const projectBriefSchema = z
  .object({
    genre: safeText().trim().max(100).optional(),
    targetDurationMinutes: z.number().positive("Must be positive").max(600, "At most 600 minutes").optional(),
    style: safeText().trim().max(500).optional(),
    themes: z.array(safeText().trim().min(1).max(100)).max(20).optional(),
    contentRating: z.enum(CONTENT_RATINGS).optional(),
  })
  .strict();

export type ProjectBrief = z.infer<typeof projectBriefSchema>;

export const createProjectSchema = z
  .object({
    title,
    description: description.optional(),
    brief: projectBriefSchema.optional(),
    /** A starting board: its columns are created with the project. */
    template: z.enum(PROJECT_TEMPLATE_IDS, { error: `One of: ${PROJECT_TEMPLATE_IDS.join(", ")}` }).optional(),
  })
  .strict();

export const updateProjectSchema = z
  .object({
    title: title.optional(),
    description: description.optional(),
    brief: projectBriefSchema.optional(),
    status: z.enum(PROJECT_STATUSES).optional(),
  })
  .strict();

export type CreateProjectInput = z.infer<typeof createProjectSchema>;
export type UpdateProjectInput = z.infer<typeof updateProjectSchema>;
