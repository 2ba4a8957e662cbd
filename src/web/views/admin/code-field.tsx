// The field for a one-time code (authenticator app or recovery code): numeric keyboard on
// phones where the code is digits only, and the browser's one-time-code autofill.
import { controlAttrs, FieldFrame, type FieldErrors } from './form.js';

export interface CodeFieldProps {
  name: string;
  label: string;
  errors: FieldErrors;
  hint?: string;
  /** Digits only (TOTP); otherwise letters too (recovery codes). */
  isNumeric?: boolean;
}

export function CodeField({ name, label, errors, hint, isNumeric }: CodeFieldProps) {
  return (
    <FieldFrame name={name} label={label} errors={errors} hint={hint} isRequired>
      <input
        {...controlAttrs(name, errors, hint !== undefined)}
        type="text"
        class="code-input"
        inputMode={isNumeric ? 'numeric' : 'text'}
        autocomplete="one-time-code"
        autocapitalize="off"
        spellcheck={false}
        maxLength={40}
        required
      />
    </FieldFrame>
  );
}
