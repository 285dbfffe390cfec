import { z } from "zod";
import { safeText } from "./text";

export const chatInputSchema = z.union([
  z.object({ message: safeText().trim().min(1, "Write a message").max(4000, "At most 4000 characters") }).strict(),
  z.object({ resume: z.enum(["approve", "reject"]) }).strict(),
]);

export type ChatInput = z.infer<typeof chatInputSchema>;
