import type { Screen } from "@/lib/identity";
import { springAnimation } from "@/lib/preview/version";
import { cx } from "./ui";

/** v5's opening spring as a CSS duration and `linear()` easing (computed once). */
const SPRING = springAnimation();

/** Screen sizes (domain.md §8): the welcome screen is 400px wide with auto height. */
export const SCREEN_SIZES: Record<Screen, { width: string; height: string }> = {
  welcome: { width: "400px", height: "auto" },
  sessions: { width: "450px", height: "600px" },
  chat: { width: "525px", height: "700px" },
};

/**
 * The content container, standing in for the widget's content iframe.
 *
 * In the widget that iframe sits in a Radix popover box whose bottom edge is
 * 20 + 48 + 2 × 2 + 10 = 82px above the viewport bottom (domain.md §7.4). The
 * iframe is `display: inline`, so it rests on the box's text baseline and the
 * line's descent (4px at the box's 16px font) stays empty below it: the visible
 * window ends 86px above the viewport bottom. Its height is capped at
 * `100vh - 20 - 82 - 4` = `100vh - 106px` (so it never comes closer than 20px to
 * the top) and its right edge lines up with the trigger offset, 20px. On small
 * screens it covers the page.
 *
 * Like the widget's popover (mounted once, `display: none` while closed), it
 * stays mounted while closed: screen, typed text and size come back as they were.
 *
 * Opening: v4 fades and slides 8px up in 200ms; v5 drives the same movement with its spring
 * (which properties v5's spring animates is not documented, so the movement is v4's). With
 * reduced motion neither moves.
 */
export function WidgetContainer({
  id,
  screen,
  small,
  open,
  motion = "ease",
  children,
}: {
  id: string;
  screen: Screen;
  small: boolean;
  open: boolean;
  motion?: "ease" | "spring";
  children: React.ReactNode;
}) {
  const size = SCREEN_SIZES[screen];
  const spring: React.CSSProperties =
    motion === "spring"
      ? { animationDuration: `${SPRING.durationMs}ms`, animationTimingFunction: SPRING.easing }
      : {};
  return (
    <section
      id={id}
      aria-label="OpenCX Live Chat"
      data-screen={screen}
      data-motion={motion}
      hidden={!open}
      style={small ? spring : { ...spring, width: size.width, height: size.height }}
      className={cx(
        "fixed z-[10000001] flex flex-col overflow-hidden bg-background text-secondary-foreground antialiased",
        "animate-widget-open outline-none",
        motion === "spring" && "motion-reduce:animate-none",
        small
          ? "inset-0 h-dvh w-dvw rounded-none"
          : cx(
              "right-5 bottom-[86px] max-h-[calc(100vh-106px)] max-w-[calc(100vw-40px)] rounded-[32px]",
              "shadow-[0_0px_100px_0px_rgb(0_0_0/0.25)]",
              "transition-[width,height] duration-1000 ease-[cubic-bezier(0.16,1,0.3,1)]",
            ),
      )}
    >
      {children}
    </section>
  );
}
