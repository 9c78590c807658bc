import type { InputHTMLAttributes } from 'react';
import { inputClass } from './form-styles';

/** A text input with its label in small print above it, for a row of filters or limits beside a table. */
export function CompactInput({
  label,
  ariaLabel = label,
  width,
  value,
  onChange,
  placeholder,
  inputMode,
}: {
  label: string;
  /** The input's accessible name, when it should read otherwise than the label. */
  ariaLabel?: string;
  /** A Tailwind width class. */
  width: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  inputMode?: InputHTMLAttributes<HTMLInputElement>['inputMode'];
}) {
  return (
    <label className="text-sm">
      <span className="block text-xs text-slate-500">{label}</span>
      <input
        className={`${inputClass} ${width}`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder}
        aria-label={ariaLabel}
        inputMode={inputMode}
      />
    </label>
  );
}
