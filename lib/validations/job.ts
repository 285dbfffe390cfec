import { z } from "zod";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "./text";

export const jobPrioritySchema = z.union([z.literal(1), z.literal(2), z.literal(3)], {
  error: "Priority is 1 (high), 2 (normal) or 3 (low)",
});

const callbackUrl = z
  .url("Not a URL")
  .max(2000)
  .refine(isStorableText, UNSTORABLE_TEXT_MESSAGE)
  .refine((value) => /^https?:\/\//i.test(value), "Only http and https callback URLs are accepted");

export const createJobSchema = z.object({ priority: jobPrioritySchema.optional(), callbackUrl: callbackUrl.optional() }).strict();
export const updateJobSchema = z.object({ priority: jobPrioritySchema }).strict();

export type CreateJobInput = z.infer<typeof createJobSchema>;
export type UpdateJobInput = z.infer<typeof updateJobSchema>;

/** Seconds a run jumps the queue for each priority (Inngest `priority.run`). */
export const PRIORITY_BOOST_SECONDS: Record<1 | 2 | 3, number> = { 1: 600, 2: 0, 3: -600 };
