/**
 * Typed errors with stable codes. `verify()` throws only `UsageError` (programmer misuse);
 * every other error is caught at a step boundary and becomes a check in the report.
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

export type ErrorCode =
  | 'USAGE'
  | IoErrorCode
  | 'INPUT_TOO_LARGE'
  | 'INPUT_MALFORMED'
  | 'INPUT_TOO_DEEP'
  | 'INPUT_DUPLICATE_MEMBER';

export class CredlensError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
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
export class InputError extends CredlensError {}

export function isCredlensError(error: unknown): error is CredlensError {
  return error instanceof CredlensError;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
