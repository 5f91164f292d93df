/**
 * Which targets apply to a config, without any generator: the page's tab list and its link
 * need this at first load, while the generators (`./index`) load on demand (`./on-demand`).
 */
import type { PlaygroundConfig } from "../config/options";
import { isVerified } from "./model";
import { CLIENT_TARGETS, SNIPPET_TARGETS, type SnippetTarget } from "./types";

/** The targets that apply to `config`: client targets always, server targets for the verified model. */
export function applicableTargets(config: PlaygroundConfig): SnippetTarget[] {
  // Every target is a client target or a server target (SNIPPET_TARGETS = CLIENT_TARGETS + SERVER_TARGETS).
  return SNIPPET_TARGETS.filter((t) => CLIENT_TARGETS.includes(t) || isVerified(config));
}
