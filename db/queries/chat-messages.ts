import "server-only";
import { getDb } from "../index";

export async function insertChatMessages(
  rows: Array<{
    projectId: string;
    cardId: string | null;
    threadId: string;
    agentType: string;
    userId: string | null;
    role: "user" | "assistant" | "tool" | "system";
    content: string;
    metadata?: Record<string, unknown>;
  }>,
): Promise<void> {
  if (rows.length === 0) return;
  await getDb()
    .insertInto("chat_messages")
    .values(
      rows.map((row) => ({
        project_id: row.projectId,
        card_id: row.cardId,
        thread_id: row.threadId,
        agent_type: row.agentType,
        user_id: row.userId,
        role: row.role,
        content: row.content,
        metadata: JSON.stringify(row.metadata ?? {}),
      })),
    )
    .execute();
}
