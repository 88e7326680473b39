import { browser } from 'wxt/browser';
import { PAGES_PORT, type PageRequest, type PortResponse, type ResponseOf } from './protocol.js';

let nextId = 1;

/** Asks the background hub (on the extension pages' own port); rejects with the background's message. */
export function callBackground<R extends PageRequest>(request: R): Promise<ResponseOf<R['type']>> {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    const port = browser.runtime.connect({ name: PAGES_PORT });
    let settled = false;
    port.onMessage.addListener((message: unknown) => {
      const response = message as PortResponse<ResponseOf<R['type']>>;
      if (response?.id !== id) return;
      settled = true;
      port.disconnect();
      if (response.ok) resolve(response.result);
      else reject(new Error(response.error));
    });
    port.onDisconnect.addListener(() => {
      if (!settled) reject(new Error('Credlens stopped before answering. Try again.'));
    });
    port.postMessage({ id, request });
  });
}
