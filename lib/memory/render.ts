/** A section of memory: its heading and its lines, most relevant first. */
export type MemorySection = { heading: string; lines: string[]; noun: string };

/**
 * Renders memory sections into a system-prompt block within a character budget. Every section gets its
 * heading and as many of its lines as fit, in order (most relevant and recent first), and says how many
 * it left out, so the model knows the memory is partial rather than believing it complete.
 */
export function renderMemory(sections: MemorySection[], budgetChars: number): string {
  const out: string[] = [];
  let used = 0;
  const fits = (text: string) => used + text.length + 1 <= budgetChars;

  for (const section of sections) {
    const heading = `## ${section.heading}`;
    if (!fits(heading)) break;
    out.push(heading);
    used += heading.length + 1;
    if (section.lines.length === 0) {
      out.push("(none)");
      used += 7;
      continue;
    }
    let shown = 0;
    for (const line of section.lines) {
      // Keep room for the "left out" note of this section.
      if (!fits(`${line}\n... and 99999 more ${section.noun} not shown`)) break;
      out.push(line);
      used += line.length + 1;
      shown++;
    }
    const hidden = section.lines.length - shown;
    if (hidden > 0) {
      const note = `... and ${hidden} more ${section.noun} not shown`;
      out.push(note);
      used += note.length + 1;
    }
  }
  return out.join("\n");
}

export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat;
}
