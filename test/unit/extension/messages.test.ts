import { describe, expect, it } from 'vitest';
import { parseContentRequest, parsePanelRequest } from '../../../entrypoints/shared/messages.js';

describe('messages from content scripts', () => {
  it('accepts the allowlisted requests', () => {
    expect(parseContentRequest({ type: 'verify', find: { kind: 'link', url: 'https://www.credly.com/badges/x' } })).toBeDefined();
    expect(parseContentRequest({ type: 'probe-image', src: 'https://a.example/qr.png' })).toBeDefined();
    expect(parseContentRequest({ type: 'open-report', reportId: 'abc123' })).toBeDefined();
  });
  it('rejects unknown types, extra members, non-https links and panel-only requests', () => {
    expect(parseContentRequest({ type: 'reverify', reportId: 'abc' })).toBeUndefined();
    expect(parseContentRequest({ type: 'get-selected', tabId: 1 })).toBeUndefined();
    expect(parseContentRequest({ type: 'verify', find: { kind: 'link', url: 'http://10.0.0.1/' } })).toBeUndefined();
    expect(parseContentRequest({ type: 'verify', find: { kind: 'link', url: 'https://a.example/' }, admin: true })).toBeUndefined();
    expect(parseContentRequest({ type: 'probe-image', src: 'file:///etc/passwd' })).toBeUndefined();
    expect(parseContentRequest({ type: 'probe-canvas', dataUrl: 'javascript:alert(1)' })).toBeUndefined();
    expect(parseContentRequest({ type: 'open-report', reportId: '../../x' })).toBeUndefined();
    expect(parseContentRequest({ type: 'verify', find: { kind: 'qr', id: 'x'.repeat(500) } })).toBeUndefined();
  });
  it('rejects panel requests with a tab id that is not a number', () => {
    expect(parsePanelRequest({ type: 'get-selected', tabId: '1' })).toBeUndefined();
    expect(parsePanelRequest({ type: 'get-selected', tabId: 3 })).toEqual({ type: 'get-selected', tabId: 3 });
  });
});
