import { ChatBubbleIcon, ChevronDownIcon } from "./icons";
import { cx, FOCUS_RING } from "./ui";

export const LAUNCHER_LABEL = "Chat with us";

/** The widget's wobble room: its trigger iframe is the button plus 2px on each side. */
const WOBBLE_PX = 2;
const BUTTON_PX = 48;

/**
 * The trigger (domain.md §7.4). The widget puts it in its own iframe of
 * (48 + 2 × 2) = 52 × 52px, fixed 20px from the bottom-right corner, with the
 * 48px button centred in it: the button itself is 22px from the edges. The
 * wrapper stands in for that iframe.
 *
 * Like the widget's Radix popover trigger it says `aria-expanded`,
 * `aria-haspopup="dialog"` and `data-state="open" | "closed"`, and shows a
 * chevron while open, the chat bubble while closed.
 */
export function Launcher({
  open,
  onToggle,
  controls,
  hidden = false,
  ref,
}: {
  open: boolean;
  hidden?: boolean;
  ref?: React.Ref<HTMLButtonElement>;
  onToggle: () => void;
  /** The id of the widget container it opens. */
  controls: string;
}) {
  return (
    <div
      data-testid="preview.trigger"
      hidden={hidden}
      style={{ width: BUTTON_PX + 2 * WOBBLE_PX, height: BUTTON_PX + 2 * WOBBLE_PX }}
      className="fixed right-5 bottom-5 z-[10000000] flex items-center justify-center rounded-full"
    >
      <button
        type="button"
        ref={ref}
        data-testid="preview.launcher"
        data-state={open ? "open" : "closed"}
        aria-label={LAUNCHER_LABEL}
        title={LAUNCHER_LABEL}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={controls}
        onClick={onToggle}
        style={{ width: BUTTON_PX, height: BUTTON_PX }}
        className={cx(
          "flex items-center justify-center rounded-full",
          "bg-primary text-primary-foreground transition-transform active:scale-95",
          FOCUS_RING,
          "focus-visible:ring-offset-white",
        )}
      >
        {open ? (
          <ChevronDownIcon size={24} />
        ) : (
          <ChatBubbleIcon size={24} className="mt-0.5 opacity-95" />
        )}
      </button>
    </div>
  );
}
