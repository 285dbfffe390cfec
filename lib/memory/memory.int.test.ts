import { describe, expect, it } from "vitest";
import { updateCard } from "@/lib/boards/cards";
import { updateProject } from "@/lib/boards/projects";
import { createBoard, createUser } from "@/test/seed";
import { cardMemory } from "./card-memory";
import { projectMemory } from "./project-memory";

describe("agent memory", () => {
  it("renders the project, its brief, columns and cards, newest changes first, within the budget", async () => {
    const user = await createUser();
    const { project, activities } = await createBoard(user.id, ["image", "audio"], 30);
    await updateProject({ ownerId: user.id, projectId: project.id, input: { brief: { genre: "Noir", themes: ["rain", "guilt"] } } });
    const touched = activities[1]!.cards[29]!;
    await updateCard({ ownerId: user.id, cardId: touched.id, input: { generationParams: { text: "Where were you that night?" } } });

    const full = await projectMemory({ ownerId: user.id, projectId: project.id, budgetChars: 50_000 });
    expect(full).toContain("genre: Noir");
    expect(full).toContain("themes: rain, guilt");
    expect(full).toContain(`- Column 1 [image] id=${activities[0]!.id}, 30 cards`);
    const cardLines = full.split("\n").filter((line) => line.startsWith('- "Column'));
    expect(cardLines[0]).toContain(`"${touched.title}" in Column 2 id=${touched.id}: Where were you that night?`);
    expect(cardLines).toHaveLength(60);

    const small = await projectMemory({ ownerId: user.id, projectId: project.id, budgetChars: 1500 });
    expect(small.length).toBeLessThanOrEqual(1500);
    expect(small).toMatch(/\.\.\. and \d+ more cards not shown/);
    expect(small).toContain(touched.title);
  });

  it("renders a card's parameters and type with the project's brief, and only for its owner", async () => {
    const owner = await createUser();
    const { activities } = await createBoard(owner.id, ["video"], 1);
    const card = activities[0]!.cards[0]!;
    await updateCard({ ownerId: owner.id, cardId: card.id, input: { generationParams: { prompt: "slow dolly in", durationSeconds: 8 } } });

    const memory = await cardMemory({ ownerId: owner.id, cardId: card.id });
    expect(memory).toContain("type: video");
    expect(memory).toContain('"prompt":"slow dolly in"');
    expect(memory).toContain('"durationSeconds":8');
    expect(memory).toContain("## Jobs of this card (newest first)\n(none)");
    expect(memory).toContain("title: Test film");

    const stranger = await createUser();
    await expect(cardMemory({ ownerId: stranger.id, cardId: card.id })).rejects.toMatchObject({ code: "not_found" });
  });
});
