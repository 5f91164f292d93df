import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    include: [
      "lib/**/*.test.ts",
      "components/**/*.test.ts",
      "app/**/*.test.ts",
      "scripts/**/*.test.ts",
    ],
    environment: "node",
    // The property files fork python3/bash and parse thousands of snippets; on a
    // busy 2-core machine one of them took 63 s. Generous, since this is not a timing check.
    testTimeout: 180_000,
    // Two workers on two cores: the heavy property files run side by side.
    maxWorkers: 2,
  },
});
