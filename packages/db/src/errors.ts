/** Typed errors from the data layer; the API translates each code to one HTTP status, once. */
export type AppErrorCode = 'not_found' | 'conflict' | 'unprocessable' | 'invalid' | 'forbidden';

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details: { field?: string; currentVersion?: number } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}
