import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react';

export const inputClass = (invalid = false) =>
  `block w-full min-h-11 rounded-xl border bg-white px-3.5 text-base text-ink-900 shadow-xs placeholder:text-ink-500 focus:outline-2 focus:outline-offset-0 ${
    invalid ? 'border-red-500 focus:outline-red-500' : 'border-ink-200 focus:border-brand-600 focus:outline-brand-600'
  }`;

/**
 * A labelled form control with an optional hint and an error. The error is linked with aria-describedby and
 * announced, so keyboard and screen-reader users get the same feedback as sighted ones.
 */
export function Field({ id, label, hint, error, children }: { id: string; label: ReactNode; hint?: ReactNode; error?: string; children: ReactNode }) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-ink-800">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs text-ink-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** Props that tie an input to its Field: id, invalid state and the describing hint or error. */
export const describedBy = (id: string, error?: string, hint?: unknown) => ({
  id,
  'aria-invalid': error ? true : undefined,
  'aria-describedby': error ? `${id}-error` : hint ? `${id}-hint` : undefined,
});

export function TextInput({ invalid, className = '', ...props }: InputHTMLAttributes<HTMLInputElement> & { invalid?: boolean }) {
  return <input className={`${inputClass(invalid)} ${className}`} {...props} />;
}

export function Select({ invalid, className = '', ...props }: SelectHTMLAttributes<HTMLSelectElement> & { invalid?: boolean }) {
  return <select className={`${inputClass(invalid)} ${className}`} {...props} />;
}
