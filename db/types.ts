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

export type JobStatus = "queued" | "processing" | "completed" | "failed" | "cancelled";

export type GenerationJobsTable = {
  id: Generated<string>;
  /** Null once the card is deleted: the job and its approved results stay in the project's memory. */
  card_id: string | null;
  project_id: string;
  status: Generated<JobStatus>;
  task_type: TaskType;
  params: Json<GenerationParams>;
  priority: Generated<number>;
  progress: Generated<number>;
  current_step: string | null;
  error_message: string | null;
  retry_count: Generated<number>;
  /** Times the job was handed to its provider (a step re-run after a crash counts again). */
  provider_submissions: Generated<number>;
  max_retries: Generated<number>;
  provider: string;
  engine_run_id: string | null;
  callback_url: string | null;
  estimated_seconds: number | null;
  metadata: Json<Record<string, unknown>>;
  created_at: Timestamp;
  started_at: Date | null;
  completed_at: Date | null;
};

export type JobEventKind = "status" | "progress" | "step" | "log" | "result";

export type JobEventsTable = {
  id: Generated<string>;
  job_id: string;
  project_id: string;
  kind: JobEventKind;
  payload: Json<Record<string, unknown>>;
  dedupe_key: string | null;
  created_at: Timestamp;
};

export type MediaTable = {
  id: Generated<string>;
  job_id: string;
  project_id: string;
  media_type: TaskType;
  storage_key: string;
  mime: string;
  format: string;
  file_size: ColumnType<number, number, number>;
  width: number | null;
  height: number | null;
  duration: number | null;
  position: number;
  generation_metadata: Json<Record<string, unknown>>;
  created_at: Timestamp;
};

export type EngineRunStatus = "queued" | "completed" | "failed" | "cancelled";

export type EngineRunsTable = {
  id: Generated<string>;
  function_id: string;
  event: Json<Record<string, unknown>>;
  status: Generated<EngineRunStatus>;
  attempt: Generated<number>;
  steps: Json<Record<string, unknown>>;
  stack: Json<string[]>;
  pending: Json<Record<string, unknown> | null>;
  is_parallel: Generated<boolean>;
  priority_seconds: Generated<number>;
  due_at: Timestamp;
  lease_owner: string | null;
  lease_until: Date | null;
  /** The executor that last claimed the run ("<host>:<pid>:<id>"), kept after it ends, for operators. */
  ran_by: string | null;
  output: Json<unknown>;
  error: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  finished_at: Date | null;
};

export type ApprovedAssetsTable = {
  id: Generated<string>;
  project_id: string;
  card_id: string | null;
  job_id: string;
  media_id: string;
  title: string;
  description: Generated<string>;
  prompt: Generated<string>;
  asset_type: TaskType;
  metadata: Json<Record<string, unknown>>;
  created_at: Timestamp;
};

export type WebhookDeliveriesTable = {
  id: Generated<string>;
  job_id: string;
  /** "<status>:<retry count>": one delivery per terminal state the job reaches. */
  terminal_key: string;
  url: string;
  payload: Json<Record<string, unknown>>;
  status: Generated<"pending" | "delivered" | "failed">;
  attempts: Generated<number>;
  last_status_code: number | null;
  last_error: string | null;
  created_at: Timestamp;
  delivered_at: Date | null;
};

export type AgentThreadLocksTable = {
  thread_id: string;
  holder: string;
  expires_at: Date;
};

export type InstanceSettingsTable = {
  key: string;
  value: string;
  created_at: Generated<Date>;
};

export type ChatMessagesTable = {
  id: Generated<string>;
  project_id: string;
  card_id: string | null;
  thread_id: string;
  agent_type: string;
  user_id: string | null;
  role: "user" | "assistant" | "system" | "tool";
  content: string;
  metadata: Json<Record<string, unknown>>;
  created_at: Timestamp;
};

/** Tables the app queries itself; the auth library manages sessions, accounts and verifications. */
export type Database = {
  users: UsersTable;
  projects: ProjectsTable;
  activities: ActivitiesTable;
  task_cards: TaskCardsTable;
  generation_jobs: GenerationJobsTable;
  job_events: JobEventsTable;
  media: MediaTable;
  engine_runs: EngineRunsTable;
  approved_assets: ApprovedAssetsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  chat_messages: ChatMessagesTable;
  agent_thread_locks: AgentThreadLocksTable;
  instance_settings: InstanceSettingsTable;
};

export type ProjectRow = Selectable<ProjectsTable>;
export type NewProjectRow = Insertable<ProjectsTable>;
export type ProjectUpdate = Updateable<ProjectsTable>;
export type ActivityRow = Selectable<ActivitiesTable>;
export type CardRow = Selectable<TaskCardsTable>;
export type JobRow = Selectable<GenerationJobsTable>;
export type JobEventRow = Selectable<JobEventsTable>;
export type MediaRow = Selectable<MediaTable>;
export type EngineRunRow = Selectable<EngineRunsTable>;
export type ApprovedAssetRow = Selectable<ApprovedAssetsTable>;
export type WebhookDeliveryRow = Selectable<WebhookDeliveriesTable>;
