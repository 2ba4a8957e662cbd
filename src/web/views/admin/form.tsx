// Form pieces every admin page uses, so that errors look and sound the same everywhere:
// the CSRF field, an error summary at the top (role="alert", links to the fields), and
// each field's message next to it, tied to the control by aria-describedby.
import type { ComponentChildren } from 'preact';

/** Field name → Japanese message, as ValidationError.fields carries them. */
export type FieldErrors = Record<string, string>;

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

export const fieldId = (name: string) => `field-${name}`;
export const errorId = (name: string) => `field-${name}-error`;
export const hintId = (name: string) => `field-${name}-hint`;

/** id, name and the ARIA attributes of a control: spread them on <input>, <select> or <textarea>. */
export function controlAttrs(name: string, errors: FieldErrors, hasHint = false) {
  const describedBy = [hasHint ? hintId(name) : '', errors[name] ? errorId(name) : ''].filter(Boolean).join(' ');
  return {
    id: fieldId(name),
    name,
    'aria-invalid': errors[name] ? ('true' as const) : undefined,
    'aria-describedby': describedBy || undefined,
  };
}

export function FieldError({ name, errors }: { name: string; errors: FieldErrors }) {
  const message = errors[name];
  if (!message) return null;
  return (
    <p class="field-error" id={errorId(name)}>
      <span class="visually-hidden">エラー:</span>
      {message}
    </p>
  );
}

/**
 * The list of problems at the top of a form. `labels` names the fields in the order they
 * appear; messages of fields without a label (e.g. "user") are listed without a link.
 * It takes the focus when the page opens (`autofocus`, so also without JavaScript); a page
 * that shows another refusal above it, which has the focus, passes `isFocused: false`
 * (a document has one autofocus element).
 */
export function ErrorSummary({ errors, labels, isFocused = true }: { errors: FieldErrors; labels: Record<string, string>; isFocused?: boolean }) {
  const names = Object.keys(errors);
  if (names.length === 0) return null;
  const ordered = [...Object.keys(labels).filter((n) => errors[n]), ...names.filter((n) => !(n in labels))];
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1} autofocus={isFocused || undefined}>
      <h2 id="error-summary-title">入力内容を確認してください</h2>
      <ul>
        {ordered.map((name) => (
          <li>{labels[name] ? <a href={`#${fieldId(name)}`}>{`${labels[name]}:${errors[name]}`}</a> : errors[name]}</li>
        ))}
      </ul>
    </div>
  );
}

export interface TextFieldProps {
  name: string;
  label: string;
  errors: FieldErrors;
  value?: string;
  type?: 'text' | 'password' | 'email' | 'url' | 'search' | 'date' | 'datetime-local';
  hint?: string;
  isRequired?: boolean;
  autocomplete?: string;
  maxLength?: number;
  /** The id of the form the control belongs to when it stands outside it (editor-grid.tsx). */
  form?: string;
}

/** A labelled single-line input with its hint and error message. */
export function TextField(props: TextFieldProps) {
  const { name, hint } = props;
  return (
    <FieldFrame {...props}>
      <input
        {...controlAttrs(name, props.errors, hint !== undefined)}
        type={props.type ?? 'text'}
        value={props.type === 'password' ? undefined : props.value}
        required={props.isRequired}
        autocomplete={props.autocomplete}
        maxLength={props.maxLength}
        form={props.form}
      />
    </FieldFrame>
  );
}

/** What surrounds a field's control: the label (with 必須), the hint and the error message. */
export function FieldFrame(props: { name: string; label: string; errors: FieldErrors; hint?: string; isRequired?: boolean; children: ComponentChildren }) {
  const { name, label, errors, hint } = props;
  return (
    <div class={errors[name] ? 'field field-invalid' : 'field'}>
      <label for={fieldId(name)}>
        {label}
        {props.isRequired && <span class="field-required">(必須)</span>}
      </label>
      {hint && (
        <p class="field-hint" id={hintId(name)}>
          {hint}
        </p>
      )}
      <FieldError name={name} errors={errors} />
      {props.children}
    </div>
  );
}

/** A small submit button in a table row; `about` (read out, not shown) says which row it acts on. */
export function RowButton({ label, about }: { label: string; about: string }) {
  return (
    <button type="submit" class="button-small">
      {label}
      <span class="visually-hidden">({about})</span>
    </button>
  );
}

export function FormActions({ children }: { children: ComponentChildren }) {
  return <div class="form-actions">{children}</div>;
}

/** A wide table that scrolls sideways on phones; focusable so the keyboard can scroll it too. */
export function TableScroll({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-scroll" role="region" aria-label={label} tabindex={0}>
      {children}
    </div>
  );
}
