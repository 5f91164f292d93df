"use client";
/**
 * Draws a card's option rows from the option table: generic fields for the text kinds, colour,
 * select and boolean rows; the hand-written control a row names in `control.custom` otherwise.
 */
import { memo, type ComponentType } from "react";
import { useShallow } from "zustand/react/shallow";
import {
  OPTIONS,
  type CustomControl,
  type OptionKey,
  type OptionSection,
} from "@/lib/config/options";
import { usePlayground, usePlaygroundStore } from "@/components/state/store-provider";
import { useAnnounce } from "@/components/state/announcer";
import { AlsoCollectToggle } from "./also-collect-toggle";
import { ExtraFieldsEditor } from "./extra-fields-editor";
import { BooleanOption, ColourOption, SelectOption, TextOption } from "./field";
import { KeyValueEditor } from "./key-value-editor";
import { isLifecycleSwitch, lifecycleAnnouncement, type LifecycleSwitch } from "./lifecycle-text";
import { ModelCards } from "./model-cards";
import { sectionLayout, type LayoutEntry } from "./section-layout";
import { StringListEditor } from "./string-list-editor";

type KeyValueKey = Parameters<typeof KeyValueEditor>[0]["name"];
const isKeyValueKey = (key: OptionKey): key is KeyValueKey =>
  OPTIONS[key].control.kind === "key-value";

/** The one place a custom control name meets its component. */
const CUSTOM_CONTROLS: Record<CustomControl, ComponentType<{ name: OptionKey }>> = {
  "model-cards": ModelCards,
  "extra-fields-editor": ExtraFieldsEditor,
  "key-value-editor": ({ name }) => (isKeyValueKey(name) ? <KeyValueEditor name={name} /> : null),
  "also-collect-toggle": AlsoCollectToggle,
  // The contact token comes from the preview's verified flow (components/preview/host), not
  // from a field in the controls.
  "verified-flow": () => null,
  // The widget version is switched in the page header, not in a card (section-layout never
  // lays it out in one).
  "version-switch": () => null,
  "string-list-editor": StringListEditor,
};

/**
 * Personal connections need `streaming` and `capabilities.connections` (domain-v5.md §10.5):
 * switching it on switches them on too and says so; they can be turned off again later (an
 * advisory then says what breaks).
 */
function PersonalConnectionsToggle({ card }: { card: OptionSection }) {
  const store = usePlaygroundStore();
  const announce = useAnnounce();
  const toggle = (on: boolean) => {
    const switched = store.getState().setPersonalConnections(on);
    if (!on) {
      announce("Personal connections off: the token is minted without mcp_access.");
      return;
    }
    const names = switched.map((key) => OPTIONS[key].label).join(" and ");
    announce(
      switched.length > 0
        ? `Personal connections on. Also switched on ${names} in the features card: personal connections need both.`
        : "Personal connections on. Streaming and capabilities.connections are already on: personal connections need both.",
    );
  };
  return (
    <BooleanOption
      name="personalConnections"
      card={card}
      control={OPTIONS.personalConnections.control as { kind: "boolean" }}
      onToggle={toggle}
    />
  );
}

/** A lifecycle switch: says what the preview now shows, since the preview sits in another region. */
function LifecycleToggle({ name, card }: { name: LifecycleSwitch; card: OptionSection }) {
  const setOption = usePlayground((s) => s.setOption);
  const announce = useAnnounce();
  const toggle = (on: boolean) => {
    setOption(name, on);
    announce(lifecycleAnnouncement(name, on));
  };
  return (
    <BooleanOption
      name={name}
      card={card}
      control={OPTIONS[name].control as { kind: "boolean" }}
      onToggle={toggle}
    />
  );
}

/** Memoised: a keystroke re-renders the one field whose value changed, not its whole card. */
const OptionControl = memo(function OptionControl({
  entry: { key, control },
  card,
}: {
  entry: LayoutEntry;
  card: OptionSection;
}) {
  if (control.custom) {
    const Custom = CUSTOM_CONTROLS[control.custom];
    return <Custom name={key} />;
  }
  switch (control.kind) {
    case "text":
    case "email":
    case "url":
    case "tel":
    case "password":
    case "multiline":
      return <TextOption name={key} card={card} control={control} />;
    case "colour":
      return <ColourOption name={key} card={card} control={control} />;
    case "select":
      return <SelectOption name={key} card={card} control={control} />;
    case "boolean":
      if (key === "personalConnections") return <PersonalConnectionsToggle card={card} />;
      if (isLifecycleSwitch(key)) return <LifecycleToggle name={key} card={card} />;
      return <BooleanOption name={key} card={card} control={control} />;
    case "list":
    case "key-value":
      // No generic field: such rows name a custom control (section-layout.test.ts checks).
      return null;
  }
});

/** One entry object per option, so the memoised controls see the same props on every render. */
const ENTRIES = new Map<OptionKey, LayoutEntry>();
const entryOf = (entry: LayoutEntry) => {
  let kept = ENTRIES.get(entry.key);
  if (!kept || kept.control !== entry.control) ENTRIES.set(entry.key, (kept = entry));
  return kept;
};

/** The rows the `section` card draws for the chosen model and switches, in layout order. */
export function SectionOptions({ section }: { section: OptionSection }) {
  // Only the list of rows: the card re-renders when a row appears or goes, not on every keystroke.
  const entries = usePlayground(useShallow((s) => sectionLayout(section, s.config).map(entryOf)));
  return entries.map((entry) => <OptionControl key={entry.key} entry={entry} card={section} />);
}
