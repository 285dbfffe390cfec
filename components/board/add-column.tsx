"use client";

import { Plus } from "lucide-react";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { TASK_TYPES, type TaskTypeName } from "@/lib/validations/generation-params";
import { TASK_TYPE_META } from "./task-types";
import type { BoardApi } from "./use-board";

export function AddColumn({ boardApi, isFirst }: { boardApi: BoardApi; isFirst: boolean }) {
  const [isOpen, setIsOpen] = useState(isFirst);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const title = String(form.get("title") ?? "").trim();
    const taskType = String(form.get("taskType")) as TaskTypeName;
    if (!title) return;
    boardApi.addActivity.mutate({ title, taskType }, { onSuccess: () => setIsOpen(false) });
  }

  if (!isOpen) {
    return (
      <Button variant="secondary" className="w-72 shrink-0 justify-start" onClick={() => setIsOpen(true)}>
        <Plus className="h-4 w-4" aria-hidden />
        Add a column
      </Button>
    );
  }

  return (
    <form
      onSubmit={submit}
      className="flex w-72 shrink-0 flex-col gap-2 rounded-xl border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900"
    >
      {isFirst && <p className="text-sm text-zinc-500">Start the board with a column: each column holds one kind of media work.</p>}
      <Input name="title" placeholder="Column title, e.g. Storyboard" aria-label="Column title" autoFocus required />
      <Select name="taskType" aria-label="Column type" defaultValue="image">
        {TASK_TYPES.map((type) => (
          <option key={type} value={type}>
            {TASK_TYPE_META[type].label}
          </option>
        ))}
      </Select>
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={boardApi.addActivity.isPending}>
          Add column
        </Button>
        {!isFirst && (
          <Button variant="ghost" size="sm" onClick={() => setIsOpen(false)}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
