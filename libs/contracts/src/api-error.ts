/** Body of every 4xx/5xx answer from the Goalpost API. */
export interface ApiErrorBody {
  statusCode: number;
  /** Stable machine-readable code, e.g. `validation_failed`, `unknown_goal`. */
  error: string;
  /** Human-readable message; names the offending field when there is one. */
  message: string;
  /** Per-field problems for validation errors. */
  fields?: ApiFieldError[];
  /** Present on 5xx: the same id is in the server log. */
  errorId?: string;
}

export interface ApiFieldError {
  field: string;
  message: string;
}
