import { advisory } from "./helpers";
import type { Rule } from "./types";

const ID = "avatar-url-not-sent";

/** user.data.avatarUrl is in the type but sent by neither version (domain.md §2, domain-v5.md §2). */
export const avatarUrlNotSent: Rule = {
  id: ID,
  check(config) {
    if (config.model !== "browser" || config.userAvatarUrl === "") return [];
    return [
      advisory(
        ID,
        "info",
        "userAvatarUrl",
        "Neither widget version (v4 or v5) sends user.data.avatarUrl when it creates the contact, so agents will not see this avatar. Send avatar_url from your server (Server model) instead.",
      ),
    ];
  },
};
