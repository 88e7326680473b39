/**
 * "Attach a credential": functions injected into the page the learner is applying on (through
 * `scripting.executeScript`, with the access the toolbar click grants). They are self-contained
 * (serialised into the page). They look only at which fields exist and how they are labelled,
 * never at what anyone typed; they fill only the field the learner picked, and never submit.
 */

export interface AttachTarget {
  /** Position among the fields this finder lists, in document order. */
  index: number;
  kind: 'file' | 'link';
  label: string;
  /** The file input's `accept` attribute, as the page states it. */
  accept?: string;
}

export type AttachPayload =
  | { kind: 'file'; fileName: string; mediaType: string; base64: string }
  | { kind: 'link'; url: string };

export interface AttachResult {
  ok: boolean;
  message: string;
}

/** Injected: the file inputs and link fields of the page, with their visible labels. */
export function findAttachTargets(): AttachTarget[] {
  const LINKISH = /\b(url|link|links|website|web site|portfolio|profile|credential|certificate|certification|badge|zertifikat|nachweis|lien|enlace|collegamento)\b/i;
  const fields = Array.from(document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea'));
  const labelOf = (el: HTMLInputElement | HTMLTextAreaElement): string => {
    const byFor = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : undefined;
    const wrapping = el.closest('label')?.textContent;
    const labelledBy = el.getAttribute('aria-labelledby')?.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    const text = byFor || wrapping || labelledBy || el.getAttribute('aria-label') || el.getAttribute('placeholder') || el.getAttribute('name') || '';
    return text.replace(/\s+/g, ' ').trim().slice(0, 120);
  };
  const visible = (el: Element): boolean => {
    const style = getComputedStyle(el);
    // File inputs are often hidden behind a styled button: keep them when their label is visible.
    return style.display !== 'none' || el.matches('input[type=file]');
  };
  const targets: AttachTarget[] = [];
  let index = 0;
  for (const el of fields) {
    if (el.disabled || (el as HTMLInputElement).readOnly || !visible(el)) continue;
    const type = el instanceof HTMLInputElement ? el.type : 'textarea';
    if (type === 'file') {
      const target: AttachTarget = { index: index++, kind: 'file', label: labelOf(el) || 'File upload' };
      if ((el as HTMLInputElement).accept) target.accept = (el as HTMLInputElement).accept.slice(0, 200);
      targets.push(target);
      continue;
    }
    const label = labelOf(el);
    if (type === 'url' || ((type === 'text' || type === 'textarea') && LINKISH.test(`${label} ${el.getAttribute('name') ?? ''} ${el.id}`))) {
      targets.push({ index: index++, kind: 'link', label: label || 'Link' });
    }
  }
  return targets;
}

/** Injected: puts the credential into the one field the learner picked (`index` from `findAttachTargets`). */
export function fillAttachTarget(index: number, payload: AttachPayload): AttachResult {
  const LINKISH = /\b(url|link|links|website|web site|portfolio|profile|credential|certificate|certification|badge|zertifikat|nachweis|lien|enlace|collegamento)\b/i;
  let i = 0;
  let found: HTMLInputElement | HTMLTextAreaElement | undefined;
  for (const el of Array.from(document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea'))) {
    if (el.disabled || (el as HTMLInputElement).readOnly) continue;
    const type = el instanceof HTMLInputElement ? el.type : 'textarea';
    if (type !== 'file' && getComputedStyle(el).display === 'none') continue;
    const label = `${el.id ? (document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent ?? '') : ''} ${el.closest('label')?.textContent ?? ''} ${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('placeholder') ?? ''} ${el.getAttribute('name') ?? ''} ${el.id}`;
    const isTarget = type === 'file' || type === 'url' || ((type === 'text' || type === 'textarea') && LINKISH.test(label));
    if (!isTarget) continue;
    if (i++ === index) {
      found = el;
      break;
    }
  }
  if (!found) return { ok: false, message: 'The field is no longer on the page. Reopen Credlens and try again.' };
  const isFile = found instanceof HTMLInputElement && found.type === 'file';
  if (payload.kind === 'file') {
    if (!isFile) return { ok: false, message: 'This field takes a link, not a file.' };
    const input = found as HTMLInputElement;
    const accept = input.accept.split(',').map((a) => a.trim().toLowerCase()).filter(Boolean);
    const name = payload.fileName.toLowerCase();
    const type = payload.mediaType.toLowerCase();
    const accepted = !accept.length || accept.some((a) => (a.startsWith('.') ? name.endsWith(a) : a.endsWith('/*') ? type.startsWith(a.slice(0, -1)) : a === type));
    if (!accepted) return { ok: false, message: `This field only accepts ${input.accept}; the credential is a ${payload.fileName.split('.').pop()} file. Paste its link instead, if the form has a link field.` };
    const raw = atob(payload.base64);
    const bytes = new Uint8Array(raw.length);
    for (let k = 0; k < raw.length; k++) bytes[k] = raw.charCodeAt(k);
    const transfer = new DataTransfer();
    if (input.multiple) for (const existing of Array.from(input.files ?? [])) transfer.items.add(existing);
    transfer.items.add(new File([bytes], payload.fileName, { type: payload.mediaType }));
    input.files = transfer.files;
  } else {
    if (isFile) return { ok: false, message: 'This field takes a file, not a link.' };
    found.value = payload.url;
  }
  found.dispatchEvent(new Event('input', { bubbles: true }));
  found.dispatchEvent(new Event('change', { bubbles: true }));
  found.scrollIntoView({ block: 'center' });
  found.focus();
  return { ok: true, message: payload.kind === 'file' ? `Attached ${payload.fileName}. Check the form, then send it yourself.` : 'Link pasted. Check the form, then send it yourself.' };
}
