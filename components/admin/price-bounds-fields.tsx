import { TextField } from "@/components/admin/fields";
import { PRICE_FIELDS, PRICE_KINDS, type Bounds, type PriceBounds, type PriceKind } from "@/lib/prices/price-bounds";

/**
 * The min/max pair of every price kind, for the site's bounds (`values` = the site's bounds) or a
 * performer's overrides (`values` = the overrides only, empty meaning "the site's bounds", shown
 * as placeholders).
 */
export function PriceBoundsFields({ values, placeholders }: { values: Partial<Record<PriceKind, Bounds>>; placeholders?: PriceBounds }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {PRICE_KINDS.map((kind) => (
        <fieldset key={kind} className="grid grid-cols-2 gap-2 rounded border border-slate-800 p-2">
          <legend className="px-1 text-sm font-medium">{PRICE_FIELDS[kind].label} ({PRICE_FIELDS[kind].unit})</legend>
          <TextField label="Lowest" name={`${kind}_min`} inputMode="numeric" defaultValue={values[kind]?.min ?? ""} placeholder={placeholders?.[kind].min.toString()} />
          <TextField label="Highest" name={`${kind}_max`} inputMode="numeric" defaultValue={values[kind]?.max ?? ""} placeholder={placeholders?.[kind].max.toString()} />
        </fieldset>
      ))}
    </div>
  );
}
