/**
 * Import of Angular components: the kind of text is recognised (an import from `@angular/…` or
 * a `@Component(` decorator), the module is parsed as TypeScript with decorators, the options are
 * read from it, the embed pin gives the version, and a syntax error points at its place. The
 * round trip over generated components is in round-trip.test.ts.
 */
import { describe, expect, it } from "vitest";
import { defaultConfig, type PlaygroundConfig } from "../config/options";
import { generateSnippet } from "../snippets";
import { importSnippet } from "./index";

const base = (): PlaygroundConfig => ({ ...defaultConfig(), orgName: "Kept Org" });

describe("Angular components", () => {
  it("reads the generated component: its kind, version and options, nothing reported", () => {
    for (const major of ["v4", "v5"] as const) {
      const config: PlaygroundConfig = {
        ...defaultConfig(),
        widgetVersion: major,
        widgetToken: "wt_angular",
        model: "browser",
        userEmail: "a@b.example",
      };
      const code = generateSnippet("angular", config).files[0]!.code;
      const result = importSnippet(code, base());
      expect(result.ok).toBe(true);
      expect(result.kind).toBe("angular");
      expect(result.version.snippet).toBe(major);
      expect(result.config).toMatchObject({
        model: "browser",
        widgetToken: "wt_angular",
        userEmail: "a@b.example",
      });
      expect(result.problems).toEqual([]);
    }
  });

  it("reads a hand-written component: class and parameter decorators, a cast, isPlatformBrowser, options inline", () => {
    const text = `import { Component, Inject, PLATFORM_ID, type OnInit } from '@angular/core';
import { isPlatformBrowser } from '@angular/common';

declare function initOpenScript(options: object): void;

@Component({ selector: 'app-chat', template: '' })
export class ChatComponent implements OnInit {
  constructor(@Inject(PLATFORM_ID) private platformId: object) {}
  ngOnInit(): void {
    if (!isPlatformBrowser(this.platformId)) return;
    const script = <HTMLScriptElement>document.createElement('script');
    script.src = 'https://unpkg.com/@opencx/widget@4.0.63/dist-embed/script.js';
    script.onload = () => initOpenScript({ token: 'wt_ng_1', collectUserData: true });
    document.head.append(script);
  }
}
`;
    const result = importSnippet(text, base());
    expect(result.ok).toBe(true);
    expect(result.kind).toBe("angular");
    expect(result.version).toEqual({ snippet: "v4", pin: "4.0.63", applied: "v4" });
    expect(result.config).toMatchObject({
      model: "collect",
      widgetToken: "wt_ng_1",
      orgName: "Kept Org",
    });
    expect(result.problems).toEqual([]);
  });

  it("a decorated class without an @angular import is still read as Angular", () => {
    const text = `@Component({ selector: 'x', template: '' })
class X {}
window.initOpenScript({ token: 'wt_bare' });
`;
    const result = importSnippet(text, base());
    expect(result.kind).toBe("angular");
    expect(result.config.widgetToken).toBe("wt_bare");
  });

  it("points a syntax error at its place in the component", () => {
    const text = `import { Component } from '@angular/core';\n@Component({ selector: 'x', template: '' })\nexport class X {\n  start() { window.initOpenScript({ token: 'wt_1' }; }\n}\n`;
    const result = importSnippet(text, base());
    expect(result.ok).toBe(false);
    expect(result.kind).toBe("angular");
    const range = result.problems[0]!.range!;
    expect(text.slice(range.start, range.end)).toBe(";");
    expect(text.slice(0, range.start)).toContain("window.initOpenScript({ token: 'wt_1' }");
  });

  it("names Angular when the pasted file renders the widget but holds no options", () => {
    const text = `import { Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { OpenCxWidget } from './opencx-widget';

@Component({
  selector: 'app-root',
  imports: [RouterOutlet, OpenCxWidget],
  template: '<router-outlet /><app-opencx-widget />',
})
export class App {}
`;
    const result = importSnippet(text, base());
    expect(result.ok).toBe(false);
    expect(result.kind).toBe("angular");
    expect(result.problems.map((p) => p.message)).toEqual([
      "No widget options found in this Angular file: paste the component that calls initOpenScript(options) (src/app/opencx-widget.ts), not the component that renders it.",
    ]);
  });

  it("a React component and a plain script are not read as Angular", () => {
    const react = `import { Widget } from '@opencx/widget-react';\nexport const W = () => <Widget options={{ token: 'wt_r' }} />;\n`;
    expect(importSnippet(react, base()).kind).toBe("react");
    const script = `// @Component( in a comment is not a decorator\nwindow.initOpenScript({ token: 'wt_s' });\n`;
    expect(importSnippet(script, base()).kind).toBe("script");
  });
});
