import { describe, expect, it } from "vitest";
import { decodeConfig } from "./codec";
import { encodeUriComponentSafe } from "./encode";

describe("encodeUriComponentSafe", () => {
  it("encodes like encodeURIComponent, and a lone surrogate as U+FFFD instead of throwing", () => {
    expect(encodeUriComponentSafe("a b&c/😀")).toBe(encodeURIComponent("a b&c/😀"));
    expect(() => encodeURIComponent("x\ud800")).toThrow(URIError);
    expect(encodeUriComponentSafe("x\ud800")).toBe("x%EF%BF%BD");
    expect(encodeUriComponentSafe("\udc00\ud83d\ude00\ud83d")).toBe(
      "%EF%BF%BD%F0%9F%98%80%EF%BF%BD",
    );
  });

  it("copes with what a share link can put in the widget token (the replica's Powered-by link)", () => {
    const { config, ok } = decodeConfig(`1.N4IgLiBcIDoK4BMAcAGFIC+Q`);
    expect(ok).toBe(true);
    expect(config.widgetToken).toBe("\ud800");
    expect(encodeUriComponentSafe(config.widgetToken)).toBe("%EF%BF%BD");
  });
});
