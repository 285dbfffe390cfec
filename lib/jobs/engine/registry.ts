import "server-only";
import { APP_ID } from "@/inngest/client";
import { functions } from "@/inngest/index";
import { type EngineFunction, toEngineFunction } from "./function-config";

let cached: EngineFunction[] | undefined;

/** The app's functions as the embedded executor sees them; throws if one uses an option it cannot honour. */
export function engineFunctions(): EngineFunction[] {
  return (cached ??= functions.map((fn) => toEngineFunction(fn, APP_ID)));
}
