// The contract between the HTTP edge and whatever validates answers (inline, a worker pool, or
// later a compiled plan). Plain data only: it crosses worker_threads boundaries.

export type ValidationMode = 'submit' | 'draft';

export interface FieldError {
  /** Where in the answers: `kids[0].school`, `skills.sql.level`, `age-Comment`. */
  path: string;
  /** survey-core's error type (`required`, `custom`, ...) or ours (`unknown_key`, `type`, `choice`, `max_length`, `max_selected`). */
  type: string;
  message: string;
}

export interface ValidationRequest {
  /** Cache key of the definition (the version's content hash). */
  definitionKey: string;
  /** The SurveyJS definition as JSON text. */
  definition: string;
  data: Record<string, unknown>;
  locale: string;
  mode: ValidationMode;
}

export interface ValidationResult {
  ok: boolean;
  errors: FieldError[];
  /** The answers to store: for submissions, hidden answers dropped and calculated values set. */
  data: Record<string, unknown>;
  /** Paths of answers dropped because skip logic hid their question. */
  dropped: string[];
  /** Paths of the questions skip logic hid (exports code them "not asked", apart from "no answer"). */
  hidden: string[];
}

export interface ResponseValidator {
  validate(request: ValidationRequest): Promise<ValidationResult>;
  close?(): Promise<void>;
}
