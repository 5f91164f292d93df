import type { Screen } from "@/lib/identity";
import { cx } from "./ui";

/** Screen sizes (domain.md §8): the welcome screen is 400px wide with auto height. */
export const SCREEN_SIZES: Record<Screen, { width: string; height: string }> = {
  welcome: { width: "400px", height: "auto" },
  sessions: { width: "450px", height: "600px" },
  chat: { width: "525px", height: "700px" },
};

/**
 * The content container. Its bottom edge sits 82px above the viewport bottom
 * (trigger offset 20 + button 48 + wobble 4 + side offset 10) and its right
 * edge lines up with the trigger; on small screens it covers the page.
 */
export function WidgetContainer({
  id,
  screen,
  small,
  children,
}: {
  id: string;
  screen: Screen;
  small: boolean;
  children: React.ReactNode;
}) {
  const size = SCREEN_SIZES[screen];
  return (
    <section
      id={id}
      aria-label="OpenCX Live Chat"
      data-screen={screen}
      style={small ? undefined : { width: size.width, height: size.height }}
      className={cx(
        "fixed z-[10000001] flex flex-col overflow-hidden bg-background text-secondary-foreground antialiased",
        "animate-widget-open outline-none",
        small
          ? "inset-0 h-dvh w-dvw rounded-none"
          : cx(
              "right-5 bottom-[82px] max-h-[calc(100vh-106px)] max-w-[calc(100vw-40px)] rounded-[32px]",
              "shadow-[0_0px_100px_0px_rgb(0_0_0/0.25)]",
              "transition-[width,height] duration-1000 ease-[cubic-bezier(0.16,1,0.3,1)]",
            ),
      )}
    >
      {children}
    </section>
  );
}
