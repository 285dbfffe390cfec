import type { TaskTypeName } from "@/lib/validations/generation-params";

export type ProjectTemplate = {
  label: string;
  description: string;
  columns: Array<{ title: string; taskType: TaskTypeName; description: string }>;
};

/** Starting boards for a new project: the columns a production of that kind usually needs, empty. */
export const PROJECT_TEMPLATES = {
  "short-film": {
    label: "Short film",
    description: "Script, characters, storyboard, shots, voice-over and music",
    columns: [
      { title: "Script", taskType: "text", description: "Logline, outline and scenes" },
      { title: "Characters", taskType: "image", description: "A portrait per character" },
      { title: "Storyboard", taskType: "image", description: "A frame per shot" },
      { title: "Shots", taskType: "video", description: "The moving takes" },
      { title: "Voice-over", taskType: "audio", description: "Narration and dialogue" },
      { title: "Music", taskType: "audio", description: "Score and beds" },
    ],
  },
  "ad-spot": {
    label: "Ad spot",
    description: "Copy, key visuals, the spot and its voice-over",
    columns: [
      { title: "Copy", taskType: "text", description: "Headline, script and call to action" },
      { title: "Key visuals", taskType: "image", description: "Product and mood frames" },
      { title: "Spot", taskType: "video", description: "The cut-downs: 30, 15 and 6 seconds" },
      { title: "Voice-over", taskType: "audio", description: "The read" },
    ],
  },
  "music-video": {
    label: "Music video",
    description: "Treatment, looks, scenes and the track",
    columns: [
      { title: "Treatment", taskType: "text", description: "The idea, verse by verse" },
      { title: "Looks", taskType: "image", description: "Performers, sets, palettes" },
      { title: "Scenes", taskType: "video", description: "A clip per section of the song" },
      { title: "Track", taskType: "audio", description: "The song and its stems" },
    ],
  },
} as const satisfies Record<string, ProjectTemplate>;

export type ProjectTemplateId = keyof typeof PROJECT_TEMPLATES;
export const PROJECT_TEMPLATE_IDS = Object.keys(PROJECT_TEMPLATES) as [ProjectTemplateId, ...ProjectTemplateId[]];
