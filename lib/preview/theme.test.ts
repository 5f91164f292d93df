import { describe, expect, it } from "vitest";
import { NEUTRAL_PALETTE, normalizeColor, themeVariables } from "./theme";

describe("themeVariables", () => {
  it("uses the widget defaults for the default primary (near-black, light text)", () => {
    const vars = themeVariables("hsl(0 0% 9%)");
    expect(vars["--opencx-primary"]).toBe("rgb(23 23 23)");
    expect(vars["--opencx-primary-foreground"]).toBe(NEUTRAL_PALETTE[50]);
    expect(vars["--opencx-background"]).toBe("hsl(0 0% 96.1%)");
    expect(vars["--opencx-secondary"]).toBe("hsl(0 0% 89.8%)");
    expect(vars["--opencx-muted-foreground"]).toBe("hsl(0 0% 45.1%)");
    expect(vars["--opencx-border"]).toBe("hsl(0 0% 83.1%)");
  });

  it("flips the foreground to palette 950 for a light primary", () => {
    expect(themeVariables("#fde047")["--opencx-primary-foreground"]).toBe(NEUTRAL_PALETTE[950]);
    expect(themeVariables("#2563eb")["--opencx-primary-foreground"]).toBe(NEUTRAL_PALETTE[50]);
  });

  it("never passes the raw input into a style", () => {
    expect(themeVariables("red; background: url(x)")["--opencx-primary"]).toBe("rgb(23 23 23)");
    expect(normalizeColor("rgba(37, 99, 235, 0.5)")).toBe("rgb(37 99 235)");
  });
});
