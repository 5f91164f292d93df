"use client";
import dynamic from "next/dynamic";
import type { TokenClockProps } from "./token-clock";

// The clock is code for the verified model only: it loads when that model is first shown, so it
// is not part of the page's first load.
const TokenClock = dynamic(() => import("./token-clock").then((m) => m.TokenClock), {
  ssr: false,
});

/** The device panel's token clock (verified model): mounted only while the model is "server". */
export function TokenClockSlot(props: TokenClockProps) {
  return props.config.model === "server" ? <TokenClock {...props} /> : null;
}
