type FieldProps = {
  label: string;
  name: string;
  type?: string;
  error?: string;
  autoComplete?: string;
  defaultValue?: string;
};

export function Field({ label, name, type = "text", error, autoComplete, defaultValue }: FieldProps) {
  const errorId = `${name}-error`;
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium">{label}</label>
      <input
        id={name}
        name={name}
        type={type}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className="w-full rounded border border-slate-700 bg-slate-900 px-3 py-2 text-slate-100 focus:border-pink-500 focus:outline-none"
      />
      {error && <p id={errorId} className="text-sm text-red-400">{error}</p>}
    </div>
  );
}
