import { describe, expect, it } from "vitest";
import { assertDeliverableUrl, isPrivateAddress } from "./url-policy";

describe("webhook URL policy", () => {
  it.each([
    "127.0.0.1",
    "10.1.2.3",
    "172.20.0.1",
    "192.168.1.10",
    "169.254.169.254",
    "::1",
    "fd00::1",
    "fe80::1",
    "::ffff:127.0.0.1",
    "0.0.0.0",
  ])("knows %s is private", (address) => expect(isPrivateAddress(address)).toBe(true));
  it.each(["93.184.216.34", "8.8.8.8", "2606:4700::1111"])("knows %s is public", (address) =>
    expect(isPrivateAddress(address)).toBe(false),
  );

  it("refuses other schemes, credentials, and private or loopback hosts unless allowed", async () => {
    const options = { allowPrivate: false, resolve: false };
    await expect(assertDeliverableUrl("ftp://example.com/x", options)).rejects.toThrow(/Only http and https/);
    await expect(assertDeliverableUrl("https://user:pw@example.com/x", options)).rejects.toThrow(/credentials/);
    await expect(assertDeliverableUrl("http://localhost:8080/hook", options)).rejects.toThrow(/Private and loopback/);
    await expect(assertDeliverableUrl("http://[::1]/hook", options)).rejects.toThrow(/Private and loopback/);
    await expect(assertDeliverableUrl("http://10.0.0.5/hook", options)).rejects.toThrow(/Private and loopback/);
    await expect(assertDeliverableUrl("https://hooks.example.com/x", options)).resolves.toBeInstanceOf(URL);
    await expect(assertDeliverableUrl("http://127.0.0.1:9/hook", { allowPrivate: true })).resolves.toBeInstanceOf(URL);
  });
});
