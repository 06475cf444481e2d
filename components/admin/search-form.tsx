import type { ReactNode } from "react";

/** A plain GET form for list filters: works without JavaScript and keeps the filter in the URL. One per page (ids are filter-<name>). */
export function SearchForm({ action, children, label }: { action: string; children: ReactNode; label: string }) {
  return (
    <form method="get" action={action} role="search" aria-label={label} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-800 bg-slate-900/40 p-3">
      {children}
      <button type="submit" className="rounded bg-pink-600 px-4 py-2 text-sm font-medium text-white hover:bg-pink-500 focus:outline-none focus-visible:ring-2 focus-visible:ring-pink-400">
        Apply
      </button>
    </form>
  );
}

const INPUT = "rounded border border-slate-700 bg-slate-900 px-3 py-2 text-sm text-slate-100 focus:border-pink-500 focus:outline-none";

export function FilterInput({ label, name, defaultValue, type = "text", placeholder }: { label: string; name: string; defaultValue?: string; type?: string; placeholder?: string }) {
  return (
    <div className="flex min-w-0 flex-col gap-1 text-sm">
      <label htmlFor={`filter-${name}`} className="font-medium">{label}</label>
      <input id={`filter-${name}`} name={name} type={type} defaultValue={defaultValue} placeholder={placeholder} className={INPUT} />
    </div>
  );
}

export function FilterSelect({ label, name, defaultValue, options }: { label: string; name: string; defaultValue?: string; options: readonly { value: string; label: string }[] }) {
  return (
    <div className="flex flex-col gap-1 text-sm">
      <label htmlFor={`filter-${name}`} className="font-medium">{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={defaultValue ?? ""} className={INPUT}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}
