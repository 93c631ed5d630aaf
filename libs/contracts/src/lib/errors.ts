/** Every error the API answers has this shape, 401 and 404 included. */
export interface ApiErrorBody {
  statusCode: number;
  /** The HTTP reason phrase, e.g. "Conflict". */
  error: string;
  /** A sentence for people; for validation errors, one sentence per offending field. */
  message: string | string[];
  /** A stable machine-readable code for domain errors, e.g. "EMAIL_TAKEN". */
  code?: string;
  /** Import errors (422): every bad line of the file. */
  rejected?: Array<{ line: number; error: string }>;
}
