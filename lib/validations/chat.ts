import { z } from "zod";

export const chatInputSchema = z.union([
  z.object({ message: z.string().trim().min(1, "Write a message").max(4000, "At most 4000 characters") }).strict(),
  z.object({ resume: z.enum(["approve", "reject"]) }).strict(),
]);

export type ChatInput = z.infer<typeof chatInputSchema>;
