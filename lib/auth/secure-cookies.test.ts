import { describe, expect, it } from "vitest";
import { plainHttpWarning, usesSecureCookies } from "./secure-cookies";

describe("secure cookies", () => {
  it("follow the scheme of APP_URL", () => {
    expect(usesSecureCookies("https://reelboard.example.com")).toBe(true);
    expect(usesSecureCookies("http://192.168.1.5:3000")).toBe(false);
    expect(usesSecureCookies(undefined)).toBe(false);
  });
});

describe("the plain-http warning", () => {
  it("stays quiet on loopback and behind https", () => {
    expect(plainHttpWarning({ host: "127.0.0.1", appUrl: undefined })).toBeNull();
    expect(plainHttpWarning({ host: "::1", appUrl: "http://localhost:3000" })).toBeNull();
    expect(plainHttpWarning({ host: "0.0.0.0", appUrl: "https://reelboard.example.com" })).toBeNull();
  });

  it("warns when plain http reaches beyond this machine", () => {
    expect(plainHttpWarning({ host: "0.0.0.0", appUrl: undefined })).toMatch(/0\.0\.0\.0.*unencrypted/);
    expect(plainHttpWarning({ host: "127.0.0.1", appUrl: "http://192.168.1.5:3000" })).toMatch(/192\.168\.1\.5/);
  });
});
