import { describe, it, expect } from "vitest";
import { slugify } from "./slug";

describe("slugify", () => {
  it("makes lowercase ASCII slugs", () => {
    expect(slugify("Baltic States Withdraw from Ottawa Convention – June 27 Update")).toBe(
      "baltic-states-withdraw-from-ottawa-convention-june-27-update",
    );
    expect(slugify("  Kęstutis Budrys: “Æsthetic” Straße!  ")).toBe("kestutis-budrys-aesthetic-strasse");
    expect(slugify("Ångström — ½ (café)")).toBe("angstrom-1-2-cafe");
  });

  it("caps the length at 80 without a trailing dash", () => {
    const slug = slugify("word ".repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("falls back to 'article'", () => {
    expect(slugify("")).toBe("article");
    expect(slugify("—!?")).toBe("article");
    expect(slugify("Москва")).toBe("article");
  });
});
