import { describe, expect, it } from "vitest";
import { clientIpOf } from "./client-ip";

const socketAddress = "203.0.113.5";

describe("the client's address", () => {
  it("is the connection's peer unless a proxy is trusted", () => {
    const headers = { "x-forwarded-for": "10.0.0.1", "x-real-ip": "10.0.0.2" };
    expect(clientIpOf({ headers, socketAddress, trustProxy: false })).toBe(socketAddress);
  });

  it("behind a trusted proxy, is the last X-Forwarded-For entry, which the proxy appended", () => {
    expect(clientIpOf({ headers: { "x-forwarded-for": "10.0.0.1, 198.51.100.7" }, socketAddress, trustProxy: true })).toBe("198.51.100.7");
    expect(clientIpOf({ headers: { "x-forwarded-for": "2001:db8::1" }, socketAddress, trustProxy: true })).toBe("2001:db8::1");
  });

  it("behind a trusted proxy, falls back to X-Real-IP, then to the connection", () => {
    expect(clientIpOf({ headers: { "x-real-ip": "198.51.100.8" }, socketAddress, trustProxy: true })).toBe("198.51.100.8");
    expect(clientIpOf({ headers: {}, socketAddress, trustProxy: true })).toBe(socketAddress);
    expect(clientIpOf({ headers: { "x-forwarded-for": "not-an-address" }, socketAddress, trustProxy: true })).toBe(socketAddress);
  });
});
