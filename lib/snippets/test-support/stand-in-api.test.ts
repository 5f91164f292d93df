import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStandInApi, type StandInApi } from "./stand-in-api";
import { missingRuntimeMessage, RUNTIME_PROBES } from "./runtimes";

let api: StandInApi;
beforeAll(async () => {
  api = await startStandInApi();
});
afterAll(() => api.close());

describe("the stand-in API", () => {
  it("records method, path, headers and body, and answers 201 with a token per request", async () => {
    const first = await fetch(`${api.baseUrl}/widget/authenticate-user`, {
      method: "POST",
      headers: { Authorization: "Bearer sentinel", "Content-Type": "application/json" },
      body: JSON.stringify({ email: "a@example.com" }),
    });
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ token: "token-0", contact: { id: "contact-1" } });
    const second = await fetch(`${api.baseUrl}/other?x=1`, { method: "POST", body: "not json" });
    expect(((await second.json()) as { token: string }).token).toBe("token-1");
    expect(api.requests[0]).toMatchObject({
      method: "POST",
      path: "/widget/authenticate-user",
      json: { email: "a@example.com" },
      token: "token-0",
    });
    expect(api.requests[0]!.headers.authorization).toBe("Bearer sentinel");
    expect(api.requests[0]!.headers["content-type"]).toBe("application/json");
    expect(api.requests[1]).toMatchObject({
      path: "/other?x=1",
      body: "not json",
      json: undefined,
    });
  });
});

describe("runtime probes", () => {
  it("name the Debian packages CI installs, and say so when one is missing", () => {
    expect(
      Object.values(RUNTIME_PROBES)
        .map((p) => p.apt)
        .join(" "),
    ).toBe(
      "php-cli php-curl ruby golang-go default-jdk-headless python3-requests python3-flask python3-requests curl jq",
    );
    expect(missingRuntimeMessage("php")).toBe(
      "php is not installed: its snippet tests did not run (apt-get install php-cli php-curl).",
    );
  });
});
