import { ChatBubbleIcon, ChevronDownIcon } from "./icons";
import { cx, FOCUS_RING } from "./ui";

export const LAUNCHER_LABEL = "Chat with us";

/** The trigger: a 48px round button, 20px from the bottom-right corner. */
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
    <button
      type="button"
      ref={ref}
      hidden={hidden}
      data-testid="preview.launcher"
      aria-label={LAUNCHER_LABEL}
      title={LAUNCHER_LABEL}
      aria-expanded={open}
      aria-controls={controls}
      onClick={onToggle}
      className={cx(
        "fixed right-5 bottom-5 z-[10000000] flex size-12 items-center justify-center rounded-full",
        "bg-primary text-primary-foreground transition-transform active:scale-95",
        FOCUS_RING,
        "focus-visible:ring-offset-white",
      )}
    >
      {open ? <ChevronDownIcon size={24} /> : <ChatBubbleIcon size={24} />}
    </button>
  );
}
