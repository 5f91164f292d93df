"use client";
import dynamic from "next/dynamic";
import { useRef, useState } from "react";

// The dialog (and the embed code generator) is fetched on first use, not with the page.
const loadDialog = () => import("./embed-dialog");
const EmbedDialog = dynamic(() => loadDialog().then((m) => m.EmbedDialog), { ssr: false });

/** The header's "Embed" button: opens the dialog with the iframe code for the current state. */
export function EmbedButton({ className }: { className: string }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={button}
        type="button"
        aria-haspopup="dialog"
        className={className}
        // Start fetching the dialog when the pointer or focus arrives, so it opens at once.
        onPointerEnter={() => void loadDialog()}
        onFocus={() => void loadDialog()}
        onClick={() => setOpen(true)}
        data-testid="header.embed"
      >
        Embed
      </button>
      {open ? (
        <EmbedDialog
          onClose={() => {
            setOpen(false);
            button.current?.focus();
          }}
        />
      ) : null}
    </>
  );
}
