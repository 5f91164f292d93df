/** Shared pieces of the replica: button and input styles, the header, the "Powered by" row. */
import { encodeUriComponentSafe } from "@/lib/url/encode";
import { ChevronLeftIcon, CloseIcon, OpenLogoIcon } from "./icons";

export function cx(...classes: (string | false | null | undefined)[]): string {
  return classes.filter(Boolean).join(" ");
}

/**
 * Marks text whose low contrast is the widget's own styling (kept for fidelity),
 * so accessibility checks can exclude exactly these nodes: `[data-faithful-contrast]`.
 */
export const FAITHFUL_CONTRAST = { "data-faithful-contrast": "" } as const;

export const FOCUS_RING =
  "outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background";

const BUTTON = cx(
  "inline-flex items-center justify-center gap-2 whitespace-nowrap text-sm font-medium transition-colors",
  "disabled:pointer-events-none disabled:opacity-50",
  FOCUS_RING,
);

export const BUTTON_PRIMARY = cx(BUTTON, "bg-primary text-primary-foreground hover:bg-primary/90");
export const BUTTON_GHOST = cx(BUTTON, "hover:bg-accent hover:text-accent-foreground");
/** Size `lg`: min-height 48px, radius 20px. */
export const BUTTON_LG = "min-h-12 w-full px-4 rounded-[20px]";
/** A 32px round icon button. */
export const BUTTON_ICON = "size-8 shrink-0 rounded-full";

export const INPUT = cx(
  "block w-full rounded-2xl border border-input bg-[white] px-4 py-2 text-sm small:text-base shadow-xs",
  "placeholder:text-muted-foreground/75 outline-none focus-visible:ring-2 focus-visible:ring-ring",
);

/** Sessions and chat screens: 8 × 16px padding, a 32px row. */
export function ScreenHeader({
  title,
  titleClassName,
  onBack,
  onClose,
}: {
  title: string;
  titleClassName?: string;
  onBack?: () => void;
  /** Only on small screens, where the widget covers the page. */
  onClose?: () => void;
}) {
  return (
    <header className="shrink-0 px-4 py-2">
      <div className="flex h-8 items-center gap-2">
        {onBack && (
          <button
            type="button"
            onClick={onBack}
            aria-label="Back to conversations"
            className={cx(BUTTON_GHOST, BUTTON_ICON)}
          >
            <ChevronLeftIcon size={16} />
          </button>
        )}
        <h2 className={cx("min-w-0 flex-1 truncate text-base font-semibold", titleClassName)}>
          {title}
        </h2>
        {onClose && <CloseButton onClose={onClose} />}
      </div>
    </header>
  );
}

export function CloseButton({ onClose, className }: { onClose: () => void; className?: string }) {
  return (
    <button
      type="button"
      onClick={onClose}
      aria-label="Close"
      className={cx(BUTTON_GHOST, BUTTON_ICON, className)}
    >
      <CloseIcon size={16} />
    </button>
  );
}

/**
 * The "Powered by open" row: a centred row padded 8px at the sides and bottom and
 * none on top (the widget's `p-2 pt-0`), holding a 10px link whose `ref` is the
 * widget token.
 */
export function PoweredBy({ widgetToken, className }: { widgetToken: string; className?: string }) {
  return (
    <div
      data-testid="preview.poweredBy"
      className={cx("flex items-center justify-center p-2 pt-0", className)}
    >
      <a
        {...FAITHFUL_CONTRAST}
        // A share link can make the token a lone surrogate, on which encodeURIComponent throws.
        href={`https://open.cx/?ref=${encodeUriComponentSafe(widgetToken)}`}
        target="_blank"
        rel="noopener"
        className={cx(
          "flex items-center rounded-sm text-[10px] text-muted-foreground/70",
          FOCUS_RING,
        )}
      >
        Powered by{"\u00a0"}
        <span className="flex items-center gap-px">
          <OpenLogoIcon size={12} />
          <span className="font-semibold">open</span>
        </span>
        <span className="sr-only"> (opens in a new tab)</span>
      </a>
    </div>
  );
}
