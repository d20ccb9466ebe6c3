import { useId, useState, type FormEvent, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { ApiError, describeError } from '../graphql/errors';

/**
 * Form building blocks: every input has a visible <label>, its error (from the graph's
 * `extensions.fields`) right under it, tied to it with aria-describedby / aria-invalid, so a form
 * is usable with the keyboard and a screen reader alone.
 */

interface FieldProps {
  label: string;
  /** The error for this field, if any. */
  error?: string;
  hint?: string;
}

export function TextField({ label, error, hint, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} {...input} />
      <FieldNotes id={id} error={error} hint={hint} />
    </div>
  );
}

export function TextArea({ label, error, hint, ...input }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} {...input} />
      <FieldNotes id={id} error={error} hint={hint} />
    </div>
  );
}

export function SelectField({ label, error, hint, options, ...select }: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { options: ReadonlyArray<{ value: string; label: string }> }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldNotes id={id} error={error} hint={hint} />
    </div>
  );
}

function FieldNotes({ id, error, hint }: { id: string; error?: string; hint?: string }) {
  return (
    <>
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
      {error && (
        <small id={`${id}-error`} className="field-error" role="alert">
          {error}
        </small>
      )}
    </>
  );
}

const describedBy = (id: string, error?: string, hint?: string) => [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;

/** A message for the whole screen or form (errors not about one field, FORBIDDEN, success). */
export function Notice({ kind, children }: { kind: 'error' | 'success' | 'info'; children: ReactNode }) {
  return (
    <div className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

export interface Submission {
  busy: boolean;
  /** Field name → message, from the graph's `extensions.fields`. */
  fieldErrors: Record<string, string>;
  /** The error not tied to a shown field. */
  formError: string | null;
  done: string | null;
  onSubmit: (event: FormEvent) => void;
}

/**
 * Runs a form's mutation: disables it while busy, spreads field errors next to their inputs and
 * shows the rest (FORBIDDEN included) as one message. `fields` lists the inputs the form shows, so
 * an error about a field the form does not show is not lost.
 */
export function useSubmission(action: () => Promise<string | void>, fields: readonly string[]): Submission {
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return {
    busy,
    fieldErrors,
    formError,
    done,
    onSubmit(event) {
      event.preventDefault();
      if (busy) return;
      setBusy(true);
      setFieldErrors({});
      setFormError(null);
      setDone(null);
      action()
        .then((message) => setDone(message ?? null))
        .catch((err: unknown) => {
          const shown = err instanceof ApiError ? Object.fromEntries(Object.entries(err.fields).filter(([name]) => fields.includes(name))) : {};
          setFieldErrors(shown);
          const unshown = err instanceof ApiError && Object.keys(err.fields).some((name) => !(name in shown));
          if (!Object.keys(shown).length || unshown) setFormError(describeError(err));
        })
        .finally(() => setBusy(false));
    },
  };
}

export function SubmissionNotes({ submission }: { submission: Submission }) {
  return (
    <>
      {submission.formError && <Notice kind="error">{submission.formError}</Notice>}
      {submission.done && <Notice kind="success">{submission.done}</Notice>}
    </>
  );
}
