"use client";
import { useId } from "react";
import { LANGUAGE_NAMES, SERVER_LANGUAGE_CHOICES, toApiLanguage } from "@/lib/config/languages";
import { OPTIONS } from "@/lib/config/options";
import { usePlayground } from "@/components/state/store-provider";
import { AlsoCollectToggle } from "./collect-section";
import { FieldShell, inputClass, SectionCard, TextOption } from "./field";
import { KeyValueEditor } from "./key-value-editor";

function ServerLanguageSelect() {
  const id = useId();
  const value = usePlayground((s) => s.config.serverLanguage);
  const setOption = usePlayground((s) => s.setOption);
  return (
    <FieldShell
      id={id}
      label={OPTIONS.serverLanguage.label}
      help={OPTIONS.serverLanguage.help}
      option="serverLanguage"
    >
      <select
        id={id}
        value={value}
        onChange={(e) => setOption("serverLanguage", e.target.value as typeof value)}
        className={inputClass}
        data-testid="controls.server.serverLanguage"
      >
        <option value="">Not sent</option>
        {SERVER_LANGUAGE_CHOICES.map((code) => {
          const mapping = toApiLanguage(code);
          const note =
            mapping.kind === "mapped"
              ? ` (widget code, sent as ${mapping.code})`
              : mapping.kind === "unsupported"
                ? " (widget only: not sent)"
                : "";
          return (
            <option key={code} value={code}>
              {code} · {LANGUAGE_NAMES[code] ?? code}
              {note}
            </option>
          );
        })}
      </select>
    </FieldShell>
  );
}

export function ServerSection() {
  return (
    <SectionCard
      title="Server authentication (authenticate-user)"
      description="Your backend calls POST https://api.open.cx/widget/authenticate-user with the org API key and hands the token to user.token."
      testId="controls.server"
    >
      <TextOption name="serverEmail" type="email" placeholder="jane@example.com" />
      <TextOption name="serverName" placeholder="Jane Doe" />
      <TextOption name="serverAvatarUrl" type="url" placeholder="https://…/avatar.png" />
      <TextOption name="serverPhone" type="tel" placeholder="+1234567890" />
      <ServerLanguageSelect />
      <KeyValueEditor name="serverCustomData" />
      <TextOption
        name="serverChatContext"
        multiline
        placeholder="e.g. Premium customer since 2021"
      />
      <TextOption
        name="apiKey"
        type="password"
        placeholder="Stays in this tab: never in links or snippets"
      />
      <AlsoCollectToggle />
    </SectionCard>
  );
}
