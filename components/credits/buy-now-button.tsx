import type { BuyNowForm } from "@/lib/paypal/buy-now-form";

// The classic PayPal "Buy Now" button: a plain form posted to PayPal (works without JavaScript).
export function BuyNowButton({ form, label }: { form: BuyNowForm; label: string }) {
  return (
    <form action={form.action} method="post" target="_top">
      {form.fields.map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <button type="submit" className="w-full rounded border border-slate-600 px-3 py-2 text-sm hover:border-pink-500 hover:text-pink-300">
        {label}
      </button>
    </form>
  );
}
