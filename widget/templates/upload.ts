import { css, html, nothing } from 'lit';
import { fill, messages, type Lang } from '../../components/i18n/index.js';
import type { Attachment } from '../attachment.js';
import type { InputController } from '../controllers/input.js';

const ACCEPT =
  '.json,.jsonld,.jwt,.txt,.png,.svg,.pdf,application/pdf,application/json,application/ld+json,application/vc+ld+json,application/vc+jwt,image/png,image/svg+xml,text/plain';

export interface UploadView {
  lang: Lang;
  attachment: Attachment | undefined;
  required: boolean;
  disabled: boolean;
  input: InputController;
  onRemove: () => void;
}

/** The learner's side: what is attached with *Remove*, or the drop zone, the file picker and the paste field. */
export function uploadTemplate({ lang, attachment, required, disabled, input, onRemove }: UploadView) {
  const t = messages(lang);
  if (attachment) {
    return html`<div class="attached">
      <span>${fill(t.ui.attached, { name: attachment.name })}</span>
      <button part="button" type="button" data-anchor @click=${onRemove} ?disabled=${disabled}>${t.ui.remove}</button>
    </div>`;
  }
  return html`<div
    part="dropzone"
    class="dropzone ${input.dragging ? 'dragging' : ''}"
    @dragover=${input.onDragOver}
    @dragenter=${input.onDragOver}
    @dragleave=${input.onDragLeave}
    @drop=${input.onDrop}
  >
    <p class="upload-label">${t.ui.attachLabel}${required ? html`<span aria-hidden="true"> *</span>` : nothing}</p>
    <div class="drop-row">
      <button part="button" type="button" class="primary" data-anchor @click=${input.onPick} ?disabled=${disabled}>${t.ui.chooseFile}</button>
      <span class="hint">${t.ui.dropHint}</span>
      <input type="file" hidden tabindex="-1" aria-label=${t.ui.chooseFile} accept=${ACCEPT} @change=${input.onFileChange} />
    </div>
    <div class="paste">
      <label for="paste">${t.ui.pasteLabel}</label>
      <textarea
        part="textarea"
        id="paste"
        rows="2"
        spellcheck="false"
        autocomplete="off"
        placeholder=${t.ui.pastePlaceholder}
        ?disabled=${disabled}
        aria-required=${required ? 'true' : 'false'}
        @paste=${input.onPaste}
        @keydown=${input.onTextKeydown}
      ></textarea>
      <div><button part="button" type="button" @click=${input.onVerifyClick} ?disabled=${disabled}>${t.ui.verifyButton}</button></div>
    </div>
  </div>`;
}

/** The upload's own styles, adopted beside the element's (widget/credlens-verifier.styles.ts) when the upload loads. */
export const uploadStyles = css`
  .dropzone {
    border: 2px dashed var(--_border-color);
    border-radius: var(--_radius);
    padding: 0.9em;
    display: grid;
    gap: 0.6em;
    background: var(--_surface);
  }
  .dropzone.dragging {
    border-color: var(--_accent-color);
  }
  .drop-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 0.9em;
    align-items: center;
  }
  .upload-label {
    font-weight: 650;
    margin: 0;
  }
  .hint {
    margin: 0;
    color: var(--_muted-color);
    font-size: 0.9em;
  }
  label {
    font-size: 0.9em;
    font-weight: 600;
  }
  textarea {
    font: inherit;
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.85em;
    width: 100%;
    box-sizing: border-box;
    min-height: 3.2em;
    resize: vertical;
    padding: 0.45em;
    border-radius: calc(var(--_radius) * 0.75);
    border: 1px solid var(--_border-color);
    background: var(--_background);
    color: var(--_color);
  }
  .paste {
    display: grid;
    gap: 0.35em;
  }
  .attached {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
    justify-content: space-between;
  }
  .attached span {
    overflow-wrap: anywhere;
    min-width: 0;
    font-size: 0.92em;
  }
`;
