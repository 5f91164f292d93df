/** Inline icons for the replica, drawn on a 24-unit grid; decorative (the buttons carry the labels). */

interface IconProps {
  size?: number;
  className?: string;
}

function Svg({ size = 16, className, children }: IconProps & { children: React.ReactNode }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className={className}
    >
      {children}
    </svg>
  );
}

/** The launcher's speech bubble: a filled rounded bubble with a tail at the bottom left. */
export function ChatBubbleIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path
        d="M12 3.5c5 0 9 3.4 9 7.6s-4 7.6-9 7.6c-1 0-2-.1-2.9-.4L4.6 20.2l1.2-3.9C4.1 14.9 3 13.1 3 11.1 3 6.9 7 3.5 12 3.5Z"
        fill="currentColor"
        stroke="none"
      />
    </Svg>
  );
}

export function ChevronDownIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M6 9l6 6 6-6" />
    </Svg>
  );
}

export function ChevronLeftIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M15 6l-6 6 6 6" />
    </Svg>
  );
}

export function ChevronRightIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M9 6l6 6-6 6" />
    </Svg>
  );
}

export function CloseIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M6 6l12 12M18 6L6 18" />
    </Svg>
  );
}

/** A paper plane pointing right (the welcome button). */
export function SendRightIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M4 4l17 8-17 8 3-8-3-8Z" />
      <path d="M7 12h7" />
    </Svg>
  );
}

export function ArrowUpIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M12 19V5M6 11l6-6 6 6" />
    </Svg>
  );
}

export function PaperclipIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M8.5 12.5l6-6a3 3 0 0 1 4.2 4.2l-7.4 7.4a5 5 0 0 1-7-7L11.5 4" />
      <path d="M16.6 8.6l-6.9 6.9a1 1 0 0 1-1.4-1.4l5.5-5.5" />
    </Svg>
  );
}

export function UserRoundIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <circle cx="12" cy="8.5" r="4" />
      <path d="M4.5 20.5a7.5 7.5 0 0 1 15 0" />
    </Svg>
  );
}

/** The "open" mark in the Powered-by row: a ring. */
export function OpenLogoIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <circle cx="12" cy="12" r="7.5" strokeWidth={4.5} />
    </Svg>
  );
}

/** The loading spinner's mark: eight short spokes around the centre. */
export function SpinnerIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M12 2.5v4M12 17.5v4M2.5 12h4M17.5 12h4M5.3 5.3l2.8 2.8M15.9 15.9l2.8 2.8M5.3 18.7l2.8-2.8M15.9 8.1l2.8-2.8" />
    </Svg>
  );
}
