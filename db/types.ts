import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";
import type { GenerationParams } from "@/lib/validations/generation-params";
import type { ProjectBrief } from "@/lib/validations/project";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, T | string | undefined, T | string>;

export type TaskType = "image" | "video" | "text" | "audio";
export type ProjectStatus = "draft" | "in_production" | "completed" | "archived";

export type UsersTable = {
  id: Generated<string>;
  name: string;
  email: string;
  email_verified: Generated<boolean>;
  image: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type ProjectsTable = {
  id: Generated<string>;
  owner_id: string;
  title: string;
  description: Generated<string>;
  status: Generated<ProjectStatus>;
  brief: Json<ProjectBrief>;
  metadata: Json<Record<string, unknown>>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type ActivitiesTable = {
  id: Generated<string>;
  project_id: string;
  title: string;
  description: Generated<string>;
  task_type: TaskType;
  position: string;
  metadata: Json<Record<string, unknown>>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type TaskCardsTable = {
  id: Generated<string>;
  activity_id: string;
  title: string;
  description: Generated<string>;
  generation_params: Json<GenerationParams>;
  position: string;
  metadata: Json<Record<string, unknown>>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** Tables the app queries itself; the auth library manages sessions, accounts and verifications. */
export type Database = {
  users: UsersTable;
  projects: ProjectsTable;
  activities: ActivitiesTable;
  task_cards: TaskCardsTable;
};

export type ProjectRow = Selectable<ProjectsTable>;
export type NewProjectRow = Insertable<ProjectsTable>;
export type ProjectUpdate = Updateable<ProjectsTable>;
export type ActivityRow = Selectable<ActivitiesTable>;
export type CardRow = Selectable<TaskCardsTable>;
