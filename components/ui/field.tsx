import { type ComponentProps, forwardRef, useId } from "react";
import { cn } from "@/lib/utils";

const control =
  "w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-zinc-400 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30 aria-[invalid=true]:border-red-500 dark:border-zinc-700 dark:bg-zinc-900";

export const Input = forwardRef<HTMLInputElement, ComponentProps<"input">>(function Input({ className, ...props }, ref) {
  return <input ref={ref} className={cn(control, "h-9", className)} {...props} />;
});

export const Textarea = forwardRef<HTMLTextAreaElement, ComponentProps<"textarea">>(function Textarea({ className, ...props }, ref) {
  return <textarea ref={ref} className={cn(control, "min-h-20", className)} {...props} />;
});

export const Select = forwardRef<HTMLSelectElement, ComponentProps<"select">>(function Select({ className, ...props }, ref) {
  return <select ref={ref} className={cn(control, "h-9 py-1", className)} {...props} />;
});

type FieldProps = {
  label: string;
  errors?: string[];
  hint?: string;
  className?: string;
  children: (props: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => React.ReactNode;
};

/** A labelled control with its hint and field errors, wired for screen readers. */
export function Field({ label, errors, hint, className, children }: FieldProps) {
  const id = useId();
  const messageId = `${id}-message`;
  const hasError = Boolean(errors?.length);
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <label htmlFor={id} className="text-sm font-medium text-zinc-700 dark:text-zinc-300">
        {label}
      </label>
      {children({ id, "aria-invalid": hasError, "aria-describedby": hasError || hint ? messageId : undefined })}
      {hasError ? (
        <p id={messageId} className="text-xs text-red-600 dark:text-red-400">
          {errors?.join(". ")}
        </p>
      ) : hint ? (
        <p id={messageId} className="text-xs text-zinc-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
