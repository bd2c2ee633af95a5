import { describe, it, expect } from "vitest";
import { contentHash } from "./hash";

describe("contentHash", () => {
  it("is a prefixed sha256 hex digest of the UTF-8 text", () => {
    expect(contentHash("")).toBe("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(contentHash("abc")).toBe("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(contentHash("Russia’s")).not.toBe(contentHash("Russia's"));
  });
});
