"use client";

import { Trash2 } from "lucide-react";
import { type FormEvent, useRef, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { ApiError } from "@/lib/api-client";
import type { Card } from "@/lib/boards/dto";
import { type FieldErrors, fieldErrorsOf } from "@/lib/errors";
import { type UpdateCardInput, updateCardSchema } from "@/lib/validations/board";
import { generationParamsSchemaFor, type TaskTypeName } from "@/lib/validations/generation-params";
import { ChatPanel } from "@/components/chat/chat-panel";
import { CardGeneration } from "@/components/jobs/card-generation";
import type { ProjectJobs } from "@/components/jobs/use-project-jobs";
import type { ProjectAssets } from "@/components/memory/use-project-assets";
import { PARAM_FIELDS, readParams } from "./params-fields";
import { TaskTypeBadge } from "./task-types";
import type { BoardApi } from "./use-board";

type CardDetailProps = {
  card: Card;
  taskType: TaskTypeName;
  columnTitle: string;
  boardApi: BoardApi;
  jobsApi: ProjectJobs;
  assetsApi: ProjectAssets;
  onClose: () => void;
};

/**
 * Edits a card: title, description and the generation parameters of its column's type. The form runs the
 * server's own schemas first; nothing is saved while a field is invalid.
 */
export function CardDetailDialog({ card, taskType, columnTitle, boardApi, jobsApi, assetsApi, onClose }: CardDetailProps) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [isDeleting, setIsDeleting] = useState(false);
  const [isDirty, setIsDirty] = useState(false);
  const [isDiscarding, setIsDiscarding] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const params = card.generationParams as Record<string, unknown>;

  /** What the form shows, checked by the server's own schemas; undefined (with the errors shown) when invalid. */
  function readForm(): UpdateCardInput | undefined {
    const form = new FormData(formRef.current!);
    const base = updateCardSchema.safeParse({ title: String(form.get("title") ?? ""), description: String(form.get("description") ?? "") });
    const generation = generationParamsSchemaFor(taskType).safeParse(readParams(taskType, form));
    setErrors({
      ...(base.success ? {} : fieldErrorsOf(base.error)),
      ...(generation.success ? {} : fieldErrorsOf(generation.error, "generationParams")),
    });
    if (!base.success || !generation.success) return undefined;
    return { ...base.data, generationParams: generation.data };
  }

  /** Saves the form; false (with the reason shown) when it could not. */
  async function save(): Promise<boolean> {
    const input = readForm();
    if (!input) return false;
    try {
      await boardApi.updateCard.mutateAsync({ cardId: card.id, input });
      setIsDirty(false);
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.fields) setErrors(error.fields);
      else toast.error(`Saving failed: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!(await save())) return;
    toast.success("Card saved");
    onClose();
  }

  /** Closing with unsaved edits asks first, rather than losing them without a word. */
  function close() {
    if (isDirty) setIsDiscarding(true);
    else onClose();
  }

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && close()}
      title={card.title}
      description={`In column ${columnTitle}`}
      className="w-[min(94vw,40rem)]"
    >
      <CardGeneration
        cardId={card.id}
        latest={jobsApi.latestByCard.get(card.id)}
        jobsApi={jobsApi}
        assetsApi={assetsApi}
        taskType={taskType}
        model={String(params.model ?? "")}
        onReuse={(job) =>
          boardApi.updateCard.mutate(
            { cardId: card.id, input: { generationParams: job.params as Record<string, unknown> } },
            { onSuccess: () => toast.success("Parameters restored from that generation"), onError: (error) => toast.error(error.message) },
          )
        }
        onInvalid={setErrors}
        hasUnsavedEdits={isDirty}
        beforeGenerate={async () => !isDirty || (await save())}
      />
      <form
        key={card.updatedAt}
        ref={formRef}
        onSubmit={(event) => void submit(event)}
        onChange={() => setIsDirty(true)}
        className="mt-4 flex flex-col gap-3"
        noValidate
        aria-label="Card details"
      >
        <Field label="Title" errors={errors.title}>
          {(props) => <Input {...props} name="title" defaultValue={card.title} />}
        </Field>
        <Field label="Description" errors={errors.description}>
          {(props) => <Textarea {...props} name="description" defaultValue={card.description} />}
        </Field>
        <fieldset className="grid grid-cols-2 gap-3 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
          <legend className="flex items-center gap-2 px-1 text-sm font-medium text-zinc-600 dark:text-zinc-400">
            Generation parameters <TaskTypeBadge taskType={taskType} />
          </legend>
          {PARAM_FIELDS[taskType].map((field) => (
            <Field
              key={field.name}
              label={field.label}
              hint={field.hint}
              errors={errors[`generationParams.${field.name}`]}
              className={field.kind === "textarea" ? "col-span-2" : undefined}
            >
              {(props) => {
                const value = params[field.name];
                const defaultValue = value === null || value === undefined ? "" : String(value);
                const name = `params.${field.name}`;
                if (field.kind === "textarea") return <Textarea {...props} name={name} defaultValue={defaultValue} />;
                if (field.kind === "image-asset") {
                  const images = assetsApi.assets.filter((asset) => asset.assetType === "image");
                  return (
                    // Keyed by the list: the approved images load after the form, and the saved choice must show.
                    <Select {...props} key={images.length} name={name} defaultValue={defaultValue}>
                      <option value="">
                        {images.length > 0 ? "None: a frame drawn from the prompt" : "None (approve an image to use it here)"}
                      </option>
                      {images.map((asset) => (
                        <option key={asset.id} value={asset.id}>
                          {asset.title}
                        </option>
                      ))}
                    </Select>
                  );
                }
                return (
                  <Input
                    {...props}
                    name={name}
                    defaultValue={defaultValue}
                    type={field.kind === "number" ? "number" : "text"}
                    step={field.step ?? "any"}
                  />
                );
              }}
            </Field>
          ))}
          {errors.generationParams && <p className="col-span-2 text-xs text-red-600">{errors.generationParams.join(". ")}</p>}
        </fieldset>
        <div className="flex items-center justify-between gap-2">
          <Button variant="ghost" className="text-red-600" onClick={() => setIsDeleting(true)}>
            <Trash2 className="h-4 w-4" aria-hidden />
            Delete card
          </Button>
          <div className="flex gap-2">
            <Button variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" disabled={boardApi.updateCard.isPending}>
              {boardApi.updateCard.isPending ? "Saving..." : "Save"}
            </Button>
          </div>
        </div>
      </form>
      <details className="mt-4 rounded-lg border border-zinc-200 dark:border-zinc-800">
        <summary className="cursor-pointer px-3 py-2 text-sm font-medium">Card agent</summary>
        <div className="h-96">
          <ChatPanel path={`/api/cards/${card.id}/chat`} projectId={boardApi.board.project.id} title={`Agent for ${card.title}`} />
        </div>
      </details>
      <ConfirmDialog
        open={isDiscarding}
        onOpenChange={setIsDiscarding}
        title="Discard your changes?"
        description="The card has edits that are not saved. Keep editing to save them, or discard them."
        confirmLabel="Discard changes"
        onConfirm={onClose}
      />
      <ConfirmDialog
        open={isDeleting}
        onOpenChange={setIsDeleting}
        title={`Delete card "${card.title}"?`}
        description="The card and its parameters are deleted for good."
        confirmLabel="Delete card"
        onConfirm={() => {
          boardApi.deleteCard.mutate(card.id);
          onClose();
        }}
      />
    </Dialog>
  );
}
