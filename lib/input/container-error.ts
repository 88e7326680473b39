import type { CheckCode } from '../codes/index.js';

/**
 * A container (web page, badge image, platform response) that holds no readable credential. Carries
 * the check code the input check reports, so `acquire` can say exactly what was wrong.
 */
export class ContainerError extends Error {
  readonly code: CheckCode;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: CheckCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ContainerError';
    this.code = code;
    this.details = details;
  }
}
