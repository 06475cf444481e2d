import { describe, expect, it } from "vitest";
import { MAX_TAGS, parseTags, tagsProblem } from "./tags";

describe("performer tags", () => {
  it("normalises a comma-separated list", () => {
    expect(parseTags("Blonde, cosplay ,  Dance Party,,blonde")).toEqual(["blonde", "cosplay", "dance-party"]);
  });
  it.each([
    [["ok", "also-ok"], null],
    [Array.from({ length: MAX_TAGS + 1 }, (_, i) => `t${i}`), `At most ${MAX_TAGS} tags.`],
    [["<script>"], "“<script>” is not a tag: letters, digits and dashes, up to 24 characters."],
    [["a".repeat(25)], `“${"a".repeat(25)}” is not a tag: letters, digits and dashes, up to 24 characters.`],
    [["-lead"], "“-lead” is not a tag: letters, digits and dashes, up to 24 characters."],
  ])("checks %j", (tags, problem) => {
    expect(tagsProblem(tags)).toBe(problem);
  });
});
