import { createHash } from "node:crypto";

/** "sha256:" + hex SHA-256 of the UTF-8 bytes of `text`. */
export function contentHash(text: string): string {
  return "sha256:" + createHash("sha256").update(text, "utf8").digest("hex");
}
