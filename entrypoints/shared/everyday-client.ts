import { browser } from 'wxt/browser';
import { EVERYDAY_PORT, type EverydayRequest, type EverydayResponse, type EverydayResults } from './everyday-messages.js';

let nextId = 1;

/** Asks the background (on the extension pages' own port); rejects with the background's message. */
export function callBackground<R extends EverydayRequest>(request: R): Promise<EverydayResults[R['type']]> {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    const port = browser.runtime.connect({ name: EVERYDAY_PORT });
    let settled = false;
    port.onMessage.addListener((message: unknown) => {
      const response = message as EverydayResponse<EverydayResults[R['type']]>;
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
