import type { ContentRequest, DiscoverResult, FindRef, ProbeResult, VerifyResult } from '../common/protocol.js';
import { credentialContextsVia, scanCandidates, type Candidate, type ContextsVia, type LinkPrefilter, type RecogniseLink } from './detect.js';
import { createMark, type Mark } from './mark.js';
import type { MarkKind, SiteProfile } from './sites/index.js';

export type Send = <T>(request: ContentRequest) => Promise<T | undefined>;

/** The parts of WXT's ContentScriptContext the scanner needs (bound timers, listeners, signal). */
export interface ScanContext {
  readonly signal: AbortSignal;
  readonly isValid: boolean;
  requestIdleCallback(callback: IdleRequestCallback, options?: IdleRequestOptions): number;
  setTimeout(handler: () => void, timeout?: number): number;
  addEventListener(target: EventTarget, type: string, handler: (event: Event) => void): void;
}

export interface ScannerOptions {
  doc: Document;
  site: () => SiteProfile;
  recognise: RecogniseLink;
  /** Skips parsing links `recognise` is certain to refuse. */
  linkPrefilter?: LinkPrefilter;
  send: Send;
  /** Frame budget per idle slice, ms. */
  sliceMs?: number;
}

const MARK_TAG = 'credlens-mark';
/** A canvas is often drawn after it is inserted (an image loads first); drawing is no DOM mutation. */
const CANVAS_RETRIES_MS = [1000, 4000];
/**
 * Verifications one page may start per minute. A page listing thousands of credential links (or
 * adding them as fast as it can) must not turn every visitor's browser into a request flood against
 * the platforms those links name; the finds past the budget are marked, not verified.
 */
export const MAX_VERIFICATIONS_PER_MINUTE = 100;
/** Images and canvases one page may have the background fetch and decode per minute (QR codes, baked badges). */
export const MAX_PROBES_PER_MINUTE = 60;
/** Longest slice in an idle period: under the 50 ms of a long task, with room for one progress step. */
const IDLE_SLICE_MS = 40;
/** How long a slice waits for an idle period before it runs anyway with the fixed budget: about a frame. */
const FALLBACK_MS = 16;

/**
 * Detects credentials, marks them and keeps up with the page: a MutationObserver collects added
 * subtrees, an idle callback scans them in slices, and every find is remembered so that re-renders
 * and repeated scans never add a second mark.
 */
export class Scanner {
  private readonly doc: Document;
  /** Finds already marked (or being probed), per source element: key = kind + payload. */
  private readonly seen = new WeakMap<Element, Map<string, Mark | 'probing'>>();
  /** Our own mark hosts; a page-made look-alike is never in here. */
  private readonly ours = new WeakMap<Element, Mark>();
  private readonly pending = new Set<Element>();
  private readonly canvasAttempts = new WeakMap<Element, number>();
  private current: { root: Element; it: Iterator<Candidate | undefined> } | undefined;
  private scheduled = false;
  private idleRequested = false;
  private timerRequested = false;
  private readonly budgets = { verify: { windowStart: 0, used: 0 }, probe: { windowStart: 0, used: 0 } };
  private readonly guard: MutationObserver;
  readonly marks = new Set<Mark>();

  constructor(
    private readonly ctx: ScanContext,
    private readonly options: ScannerOptions,
  ) {
    this.doc = options.doc;
    // A page may rewrite the host's attributes; the mark restores its own state.
    this.guard = new MutationObserver((records) => {
      for (const record of records) {
        const host = record.target as Element;
        const mark = this.ours.get(host);
        if (mark && host.getAttribute('data-credlens-state') !== mark.state) host.setAttribute('data-credlens-state', mark.state);
        if (mark && host.getAttribute('data-credlens-kind') !== mark.kind) host.setAttribute('data-credlens-kind', mark.kind);
      }
    });
    ctx.signal.addEventListener('abort', () => this.stop());
  }

  start(): void {
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'attributes') {
          const target = record.target as Element;
          if (!this.ours.has(target)) this.enqueue(target);
          continue;
        }
        for (const node of record.addedNodes) {
          if (node.nodeType === 1 && !this.ours.has(node as Element)) this.enqueue(node as Element);
          else if (node.nodeType === 3 && node.parentElement) this.enqueue(node.parentElement);
        }
      }
    });
    observer.observe(this.doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['href', 'src'] });
    this.ctx.signal.addEventListener('abort', () => observer.disconnect());
    this.rescan();
  }

  /** Scans the whole page again (single-page navigation); existing marks are kept, none doubled. */
  rescan(): void {
    if (this.doc.body) this.enqueue(this.doc.body);
  }

  stop(): void {
    this.guard.disconnect();
    this.pending.clear();
    this.current = undefined;
    for (const mark of this.marks) mark.host.remove();
    this.marks.clear();
  }

  private enqueue(element: Element): void {
    if (!this.ctx.isValid) return;
    if (element.closest(MARK_TAG)) return;
    this.pending.add(element);
    this.schedule();
  }

  /**
   * The next slice runs in an idle period when one comes (as much as fits, up to IDLE_SLICE_MS), or
   * after FALLBACK_MS with the fixed `sliceMs` budget when none does (a busy tab, headless). One idle
   * request and one timer are outstanding at most; whichever fires first takes the slice.
   */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    if (!this.idleRequested) {
      this.idleRequested = true;
      this.ctx.requestIdleCallback((deadline) => {
        this.idleRequested = false;
        if (this.scheduled) this.work(() => deadline.timeRemaining() > 1, IDLE_SLICE_MS);
      });
    }
    if (!this.timerRequested) {
      this.timerRequested = true;
      this.ctx.setTimeout(() => {
        this.timerRequested = false;
        if (this.scheduled) this.work(() => true, this.options.sliceMs ?? 8);
      }, FALLBACK_MS);
    }
  }

  private work(idle: () => boolean, budgetMs: number): void {
    this.scheduled = false;
    if (!this.ctx.isValid) return;
    const started = performance.now();
    while (idle() && performance.now() - started < budgetMs) {
      if (!this.current) {
        const root = this.nextRoot();
        if (!root) return;
        this.current = { root, it: scanCandidates(root, this.options.site(), this.options.recognise, this.doc.location?.href ?? '', this.options.linkPrefilter) };
      }
      const step = this.current.it.next();
      if (step.done) this.current = undefined;
      else if (step.value) this.handle(step.value);
    }
    this.schedule();
  }

  /** Takes the next queued root, skipping ones inside another queued root. */
  private nextRoot(): Element | undefined {
    for (const root of this.pending) {
      this.pending.delete(root);
      if (!root.isConnected) continue;
      let covered = false;
      for (const other of this.pending) if (other !== root && other.contains(root)) covered = true;
      if (!covered) return root;
    }
    return undefined;
  }

  private remember(element: Element, key: string): Map<string, Mark | 'probing'> | undefined {
    let entries = this.seen.get(element);
    const existing = entries?.get(key);
    if (existing === 'probing') return undefined;
    if (existing && existing.host.isConnected) return undefined;
    if (!entries) {
      entries = new Map();
      this.seen.set(element, entries);
    }
    return entries;
  }

  private handle(candidate: Candidate): void {
    switch (candidate.kind) {
      case 'link':
        return this.markAndVerify(candidate.element, `link ${candidate.url}`, 'link', { kind: 'link', url: candidate.url });
      case 'text':
        return this.markAndVerify(candidate.element, `text ${candidate.text}`, 'text', { kind: 'text', text: candidate.text });
      case 'candidate':
        return this.discover(candidate.element, candidate.url);
      case 'image':
        return this.probe(candidate.element, `image ${candidate.src}`, { type: 'probe-image', src: candidate.src });
      case 'canvas': {
        let dataUrl: string;
        try {
          dataUrl = candidate.element.toDataURL('image/png');
        } catch {
          return; // tainted by a cross-origin image: the page drew it, the background cannot see it
        }
        const canvas = candidate.element;
        return this.probe(canvas, `canvas ${dataUrl.length}:${dataUrl.slice(-64)}`, { type: 'probe-canvas', dataUrl }, () => {
          const attempt = this.canvasAttempts.get(canvas) ?? 0;
          const delay = CANVAS_RETRIES_MS[attempt];
          if (delay === undefined) return;
          this.canvasAttempts.set(canvas, attempt + 1);
          this.ctx.setTimeout(() => this.enqueue(canvas), delay);
        });
      }
    }
  }

  private probe(element: Element, key: string, request: ContentRequest, onNothing?: () => void): void {
    const entries = this.remember(element, key);
    if (!entries) return;
    // Past the budget the image is left alone (not remembered): a later scan may look at it again.
    if (!this.takeBudget('probe', MAX_PROBES_PER_MINUTE)) return;
    entries.set(key, 'probing');
    void this.options.send<ProbeResult>(request).then((result) => {
      entries.delete(key);
      if (!result || !this.ctx.isValid) return;
      if (result.finds.length === 0) onNothing?.();
      for (const find of result.finds) this.markAndVerify(element, `${find.kind} ${find.id}`, find.kind, find);
    });
  }

  /**
   * A link no platform claims, in a credential context: the background's discovery decides. No
   * mark while it looks (an ordinary web page must not flash "Checking…"); then the verdict, or a
   * quiet neutral mark saying no credential is there. Never red for "nothing found".
   */
  private discover(element: Element, url: string): void {
    const key = `candidate ${url}`;
    const entries = this.remember(element, key);
    if (!entries) return;
    if (!this.takeBudget('verify', MAX_VERIFICATIONS_PER_MINUTE)) return; // not remembered: a later scan may try again
    entries.set(key, 'probing');
    void this.options.send<DiscoverResult>({ type: 'discover', url }).then((answer) => {
      entries.delete(key);
      if (!answer || !this.ctx.isValid || answer.found === 'not-checked') return;
      const mark = this.addMark(element, key, 'link', entries);
      if (answer.found === 'credential') {
        mark.reportId = answer.result.reportId;
        mark.setState(answer.result.state, answer.result.title);
      } else {
        mark.setState('none', answer.message);
      }
    });
  }

  private addMark(element: Element, key: string, kind: MarkKind, entries: Map<string, Mark | 'probing'>): Mark {
    const mark = createMark(this.doc, kind, (m) => this.activate(m));
    entries.set(key, mark);
    this.ours.set(mark.host, mark);
    this.marks.add(mark);
    this.insertAfter(element, mark.host);
    this.guard.observe(mark.host, { attributes: true, attributeFilter: ['data-credlens-state', 'data-credlens-kind'] });
    return mark;
  }

  private markAndVerify(element: Element, key: string, kind: MarkKind, find: FindRef): void {
    const entries = this.remember(element, key);
    if (!entries) return;
    const mark = this.addMark(element, key, kind, entries);
    if (!this.takeBudget('verify', MAX_VERIFICATIONS_PER_MINUTE)) {
      mark.setState('unverifiable', `Not verified: this page asked for more than ${MAX_VERIFICATIONS_PER_MINUTE} verifications in a minute`);
      return;
    }
    void this.options.send<VerifyResult>({ type: 'verify', find }).then((result) => {
      if (!this.ctx.isValid) return;
      if (!result) return mark.setState('unverifiable');
      mark.reportId = result.reportId;
      mark.setState(result.state, result.title);
    });
  }

  /** Which way in found the credential contexts (for the popup's "no certifications section" note). */
  contextsVia(): ContextsVia {
    return credentialContextsVia(this.doc, this.options.site(), this.doc.location?.href ?? '');
  }

  private takeBudget(kind: 'verify' | 'probe', perMinute: number): boolean {
    const budget = this.budgets[kind];
    const now = Date.now();
    if (now - budget.windowStart > 60_000) {
      budget.windowStart = now;
      budget.used = 0;
    }
    if (budget.used >= perMinute) return false;
    budget.used++;
    return true;
  }

  private insertAfter(element: Element, host: Element): void {
    // Right after the find (docs/report.md), after any marks already there for the same element.
    let anchor: Element = element;
    while (anchor.nextElementSibling && this.ours.has(anchor.nextElementSibling)) anchor = anchor.nextElementSibling;
    if (element === this.doc.body) element.append(host);
    else anchor.after(host);
  }

  private activate(mark: Mark): void {
    if (mark.reportId) void this.options.send({ type: 'open-report', reportId: mark.reportId });
  }
}
