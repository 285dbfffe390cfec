import type { ActivityRow, CardRow, ProjectRow, ProjectStatus, TaskType } from "@/db/types";
import type { GenerationParams } from "@/lib/validations/generation-params";
import type { ProjectBrief } from "@/lib/validations/project";

/** The JSON shapes of the API (DESIGN.md section 9): camelCase, ISO timestamps. */
export type Project = {
  id: string;
  title: string;
  description: string;
  status: ProjectStatus;
  brief: ProjectBrief;
  createdAt: string;
  updatedAt: string;
};

export type Activity = {
  id: string;
  projectId: string;
  title: string;
  description: string;
  taskType: TaskType;
  position: string;
  createdAt: string;
  updatedAt: string;
};

export type Card = {
  id: string;
  activityId: string;
  title: string;
  description: string;
  generationParams: GenerationParams;
  position: string;
  createdAt: string;
  updatedAt: string;
};

export type BoardColumn = Activity & { cards: Card[] };
export type Board = { project: Project; activities: BoardColumn[] };

const iso = (value: Date) => value.toISOString();

export function toProject(row: ProjectRow): Project {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    status: row.status,
    brief: row.brief,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export function toActivity(row: ActivityRow): Activity {
  return {
    id: row.id,
    projectId: row.project_id,
    title: row.title,
    description: row.description,
    taskType: row.task_type,
    position: row.position,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export function toCard(row: CardRow): Card {
  return {
    id: row.id,
    activityId: row.activity_id,
    title: row.title,
    description: row.description,
    generationParams: row.generation_params,
    position: row.position,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}
