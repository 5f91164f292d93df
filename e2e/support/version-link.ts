/**
 * Share links for the widget-version journeys, made with the page's own codec (format 2): the
 * header's version switch is built elsewhere, so these specs set the version through the link.
 */
import { defaultConfig, type PlaygroundConfig } from "../../lib/config/options";
import { shareQuery } from "../../lib/url/codec";

/** `/?s=2.…` for the defaults with `over` applied (`/` for the defaults themselves). */
export function configLink(over: Partial<PlaygroundConfig>): string {
  return `/${shareQuery({ ...defaultConfig(), ...over })}`;
}
