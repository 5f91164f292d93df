"use client";

import { useEffect, useRef, useState } from "react";
import type { PreviewChatMessage } from "@/lib/preview/messages";
import { ArrowUpIcon, PaperclipIcon } from "./icons";
import { BUTTON_GHOST, BUTTON_ICON, BUTTON_PRIMARY, cx, ScreenHeader } from "./ui";

/** Strings both majors share; the send and attach tooltips come per version (lib/preview/version.ts). */
export const CHAT_STRINGS = {
  placeholder: "Write a message...",
  typing: "The assistant is typing",
} as const;

export interface ChatScreenProps {
  title: string;
  /** The send button's tooltip and name. */
  sendLabel: string;
  /** The attach button's tooltip and name. */
  attachLabel: string;
  /** v4: a white card; v5: a hairline border on the theme's background. */
  composer: "white" | "hairline-themed";
  /** Shown as one bot group while the chat has no messages. */
  initialMessages: readonly string[];
  messages: readonly PreviewChatMessage[];
  /** The bot is answering: three dots under the last message. */
  typing: boolean;
  onSend: (text: string) => void;
  /** Hidden with `router.chatScreenOnly`. */
  onBack?: () => void;
  onClose?: () => void;
  /** Focus the message box on mount (only after a visitor's own action, never on page load). */
  focusInput?: boolean;
}

type Role = PreviewChatMessage["role"];

/** Consecutive messages of one role form a group. */
function groupMessages(
  messages: readonly PreviewChatMessage[],
): { role: Role; items: PreviewChatMessage[] }[] {
  const groups: { role: Role; items: PreviewChatMessage[] }[] = [];
  for (const m of messages) {
    const last = groups.at(-1);
    if (last && last.role === m.role) last.items.push(m);
    else groups.push({ role: m.role, items: [m] });
  }
  return groups;
}

/** Grouped bubbles get smaller corners where they touch, on the speaker's side. */
function cornerClass(role: Role, index: number, count: number): string | false {
  if (count < 2) return false;
  const first = index === 0;
  const last = index === count - 1;
  if (role === "bot") return first ? "rounded-bl-md" : last ? "rounded-tl-md" : "rounded-l-md";
  return first ? "rounded-br-md" : last ? "rounded-tr-md" : "rounded-r-md";
}

function BotAvatar() {
  return <span aria-hidden="true" className="size-6 shrink-0 rounded-full bg-secondary" />;
}

function MessageGroup({ role, items }: { role: Role; items: readonly PreviewChatMessage[] }) {
  const bubbles = items.map((m, i) => (
    <div
      key={m.id}
      data-testid="preview.chat.message"
      data-role={role}
      className={cx(
        "w-fit max-w-full rounded-3xl px-4 py-3 text-sm break-words",
        role === "bot"
          ? "bg-secondary text-secondary-foreground"
          : "bg-primary whitespace-pre-wrap text-primary-foreground",
        cornerClass(role, i, items.length),
      )}
    >
      {m.text}
    </div>
  ));
  if (role === "user") {
    return <div className="ms-auto flex max-w-[83.333%] flex-col items-end gap-1">{bubbles}</div>;
  }
  return (
    <div className="flex max-w-[83.333%] items-end gap-2">
      <BotAvatar />
      <div className="flex min-w-0 flex-col items-start gap-1">{bubbles}</div>
    </div>
  );
}

function TypingIndicator() {
  return (
    <div className="flex items-end gap-2">
      <BotAvatar />
      <div role="status" className="flex h-7 items-center gap-1 rounded-xl bg-secondary px-3">
        <span className="sr-only">{CHAT_STRINGS.typing}</span>
        {[0, 150, 300].map((delay) => (
          <span
            key={delay}
            aria-hidden="true"
            className="size-1 animate-typing-dot rounded-full bg-secondary-foreground"
            style={{ animationDelay: `${delay}ms` }}
          />
        ))}
      </div>
    </div>
  );
}

/** The chat (default 525 × 700px). It has no "Powered by" row. */
export function ChatScreen({
  title,
  sendLabel,
  attachLabel,
  composer,
  initialMessages,
  messages,
  typing,
  onSend,
  onBack,
  onClose,
  focusInput = false,
}: ChatScreenProps) {
  const [draft, setDraft] = useState("");
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const logRef = useRef<HTMLDivElement>(null);
  const canSend = draft.trim() !== "";

  useEffect(() => {
    if (focusInput) inputRef.current?.focus();
  }, [focusInput]);

  useEffect(() => {
    const log = logRef.current;
    if (log) log.scrollTop = log.scrollHeight;
  }, [messages.length, typing]);

  function send() {
    if (!canSend) return;
    onSend(draft);
    setDraft("");
    inputRef.current?.focus();
  }

  const shown: PreviewChatMessage[] =
    messages.length > 0
      ? [...messages]
      : initialMessages.map((text, i) => ({ id: `initial-${i}`, role: "bot" as const, text }));

  return (
    <div data-testid="preview.chat" className="flex min-h-0 flex-1 animate-screen-in flex-col">
      <ScreenHeader title={title} onBack={onBack} onClose={onClose} />
      <div
        ref={logRef}
        role="log"
        aria-label="Messages"
        className="flex min-h-0 flex-1 flex-col gap-2 overflow-y-auto px-4 py-2"
      >
        {groupMessages(shown).map((g) => (
          <MessageGroup key={g.items[0]!.id} role={g.role} items={g.items} />
        ))}
        {typing && <TypingIndicator />}
      </div>
      <div className="shrink-0 p-2">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            send();
          }}
          data-testid="preview.chat.composer"
          className={cx(
            "flex flex-col gap-2 rounded-3xl p-2 focus-within:ring-2 focus-within:ring-ring/20",
            composer === "white" ? "bg-[white]" : "border border-border bg-background",
          )}
        >
          <textarea
            ref={inputRef}
            data-testid="preview.chat.input"
            rows={3}
            value={draft}
            placeholder={CHAT_STRINGS.placeholder}
            aria-label={CHAT_STRINGS.placeholder}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
                e.preventDefault();
                send();
              }
            }}
            className="field-sizing-content max-h-16 w-full resize-none bg-transparent px-2 py-0.5 text-sm small:text-base outline-none placeholder:text-muted-foreground/75"
          />
          <div className="flex items-center justify-between">
            {/* Attachments are not simulated: the button is shown as the widget shows it, but inert. */}
            <button
              type="button"
              aria-label={attachLabel}
              aria-disabled="true"
              title={attachLabel}
              className={cx(BUTTON_GHOST, BUTTON_ICON, "text-foreground")}
            >
              <PaperclipIcon size={16} />
            </button>
            <button
              type="submit"
              data-testid="preview.chat.send"
              aria-label={sendLabel}
              title={sendLabel}
              disabled={!canSend}
              className={cx(BUTTON_PRIMARY, BUTTON_ICON)}
            >
              <ArrowUpIcon size={16} />
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
