import type { CheckCode } from './codes/index.js';

/**
 * The one error hierarchy of lib/ (docs/errors.md): every error lib throws is a `CredlensError`
 * with a stable `code` (`ErrorCode`: what kind of error), and, when it is an expected failure
 * thrown inside a step, the `check` code it becomes in the report. `verify()` throws only
 * `UsageError` (programmer misuse); every other error is caught at a step boundary and becomes a
 * check. Expected failures that are returned rather than thrown use `Result` (lib/util/result.ts).
 */
/** The codes of failures of the one network seam (`IoError`). */
export type IoErrorCode =
  | 'IO_OFFLINE'
  | 'IO_BLOCKED_SCHEME'
  | 'IO_BLOCKED_ADDRESS'
  | 'IO_BAD_URL'
  | 'IO_TIMEOUT'
  | 'IO_ABORTED'
  | 'IO_TOO_LARGE'
  | 'IO_TOO_MANY_REDIRECTS'
  | 'IO_HTTP_STATUS'
  | 'IO_NETWORK'
  | 'IO_BAD_CONTENT';

/** One failure of the network seam, recorded the same way by every check (`details.io`). */
export type IoFailure = {
  code: IoErrorCode;
  url: string;
  httpStatus?: number;
};

export type InputErrorCode = 'INPUT_TOO_LARGE' | 'INPUT_MALFORMED' | 'INPUT_TOO_DEEP' | 'INPUT_DUPLICATE_MEMBER';

export type ErrorCode =
  | 'USAGE'
  | IoErrorCode
  | InputErrorCode
  /** A container (page, badge image, PDF, platform response) holds no readable credential (`ContainerError`). */
  | 'CONTAINER'
  /** Key bytes that cannot become a JWK (`KeyMaterialError`). */
  | 'KEY_MATERIAL'
  /** A JSON-LD document that cannot be signed over safely: unknown or invalid context, unsigned members. */
  | 'JSONLD_REFUSED'
  /** A proof that contradicts the document it secures. */
  | 'PROOF_MISMATCH'
  /** An SD-JWT disclosure that does not fit the payload. */
  | 'SD_DISCLOSURE'
  /** A status list whose bits cannot be read (`StatusListDecodeError`). */
  | 'STATUS_LIST_DECODE'
  /** A trust list given by the user that is not one (`TrustListError`). */
  | 'TRUST_LIST'
  /** A training registry file that is not one (`TrainingRegistryError`). */
  | 'TRAINING_REGISTRY_INVALID';

export interface CredlensErrorOptions {
  cause?: unknown;
  /** The check this failure becomes when a step catches it. */
  check?: CheckCode;
  /** Facts for the check's details. */
  details?: Record<string, unknown>;
}

export class CredlensError extends Error {
  readonly code: ErrorCode;
  /** The check code this error becomes in the report, for expected failures thrown inside a step. */
  readonly check: CheckCode | undefined;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: ErrorCode, message: string, options?: CredlensErrorOptions) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.check = options?.check;
    this.details = options?.details;
    this.name = new.target.name;
  }
}

/** Thrown for misuse of the API (wrong argument types), never for a bad credential. */
export class UsageError extends CredlensError {
  constructor(message: string) {
    super('USAGE', message);
  }
}

/** Every failure of the one network seam (`lib/io`). */
export class IoError extends CredlensError {
  declare readonly code: IoErrorCode;
  readonly url: string;
  readonly httpStatus: number | undefined;
  constructor(code: IoErrorCode, url: string, message: string, options?: { cause?: unknown; httpStatus?: number }) {
    super(code, message, options);
    this.url = url;
    this.httpStatus = options?.httpStatus;
  }

  /** The URL was refused before any request (not HTTPS, a private address, not a URL). */
  get blocked(): boolean {
    return this.code === 'IO_BLOCKED_SCHEME' || this.code === 'IO_BLOCKED_ADDRESS' || this.code === 'IO_BAD_URL';
  }

  /** The failure as a check records it (`details.io`). */
  get failure(): IoFailure {
    return this.httpStatus === undefined ? { code: this.code, url: this.url } : { code: this.code, url: this.url, httpStatus: this.httpStatus };
  }
}

/** The input could not be read as any credential container (bad JSON, bad base64url, too deep, too large). */
export class InputError extends CredlensError {
  declare readonly code: InputErrorCode;
  declare readonly check: InputErrorCode;
  constructor(code: InputErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, { ...options, check: code });
  }
}

export function isCredlensError(error: unknown): error is CredlensError {
  return error instanceof CredlensError;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
