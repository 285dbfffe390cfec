import { lookup } from "node:dns/promises";
import net from "node:net";
import { AppError } from "@/lib/errors";

const PRIVATE = new net.BlockList();
for (const [address, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  PRIVATE.addSubnet(address, prefix, "ipv4");
for (const [address, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  PRIVATE.addSubnet(address, prefix, "ipv6");

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return PRIVATE.check(mapped, "ipv4");
  return PRIVATE.check(address, net.isIPv6(address) ? "ipv6" : "ipv4");
}

function refuse(message: string): never {
  throw new AppError("validation_failed", message, { callbackUrl: [message] });
}

/**
 * A webhook target must be http(s) and, unless private targets are allowed, resolve only to public
 * addresses: checked when the job is created and again, after DNS, just before each delivery.
 */
export async function assertDeliverableUrl(
  raw: string,
  { allowPrivate, resolve = true }: { allowPrivate: boolean; resolve?: boolean },
): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    refuse("Not a URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") refuse("Only http and https callback URLs are accepted");
  if (url.username || url.password) refuse("Callback URLs may not carry credentials");
  if (allowPrivate) return url;

  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (host === "localhost" || host.endsWith(".localhost") || (net.isIP(host) && isPrivateAddress(host))) {
    refuse("Private and loopback callback URLs are refused (set WEBHOOK_ALLOW_PRIVATE=true to allow them)");
  }
  if (resolve && !net.isIP(host)) {
    const addresses = await lookup(host, { all: true }).catch(() => refuse(`The callback host ${host} does not resolve`));
    if (addresses.some((entry) => isPrivateAddress(entry.address))) refuse(`The callback host ${host} resolves to a private address`);
  }
  return url;
}
