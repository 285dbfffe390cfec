import { AudioLines, Film, FileText, Image as ImageIcon, type LucideIcon } from "lucide-react";
import type { TaskTypeName } from "@/lib/validations/generation-params";

type TaskTypeMeta = { label: string; Icon: LucideIcon; badge: string; accent: string };

/** Each column type has its own icon and colour, so a board reads at a glance. */
export const TASK_TYPE_META: Record<TaskTypeName, TaskTypeMeta> = {
  image: {
    label: "Image",
    Icon: ImageIcon,
    badge: "bg-sky-100 text-sky-700 dark:bg-sky-950 dark:text-sky-300",
    accent: "border-t-sky-500",
  },
  video: {
    label: "Video",
    Icon: Film,
    badge: "bg-violet-100 text-violet-700 dark:bg-violet-950 dark:text-violet-300",
    accent: "border-t-violet-500",
  },
  text: {
    label: "Text",
    Icon: FileText,
    badge: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
    accent: "border-t-amber-500",
  },
  audio: {
    label: "Audio",
    Icon: AudioLines,
    badge: "bg-emerald-100 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300",
    accent: "border-t-emerald-500",
  },
};

export function TaskTypeBadge({ taskType }: { taskType: TaskTypeName }) {
  const { label, Icon, badge } = TASK_TYPE_META[taskType];
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-1.5 py-0.5 text-xs font-medium ${badge}`}>
      <Icon className="h-3.5 w-3.5" aria-hidden />
      {label}
    </span>
  );
}
