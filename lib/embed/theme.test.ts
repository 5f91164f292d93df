import { describe, expect, it } from "vitest";
import { EMBED_THEME_BOOT_SCRIPT } from "./theme";

interface Run {
  root: { dataset: Record<string, string>; style: Record<string, string> };
  posted: { message: unknown; target: string }[];
  deliver: (data: unknown, fromParent?: boolean) => void;
}

/** Runs the boot script against a stand-in window, document and location. */
function boot({
  search = "",
  hash = "",
  dark = false,
  framed = true,
  ancestor = "https://docs.example.com",
} = {}): Run {
  const root = { dataset: {} as Record<string, string>, style: {} as Record<string, string> };
  const posted: Run["posted"] = [];
  const listeners: ((e: { source: unknown; data: unknown }) => void)[] = [];
  const parent = {
    postMessage: (message: unknown, target: string) => posted.push({ message, target }),
  };
  const win: Record<string, unknown> = {
    addEventListener: (_: string, f: (typeof listeners)[number]) => listeners.push(f),
  };
  win.parent = framed ? parent : win;
  const location = { search, hash, ancestorOrigins: [ancestor] };
  const document = { documentElement: root, referrer: "" };
  const matchMedia = () => ({ matches: dark });
  new Function("window", "location", "document", "matchMedia", EMBED_THEME_BOOT_SCRIPT)(
    win,
    location,
    document,
    matchMedia,
  );
  return {
    root,
    posted,
    deliver: (data, fromParent = true) =>
      listeners.forEach((f) => f({ source: fromParent ? parent : {}, data })),
  };
}

describe("EMBED_THEME_BOOT_SCRIPT", () => {
  it("paints the host's theme from the URL (#host-theme) for auto, over the system's", () => {
    const run = boot({ hash: "#host-theme=dark", dark: false });
    expect(run.root.dataset).toEqual({ theme: "dark", hostTheme: "dark" });
    expect(run.root.style.colorScheme).toBe("dark");
    expect(boot({ hash: "#a=1&host-theme=light", dark: true }).root.dataset.theme).toBe("light");
    expect(boot({ hash: "#host-theme=sepia", dark: true }).root.dataset).toEqual({ theme: "dark" });
  });

  it("keeps an explicit theme over the host's", () => {
    expect(
      boot({ search: "?theme=%20Light", hash: "#host-theme=dark", dark: true }).root.dataset,
    ).toEqual({ theme: "light" });
  });

  it("says ready to the parent's origin at once, answers hello, and applies a theme message before React runs", () => {
    const run = boot({ dark: false });
    expect(run.root.dataset.theme).toBe("light");
    expect(run.posted).toEqual([
      { message: { type: "opencx-playground:ready" }, target: "https://docs.example.com" },
    ]);
    run.deliver({ type: "opencx-playground:hello" });
    expect(run.posted).toHaveLength(2);
    run.deliver({ type: "opencx-playground:theme", theme: "dark" }, false); // not from the parent: ignored
    run.deliver({ type: "opencx-playground:theme", theme: "purple" });
    expect(run.root.dataset.theme).toBe("light");
    run.deliver({ type: "opencx-playground:theme", theme: "dark" });
    expect(run.root.dataset).toEqual({ theme: "dark", hostTheme: "dark" });
  });

  it("posts nothing outside a frame, and ignores host themes for a light or dark embed", () => {
    expect(boot({ framed: false }).posted).toEqual([]);
    const fixed = boot({ search: "?theme=light" });
    fixed.deliver({ type: "opencx-playground:theme", theme: "dark" });
    expect(fixed.root.dataset.theme).toBe("light");
  });
});
