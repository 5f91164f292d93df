"use client";
import { Suspense } from "react";
import dynamic from "next/dynamic";
import type { TokenClockProps } from "./token-clock";

// The clock is code for the verified model only: its chunk loads when that model is shown (and
// is rendered on the server then, so it does not pop in and push the frame down), never as part
// of the first load of another model. Its first render holds no time: no token is in force yet.
const TokenClock = dynamic(() => import("./token-clock").then((m) => m.TokenClock));

/**
 * The device panel's token clock (verified model): mounted only while the model is "server".
 * Its own Suspense boundary: next/dynamic adds none for a server-rendered component without a
 * `loading`, so choosing the model before the chunk arrived suspended the whole update, and React
 * put the model radio back unchecked until the chunk came (a click that did not seem to take).
 */
export function TokenClockSlot(props: TokenClockProps) {
  return props.config.model === "server" ? (
    <Suspense fallback={null}>
      <TokenClock {...props} />
    </Suspense>
  ) : null;
}
