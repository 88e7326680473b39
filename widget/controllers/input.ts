import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AttachmentError, fromFile, fromText, type Attachment } from '../attachment.js';

export interface InputHost extends ReactiveControllerHost {
  readonly disabled: boolean;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface InputCallbacks {
  /** The learner gave a credential (a file, pasted text, a link, dropped or picked). */
  attach(attachment: Attachment): void;
  /** A file could not be read; `message` says why in the learner's words when we know. */
  unreadable(message: string | undefined): void;
}

/**
 * The upload's input: drag and drop, the file picker, paste, the paste field's *Verify* button
 * and Ctrl/Cmd+Enter. Each gesture becomes one `Attachment` handed to the host. The handlers are
 * bound, so templates use them as they are (`@drop=${input.onDrop}`).
 */
export class InputController implements ReactiveController {
  /** A drag is over the drop zone (the zone is highlighted). */
  dragging = false;

  constructor(
    private readonly host: InputHost,
    private readonly callbacks: InputCallbacks,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.dragging = false;
  }

  /** Reads the first of `files` (the others are ignored: one credential, or one PDF, at a time). */
  async readFiles(files: FileList | readonly File[] | null | undefined): Promise<void> {
    const file = files?.[0];
    if (!file) return;
    try {
      this.callbacks.attach(await fromFile(file));
    } catch (error) {
      this.callbacks.unreadable(error instanceof AttachmentError ? error.message : undefined);
    }
  }

  /** Text the learner pasted or typed: a credential or a link. Blank text is ignored. */
  useText(text: string): void {
    const attachment = fromText(text);
    if (attachment) this.callbacks.attach(attachment);
  }

  /** Clears the paste field (after *Remove*). */
  clearText(): void {
    const area = this.host.renderRoot.querySelector<HTMLTextAreaElement>('textarea');
    if (area) area.value = '';
  }

  readonly onPick = (): void => {
    this.host.renderRoot.querySelector<HTMLInputElement>('input[type=file]')?.click();
  };

  readonly onFileChange = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    void this.readFiles(input.files).finally(() => {
      input.value = '';
    });
  };

  readonly onDragOver = (event: DragEvent): void => {
    if (this.host.disabled) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    this.setDragging(true);
  };

  readonly onDragLeave = (): void => {
    this.setDragging(false);
  };

  readonly onDrop = (event: DragEvent): void => {
    event.preventDefault();
    this.setDragging(false);
    if (this.host.disabled) return;
    const data = event.dataTransfer;
    if (data?.files?.length) {
      void this.readFiles(data.files);
      return;
    }
    // A dragged link arrives as a URI list (comment lines start with #) or as plain text.
    const text = data?.getData('text/uri-list') || data?.getData('text/plain');
    if (text) this.useText(text.split(/\r?\n/).find((line) => line && !line.startsWith('#')) ?? text);
  };

  readonly onPaste = (event: ClipboardEvent): void => {
    const text = event.clipboardData?.getData('text/plain');
    if (!text) return;
    event.preventDefault();
    (event.target as HTMLTextAreaElement).value = text;
    this.useText(text);
  };

  readonly onVerifyClick = (): void => {
    const area = this.host.renderRoot.querySelector<HTMLTextAreaElement>('textarea');
    if (area) this.useText(area.value);
  };

  readonly onTextKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      this.onVerifyClick();
    }
  };

  private setDragging(dragging: boolean): void {
    if (this.dragging === dragging) return;
    this.dragging = dragging;
    this.host.requestUpdate();
  }
}
