"use client";
/**
 * The code panel's toolbar: "Edit options as code" (the Monaco editor), "Import snippet…",
 * "Check installation…" (the installation doctor) and "Download project…" (a starter project as a
 * zip). Each is fetched on first use (pointer or focus on the button starts the fetch); this module
 * is all the first load carries.
 */
import dynamic from "next/dynamic";
import { useRef, useState } from "react";
import { useAnnounce } from "@/components/state/announcer";
import { usePlayground, usePlaygroundStore } from "@/components/state/store-provider";
import type { ImportApplied } from "@/components/import/import-dialog";

const loadEditor = () => import("./options-editor");
const loadImport = () => import("@/components/import/import-dialog");
const OptionsEditor = dynamic(() => loadEditor().then((m) => m.OptionsEditor), {
  ssr: false,
  loading: () => (
    <p
      className="rounded-lg border border-(--cp-border) p-3 text-xs text-(--cp-muted)"
      data-testid="editor.loading"
    >
      Loading the editor…
    </p>
  ),
});
const ImportDialog = dynamic(() => loadImport().then((m) => m.ImportDialog), { ssr: false });
const loadDoctor = () => import("@/components/doctor/doctor-dialog");
const DoctorDialog = dynamic(() => loadDoctor().then((m) => m.DoctorDialog), { ssr: false });
const loadDownload = () => import("@/components/starter/download-panel");
const DownloadPanel = dynamic(() => loadDownload().then((m) => m.DownloadPanel), {
  ssr: false,
  loading: () => (
    <p
      className="rounded-lg border border-(--cp-border) p-3 text-xs text-(--cp-muted)"
      data-testid="code.download.loading"
    >
      Loading…
    </p>
  ),
});

const button =
  "rounded-md border border-(--cp-border) bg-(--cp-surface) px-2.5 py-1 text-xs font-medium text-(--cp-text) hover:bg-(--cp-button-hover) focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-(--cp-focus) aria-expanded:bg-(--cp-tab-active) aria-expanded:ring-1 aria-expanded:ring-(--cp-border)";

export function CodeTools() {
  const store = usePlaygroundStore();
  const announce = useAnnounce();
  const [editorOpen, setEditorOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const [doctorOpen, setDoctorOpen] = useState(false);
  const [downloadOpen, setDownloadOpen] = useState(false);
  /** The last import or "Open in playground" from the doctor, with what Undo says. */
  const [undo, setUndo] = useState<
    (ImportApplied & { undoLabel: string; undone: string; from: "import" | "doctor" }) | null
  >(null);
  const doctorButton = useRef<HTMLButtonElement>(null);
  const editorButton = useRef<HTMLButtonElement>(null);
  const importButton = useRef<HTMLButtonElement>(null);
  const panelId = "options-editor-panel";
  const downloadId = "download-starter-panel";

  // Undo is offered while the config is still the imported one; any later change ends the offer.
  // (A yes/no selector: the toolbar does not re-render on every keystroke.)
  const stillApplied = usePlayground((s) => undo !== null && undo.applied === s.config);
  const undoable = undo && stillApplied ? undo : null;

  const closeEditor = () => {
    setEditorOpen(false);
    editorButton.current?.focus();
  };

  return (
    // `code-panel` for its colour variables (light and dark), as the snippets below use.
    <div className="code-panel flex flex-col gap-2 text-(--cp-text)">
      <div role="toolbar" aria-label="Options" className="flex flex-wrap items-center gap-2">
        <button
          ref={editorButton}
          type="button"
          aria-expanded={editorOpen}
          aria-controls={editorOpen ? panelId : undefined}
          onPointerEnter={() => void loadEditor()}
          onFocus={() => void loadEditor()}
          onClick={() => (editorOpen ? closeEditor() : setEditorOpen(true))}
          className={button}
          data-testid="code.editOptions"
        >
          Edit options as code
        </button>
        <button
          ref={importButton}
          type="button"
          aria-haspopup="dialog"
          onPointerEnter={() => void loadImport()}
          onFocus={() => void loadImport()}
          onClick={() => setImportOpen(true)}
          className={button}
          data-testid="code.import"
        >
          Import snippet…
        </button>
        <button
          ref={doctorButton}
          type="button"
          aria-haspopup="dialog"
          onPointerEnter={() => void loadDoctor()}
          onFocus={() => void loadDoctor()}
          onClick={() => setDoctorOpen(true)}
          className={button}
          data-testid="code.doctor"
        >
          Check installation…
        </button>
        <button
          type="button"
          aria-expanded={downloadOpen}
          aria-controls={downloadOpen ? downloadId : undefined}
          onPointerEnter={() => void loadDownload()}
          onFocus={() => void loadDownload()}
          onClick={() => setDownloadOpen(!downloadOpen)}
          className={button}
          data-testid="code.download"
        >
          Download project…
        </button>
        {undoable ? (
          <span
            className="flex items-center gap-2 text-xs text-(--cp-muted)"
            data-testid="import.undoNotice"
          >
            {undoable.summary}
            <button
              type="button"
              className={button}
              onClick={() => {
                store.getState().replaceConfig(undoable.previous);
                setUndo(null);
                announce(`${undoable.undone}: the previous options are back.`);
                (undoable.from === "doctor" ? doctorButton : importButton).current?.focus();
              }}
              data-testid="import.undo"
            >
              {undoable.undoLabel}
            </button>
          </span>
        ) : null}
      </div>
      {editorOpen ? (
        <div id={panelId}>
          <OptionsEditor onClose={closeEditor} />
        </div>
      ) : null}
      {downloadOpen ? <DownloadPanel id={downloadId} /> : null}
      {importOpen ? (
        <ImportDialog
          onClose={() => {
            setImportOpen(false);
            importButton.current?.focus();
          }}
          onApplied={(applied) => {
            setUndo({
              ...applied,
              undoLabel: "Undo import",
              undone: "Import undone",
              from: "import",
            });
            announce(`${applied.summary} Undo import is next to the Import snippet button.`);
          }}
        />
      ) : null}
      {doctorOpen ? (
        <DoctorDialog
          onClose={() => {
            setDoctorOpen(false);
            doctorButton.current?.focus();
          }}
          onApplied={(applied) => {
            setUndo({ ...applied, undoLabel: "Undo", undone: "Undone", from: "doctor" });
            announce(`${applied.summary} Undo is next to the Check installation button.`);
          }}
        />
      ) : null}
    </div>
  );
}
