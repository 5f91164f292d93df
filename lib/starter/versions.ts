/**
 * The exact versions a starter project pins (never a range): the ones this playground itself is
 * built and tested with (`package.json`, /work/shared/stack-notes.md), checked on the npm registry
 * with `npm view <pkg> version` on 2026-12-03, and Express's current major. The widget's own
 * package comes from `WIDGET_PINS`, like every snippet's pin.
 */
export const STARTER_VERSIONS = {
  next: "16.4.6",
  react: "19.3.1",
  "react-dom": "19.3.1",
  typescript: "6.0.3",
  "@types/node": "20.9.5",
  "@types/react": "19.3.0",
  "@types/react-dom": "19.3.0",
  express: "5.3.0",
} as const;

/** The Node versions a starter runs on: Next 16 needs 20.9, and `--env-file` is there since 20.6. */
export const STARTER_NODE_ENGINES = ">=20.9";
