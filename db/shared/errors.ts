/** The error envelope every API answer that is not 2xx carries (SPEC 8): `{ error: { code, message, details } }`. */

/**
 * One problem and where it is: `path` names the field (`events[3].seconds`, `from`, `email`; empty for the request
 * as a whole), `message` says what is wrong. Problems in a file add its `line` (1-based) and `column` (the column's
 * name or number). `code`, where present, is a stable key for clients that word the message themselves.
 */
export interface ErrorDetail {
  path: string;
  message: string;
  line?: number;
  column?: string | number;
  code?: string;
}

export interface ErrorBody {
  error: {
    /** A stable word for the status (`bad_request`, `unprocessable`, ...). */
    code: string;
    /** A sentence a person can act on. */
    message: string;
    /** Always present on 400 and 422. */
    details?: ErrorDetail[];
    /** Extra facts of the failure, e.g. an import's counts. */
    [extra: string]: unknown;
  };
}
