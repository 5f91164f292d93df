"use client";

import { useEffect, useRef } from "react";
import type { PreviewSession } from "@/lib/preview/messages";
import { ChevronRightIcon, SpinnerIcon, UserRoundIcon } from "./icons";
import {
  BUTTON_GHOST,
  BUTTON_LG,
  BUTTON_PRIMARY,
  cx,
  FAITHFUL_CONTRAST,
  PoweredBy,
  ScreenHeader,
} from "./ui";

export const SESSIONS_STRINGS = {
  closed: "Closed conversations",
  newConversation: "New conversation",
  empty: "No conversations yet",
  /** Said to assistive technology while the first sessions request is in flight (the widget shows only a spinner). */
  loading: "Loading conversations",
} as const;

export interface SessionsScreenProps {
  title: string;
  /** The AI's name on each card (v4 `AI Support Agent`; v5 the org's agent, lib/preview/version.ts). */
  aiAssignee: string;
  sessions: readonly PreviewSession[];
  /** The first `GET /sessions` is in flight: header, a centred spinner and the "Powered by" row only. */
  loading?: boolean;
  widgetToken: string;
  onOpenSession: (id: string) => void;
  onNewConversation: () => void;
  onClose?: () => void;
  /** Move focus into the screen on mount (after the visitor's own navigation). */
  focusOnMount?: boolean;
}

function SessionCard({
  session,
  aiAssignee,
  onOpen,
}: {
  session: PreviewSession;
  aiAssignee: string;
  onOpen: () => void;
}) {
  const last = session.messages.at(-1);
  return (
    <button
      type="button"
      onClick={onOpen}
      {...(session.status === "closed" ? FAITHFUL_CONTRAST : {})}
      className={cx(
        BUTTON_GHOST,
        "h-auto w-full justify-start gap-3 rounded-full p-2 pe-4 text-start",
        session.status === "closed" && "opacity-50 hover:opacity-100 focus-visible:opacity-100",
      )}
    >
      <span className="flex size-10 shrink-0 items-center justify-center rounded-full bg-secondary text-muted-foreground">
        <UserRoundIcon size={20} />
      </span>
      <span className="flex min-w-0 flex-1 flex-col gap-0.5">
        <span data-testid="preview.sessions.assignee" className="truncate text-sm font-medium">
          {aiAssignee}
        </span>
        <span {...FAITHFUL_CONTRAST} className="truncate text-xs font-normal text-muted-foreground">
          {last?.text ?? ""}
        </span>
      </span>
      <ChevronRightIcon size={16} className="shrink-0 text-muted-foreground" />
    </button>
  );
}

/** The conversation list (default 450 × 600px). */
export function SessionsScreen({
  title,
  aiAssignee,
  sessions,
  loading = false,
  widgetToken,
  onOpenSession,
  onNewConversation,
  onClose,
  focusOnMount = false,
}: SessionsScreenProps) {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusOnMount) root.current?.focus();
  }, [focusOnMount]);
  const open = sessions.filter((s) => s.status === "open");
  const closed = sessions.filter((s) => s.status === "closed");
  return (
    <div
      ref={root}
      tabIndex={-1}
      data-testid="preview.sessions"
      className="flex min-h-0 flex-1 animate-screen-in flex-col outline-none"
    >
      <ScreenHeader title={title} titleClassName="ps-2" onClose={onClose} />
      {loading ? (
        <div
          data-testid="preview.sessions.loading"
          role="status"
          className="flex flex-1 items-center justify-center p-2"
        >
          <SpinnerIcon size={16} className="motion-safe:animate-spin" />
          <span className="sr-only">{SESSIONS_STRINGS.loading}</span>
        </div>
      ) : (
        <div className="flex min-h-0 flex-1 flex-col overflow-y-auto">
          <div className="flex flex-1 flex-col gap-2 p-2">
            {sessions.length === 0 ? (
              <p className="m-auto text-sm text-muted-foreground">{SESSIONS_STRINGS.empty}</p>
            ) : (
              <>
                {open.length > 0 && (
                  <ul className="flex flex-col gap-2" aria-label="Open conversations">
                    {open.map((s) => (
                      <li key={s.id}>
                        <SessionCard
                          session={s}
                          aiAssignee={aiAssignee}
                          onOpen={() => onOpenSession(s.id)}
                        />
                      </li>
                    ))}
                  </ul>
                )}
                {closed.length > 0 && (
                  <section className="flex flex-col gap-2" aria-labelledby="preview-closed-title">
                    <h3
                      {...FAITHFUL_CONTRAST}
                      id="preview-closed-title"
                      className="px-2 pt-2 text-xs font-semibold text-muted-foreground/75 uppercase"
                    >
                      {SESSIONS_STRINGS.closed}
                    </h3>
                    <ul className="flex flex-col gap-2">
                      {closed.map((s) => (
                        <li key={s.id}>
                          <SessionCard
                            session={s}
                            aiAssignee={aiAssignee}
                            onOpen={() => onOpenSession(s.id)}
                          />
                        </li>
                      ))}
                    </ul>
                  </section>
                )}
              </>
            )}
          </div>
          <div className="sticky bottom-0 bg-background p-2 pt-0">
            <button
              type="button"
              onClick={onNewConversation}
              className={cx(BUTTON_PRIMARY, BUTTON_LG)}
            >
              {SESSIONS_STRINGS.newConversation}
            </button>
          </div>
        </div>
      )}
      {/* Below the list, outside its scroll area, as in the widget. */}
      <PoweredBy widgetToken={widgetToken} />
    </div>
  );
}
