import { randomUUID } from "node:crypto";
import type pg from "pg";
import { positionAfter } from "@/lib/boards/position";
import { defaultGenerationParams, TASK_TYPES } from "@/lib/validations/generation-params";

/**
 * Seeds a project of `columns` columns holding `cards` cards in all, with realistic parameters, in bulk
 * (a few multi-row inserts rather than one request per card).
 */
export async function seedBoard(client: pg.Pool, { ownerId, columns, cards }: { ownerId: string; columns: number; cards: number }) {
  const projectId = randomUUID();
  await client.query("insert into projects (id, owner_id, title, brief) values ($1, $2, $3, $4)", [
    projectId,
    ownerId,
    `Benchmark ${cards} cards`,
    JSON.stringify({ genre: "Drama", style: "35mm, muted" }),
  ]);

  const activityIds: string[] = [];
  let columnKey: string | null = null;
  for (let c = 0; c < columns; c++) {
    const id = randomUUID();
    const taskType = TASK_TYPES[c % TASK_TYPES.length]!;
    columnKey = positionAfter(columnKey);
    await client.query("insert into activities (id, project_id, title, task_type, position) values ($1, $2, $3, $4, $5)", [
      id,
      projectId,
      `Column ${c + 1}`,
      taskType,
      columnKey,
    ]);
    activityIds.push(id);

    const perColumn = Math.floor(cards / columns) + (c < cards % columns ? 1 : 0);
    let key: string | null = null;
    const rows: unknown[][] = [];
    for (let n = 0; n < perColumn; n++) {
      key = positionAfter(key);
      const params = {
        ...defaultGenerationParams(taskType),
        prompt: `Shot ${n + 1}: a lighthouse keeper climbs the stairs at dusk, rain on the glass`,
      };
      rows.push([id, `Card ${c + 1}.${n + 1}`, "A card seeded for the benchmark", JSON.stringify(params), key]);
    }
    for (let start = 0; start < rows.length; start += 1000) {
      const chunk = rows.slice(start, start + 1000);
      const placeholders = chunk.map((_, i) => `($${i * 5 + 1}, $${i * 5 + 2}, $${i * 5 + 3}, $${i * 5 + 4}, $${i * 5 + 5})`).join(", ");
      await client.query(
        `insert into task_cards (activity_id, title, description, generation_params, position) values ${placeholders}`,
        chunk.flat(),
      );
    }
  }
  await client.query("analyze task_cards; analyze activities");
  return { projectId, activityIds };
}
