import type { CheckCode } from '../codes/index.js';
import { CredlensError } from '../errors.js';

/**
 * A container (web page, badge image, platform response) that holds no readable credential. Carries
 * the check code the input check reports (`check`), so `acquire` can say exactly what was wrong.
 */
export class ContainerError extends CredlensError {
  declare readonly check: CheckCode;
  constructor(check: CheckCode, message: string, details?: Record<string, unknown>) {
    super('CONTAINER', message, details ? { check, details } : { check });
  }
}
