import { spawnSync } from "node:child_process";
import os from "node:os";

/** Debian packages of the command-line programs the local generators run. */
const PACKAGES = [
  { command: "ffmpeg", pkg: "ffmpeg" },
  { command: "ffprobe", pkg: "ffmpeg" },
  { command: "espeak-ng", pkg: "espeak-ng" },
] as const;

const has = (command: string) => spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;

/**
 * The local video and speech generators need ffmpeg and espeak-ng. Run as root on a machine with apt
 * (a fresh server, a container), the launcher installs what is missing, saying so; otherwise it says the
 * one command to run, and those generators show as unavailable until then. Never fails the start.
 */
export function ensureMediaTools(log: (line: string) => void): string[] {
  const missingNow = () => [...new Set(PACKAGES.filter(({ command }) => !has(command)).map(({ pkg }) => pkg))];
  const missing = missingNow();
  if (missing.length === 0) return [];

  const command = `apt-get install -y ${missing.join(" ")}`;
  if (os.userInfo().uid !== 0 || !has("apt-get")) {
    log(`the local video and speech generators need ${missing.join(" and ")}: run 'sudo ${command}' (until then they show as unavailable)`);
    return missing;
  }
  log(`installing ${missing.join(" and ")} for the local video and speech generators (${command})...`);
  const aptGet = (...args: string[]) => spawnSync("env", ["DEBIAN_FRONTEND=noninteractive", "apt-get", ...args], { stdio: "inherit" });
  const update = aptGet("update", "-qq");
  const install = update.status === 0 ? aptGet("install", "-y", "-qq", ...missing) : update;
  if (install.status === 0) log(`installed ${missing.join(" and ")}`);
  else log(`could not install ${missing.join(" and ")} (apt-get exited ${install.status}); those generators show as unavailable`);
  return missingNow();
}
