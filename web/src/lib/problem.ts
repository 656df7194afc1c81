/** An RFC 9457 problem as the API sends it: field errors on 400, a stable `code` on 409. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  requestId?: string;
  errors?: Record<string, string[]>;
  [extension: string]: unknown;
}

/** Any non-2xx answer from the API, carrying its ProblemDetails. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails;

  constructor(status: number, problem: ProblemDetails) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  get code(): string | undefined {
    return this.problem.code;
  }

  /** Field errors keyed by the JSON field name ("name", "reasons[0]", "document.termWarningDays.value"). */
  get fieldErrors(): Record<string, string[]> {
    return this.problem.errors ?? {};
  }
}

/** Reads a response body as ProblemDetails, tolerating an empty or non-JSON body. */
export async function readProblem(response: Response): Promise<ProblemDetails> {
  const text = await response.text();
  if (!text) {
    return { status: response.status, title: response.statusText };
  }
  try {
    return JSON.parse(text) as ProblemDetails;
  } catch {
    return { status: response.status, title: response.statusText, detail: text.slice(0, 200) };
  }
}

/**
 * "reasons[0]" → ["reasons", 0]; "document.termWarningDays.value" →
 * ["document", "termWarningDays", "value"]: Ant Design form name paths.
 */
export function toNamePath(field: string): (string | number)[] {
  return field.split('.').flatMap((part) => {
    const match = /^([^[\]]+)((\[\d+\])*)$/.exec(part);
    if (!match) {
      return [part];
    }
    const indexes = [...match[2].matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    return [match[1], ...indexes];
  });
}

/** The form fields of a 400, ready for Form.setFields; errors on fields the form lacks are returned apart. */
export function fieldErrorsFor(
  error: ApiError,
  knownFields: string[],
): {
  fields: { name: (string | number)[]; errors: string[] }[];
  other: string[];
} {
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  const other: string[] = [];
  for (const [field, messages] of Object.entries(error.fieldErrors)) {
    const path = toNamePath(field);
    if (knownFields.includes(String(path[0]))) {
      fields.push({ name: path, errors: messages });
    } else {
      other.push(...messages);
    }
  }
  return { fields, other };
}
