"use client";

import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import type { Project } from "@/lib/boards/dto";
import { PROJECT_TEMPLATE_IDS, PROJECT_TEMPLATES } from "@/lib/boards/templates";
import type { FieldErrors } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/errors";
import { CONTENT_RATINGS, type CreateProjectInput, createProjectSchema } from "@/lib/validations/project";

type ProjectFormProps = {
  project?: Project;
  submitLabel: string;
  serverErrors?: FieldErrors;
  isPending: boolean;
  onSubmit: (input: CreateProjectInput) => void;
};

/** Title, description and the brief; checked by the same schema as the API before it is sent. */
export function ProjectForm({ project, submitLabel, serverErrors, isPending, onSubmit }: ProjectFormProps) {
  const [errors, setErrors] = useState<FieldErrors>({});
  // A field edited since the last submit no longer shows the error it had.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const shown = Object.fromEntries(
    Object.entries({ ...serverErrors, ...errors }).filter(([key]) => !edited.has(key.replace(/^brief\./, ""))),
  );
  const brief = project?.brief ?? {};

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const duration = text("targetDurationMinutes");
    const themes = text("themes")
      .split(",")
      .map((theme) => theme.trim())
      .filter(Boolean);
    const candidate = {
      ...(text("template") && { template: text("template") }),
      title: text("title"),
      description: text("description"),
      brief: {
        ...(text("genre") && { genre: text("genre") }),
        ...(duration && { targetDurationMinutes: Number(duration) }),
        ...(text("style") && { style: text("style") }),
        ...(themes.length > 0 && { themes }),
        ...(text("contentRating") && { contentRating: text("contentRating") }),
      },
    };
    const parsed = createProjectSchema.safeParse(candidate);
    setEdited(new Set());
    if (!parsed.success) {
      setErrors(fieldErrorsOf(parsed.error));
      return;
    }
    setErrors({});
    onSubmit(parsed.data);
  }

  return (
    <form
      onSubmit={handleSubmit}
      onChange={(event) => {
        const { name } = event.target as unknown as { name?: string };
        if (name) setEdited((current) => new Set(current).add(name));
      }}
      className="flex flex-col gap-3"
      noValidate
    >
      <Field label="Title" errors={shown.title}>
        {(props) => <Input {...props} name="title" defaultValue={project?.title} placeholder="The Lighthouse Keeper" autoFocus />}
      </Field>
      <Field label="Description" errors={shown.description}>
        {(props) => (
          <Textarea {...props} name="description" defaultValue={project?.description} placeholder="Logline, synopsis or script notes" />
        )}
      </Field>
      {!project && (
        <Field label="Start from" hint={undefined} errors={shown.template}>
          {(props) => (
            <Select {...props} name="template" defaultValue="">
              <option value="">A blank board</option>
              {PROJECT_TEMPLATE_IDS.map((id) => (
                <option key={id} value={id}>
                  {PROJECT_TEMPLATES[id].label}: {PROJECT_TEMPLATES[id].description.toLowerCase()}
                </option>
              ))}
            </Select>
          )}
        </Field>
      )}
      <fieldset className="grid grid-cols-2 gap-3 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
        <legend className="px-1 text-sm font-medium text-zinc-600 dark:text-zinc-400">Brief</legend>
        <Field label="Genre" errors={shown["brief.genre"]}>
          {(props) => <Input {...props} name="genre" defaultValue={brief.genre} placeholder="Drama" />}
        </Field>
        <Field label="Target duration (minutes)" errors={shown["brief.targetDurationMinutes"]}>
          {(props) => (
            <Input {...props} name="targetDurationMinutes" type="number" min={0} step="any" defaultValue={brief.targetDurationMinutes} />
          )}
        </Field>
        <Field label="Style" errors={shown["brief.style"]} className="col-span-2">
          {(props) => <Input {...props} name="style" defaultValue={brief.style} placeholder="Moody, 35mm, muted palette" />}
        </Field>
        <Field label="Themes" hint="Separated by commas" errors={shown["brief.themes"]}>
          {(props) => <Input {...props} name="themes" defaultValue={brief.themes?.join(", ")} placeholder="solitude, the sea" />}
        </Field>
        <Field label="Content rating" errors={shown["brief.contentRating"]}>
          {(props) => (
            <Select {...props} name="contentRating" defaultValue={brief.contentRating ?? ""}>
              <option value="">Not set</option>
              {CONTENT_RATINGS.map((rating) => (
                <option key={rating} value={rating}>
                  {rating}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </fieldset>
      <div className="flex justify-end">
        <Button type="submit" disabled={isPending}>
          {isPending ? "Saving..." : submitLabel}
        </Button>
      </div>
    </form>
  );
}
