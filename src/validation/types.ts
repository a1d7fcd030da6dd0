// The contract between the HTTP edge and whatever validates answers: the compiled plan, and
// survey-core's full model inline or in a worker pool. Requests and results are plain data only:
// they cross worker_threads boundaries.
import type { Model } from '../questionnaires/model';
import type { VersionText } from '../questionnaires/version-cache';

/**
 * submit: every rule. draft: shapes only, stored as sent. partial: an interview the respondent
 * stopped, whose answers they allowed to be kept: every rule on what was answered, nothing demanded
 * of what was not (questionnaires/withdrawal.ts `holdsWhen`), cleaned as a submission.
 */
export type ValidationMode = 'submit' | 'draft' | 'partial';

export interface FieldError {
  /** Where in the answers: `kids[0].school`, `skills.sql.level`, `age-Comment`. */
  path: string;
  /** survey-core's error type (`required`, `custom`, ...) or ours (`unknown_key`, `type`, `choice`, `max_length`, `max_selected`). */
  type: string;
  message: string;
}

export interface ValidationRequest {
  /** The version's content hash: what is derived from the definition is kept under it. */
  contentHash: string;
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

/** Which way a version is validated: its compiled plan, or survey-core's full model (for these reasons). */
export interface ValidationPath {
  path: 'plan' | 'model';
  reasons: string[];
}

/** Where responses are validated: the full model (a worker pool, or inline). */
export interface ResponseValidator {
  validate(request: ValidationRequest): Promise<ValidationResult>;
  close?(): Promise<void>;
}

/** The app's validator: the plan first, the full model where the plan does not reach. */
export interface Validator extends ResponseValidator {
  /** Compiles a version's plan now (validating reuses it) and says which path it takes. */
  prepare(version: VersionText, model?: Model): ValidationPath;
}
