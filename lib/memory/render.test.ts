import { describe, expect, it } from "vitest";
import { renderMemory, truncate } from "./render";

describe("rendering memory within a budget", () => {
  const sections = [
    { heading: "Project", lines: ["Title: The Lighthouse Keeper", "Genre: drama"], noun: "facts" },
    { heading: "Cards", lines: Array.from({ length: 200 }, (_, i) => `- card ${i + 1}: a shot of the sea`), noun: "cards" },
    { heading: "Approved assets", lines: ["- image: Hero frame"], noun: "assets" },
  ];

  it("keeps everything when it fits", () => {
    const text = renderMemory(sections.slice(0, 1), 10_000);
    expect(text).toBe("## Project\nTitle: The Lighthouse Keeper\nGenre: drama");
  });

  it("stays within the budget, most relevant first, and counts what it left out", () => {
    const text = renderMemory(sections, 1200);
    expect(text.length).toBeLessThanOrEqual(1200);
    expect(text).toContain("- card 1: a shot of the sea");
    expect(text).not.toContain("- card 200:");
    expect(text).toMatch(/\.\.\. and \d+ more cards not shown/);
    const shown = text.split("\n").filter((line) => line.startsWith("- card ")).length;
    expect(text).toContain(`... and ${200 - shown} more cards not shown`);
  });

  it("says when a section is empty", () => {
    expect(renderMemory([{ heading: "Approved assets", lines: [], noun: "assets" }], 100)).toBe("## Approved assets\n(none)");
  });

  it("flattens and shortens long text", () => {
    expect(truncate("a  long\n\nprompt that goes on", 12)).toBe("a long pr...");
  });
});
