import { PAGES_PORT, MESSAGES, parseRequest, type MessageName, type Messages, type RequestOf, type ResponseOf, type SenderKind } from '../common/protocol.js';

/** A content script in a tab (unprivileged: its page may be hostile). */
export interface ContentCaller {
  kind: 'content';
  tabId: number;
  /** The tab's page (the frame's own URL when the tab's is not known). */
  pageUrl?: string;
}

/** One of the extension's own pages, recognised by its origin. */
export interface PageCaller {
  kind: 'extension';
  url: string;
}

export type Caller = ContentCaller | PageCaller;
export type CallerOf<K extends MessageName> = Messages[K]['from'] extends 'content' ? ContentCaller : PageCaller;
export type Handler<K extends MessageName> = (request: RequestOf<K>, caller: CallerOf<K>) => ResponseOf<K> | Promise<ResponseOf<K>>;

/** The fields of `runtime.MessageSender` the router reads. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
}

/** Who sent a message: decided from the sender's extension id and origin, never from the message. */
export function classifySender(sender: SenderInfo | undefined, runtimeId: string, extensionOrigin: string): Caller | undefined {
  if (!sender || sender.id !== runtimeId) return undefined; // other extensions, web pages: nothing is offered
  const url = sender.url ?? '';
  if (url.startsWith(`${extensionOrigin}/`)) return { kind: 'extension', url };
  if (typeof sender.tab?.id !== 'number') return undefined;
  const pageUrl = sender.tab.url ?? sender.url;
  return { kind: 'content', tabId: sender.tab.id, ...(pageUrl ? { pageUrl } : {}) };
}

export type Dispatch = { accepted: false } | { accepted: true; result: unknown };

/**
 * The one router of the background: each message name has one handler (registered by its adapter);
 * a message is answered only when its sender kind may send it (`MESSAGES[name].from`) and its
 * request validates.
 */
export class Router {
  private readonly handlers = new Map<MessageName, (request: never, caller: never) => unknown>();

  on<K extends MessageName>(name: K, handler: Handler<K>): this {
    if (this.handlers.has(name)) throw new Error(`Two handlers for the message ${name}`);
    this.handlers.set(name, handler as (request: never, caller: never) => unknown);
    return this;
  }

  /** Handles a message; the result is the handler's (a value or a promise), or a refusal. */
  dispatch(message: unknown, caller: Caller): Dispatch {
    const request = parseRequest(message, caller.kind);
    if (!request) return { accepted: false };
    const handler = this.handlers.get(request.type);
    if (!handler) return { accepted: false };
    return { accepted: true, result: (handler as (request: unknown, caller: Caller) => unknown)(request, caller) };
  }

  /** Message names a sender kind may send that have no handler yet (a test keeps this empty). */
  unhandled(kind?: SenderKind): MessageName[] {
    return (Object.keys(MESSAGES) as MessageName[]).filter((name) => !this.handlers.has(name) && (!kind || MESSAGES[name].from === kind));
  }
}

/** The subset of `browser.runtime` the router listens on. */
export interface RuntimeLike {
  id: string;
  onMessage: { addListener(listener: (message: unknown, sender: SenderInfo, sendResponse: (response: unknown) => void) => boolean | undefined): void };
  onConnect: { addListener(listener: (port: PortLike) => void): void };
}

export interface PortLike {
  name: string;
  sender?: SenderInfo;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
}

/**
 * Connects the router to the browser: one-off messages (content scripts, extension pages) and the
 * extension pages' port. Other named ports (the PDF reader's) go to `ports[name]`.
 */
export function listen(router: Router, runtime: RuntimeLike, extensionOrigin: string, ports: Record<string, (port: PortLike) => void> = {}): void {
  runtime.onMessage.addListener((message, sender, sendResponse) => {
    const caller = classifySender(sender, runtime.id, extensionOrigin);
    if (!caller) return false;
    const outcome = router.dispatch(message, caller);
    if (!outcome.accepted) {
      // A content script always gets an answer (nothing); extension pages may be answered by another page.
      if (caller.kind === 'content') sendResponse(undefined);
      return false;
    }
    if (!(outcome.result instanceof Promise)) {
      sendResponse(outcome.result);
      return false;
    }
    outcome.result.then(sendResponse, () => sendResponse(undefined));
    return true;
  });

  runtime.onConnect.addListener((port) => {
    const own = ports[port.name];
    if (own) return own(port);
    const caller = classifySender(port.sender, runtime.id, extensionOrigin);
    // Only the extension's own pages: content scripts and other extensions get nothing here.
    if (port.name !== PAGES_PORT || caller?.kind !== 'extension') return port.disconnect();
    port.onMessage.addListener((message: unknown) => {
      const { id, request } = (message ?? {}) as { id?: unknown; request?: unknown };
      if (typeof id !== 'number') return;
      const outcome = router.dispatch(request, caller);
      if (!outcome.accepted) return port.postMessage({ id, ok: false, error: 'Credlens does not understand this request.' });
      Promise.resolve(outcome.result).then(
        (result) => port.postMessage({ id, ok: true, result }),
        (error: unknown) => port.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
    });
  });
}
