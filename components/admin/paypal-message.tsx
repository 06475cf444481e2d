import type { PaypalMessageView } from "@/lib/server/purchases/get-purchase";
import { OutcomeBadge } from "./status-badge";
import { formatDate } from "./ui";

/** One stored PayPal message: what it said, whether PayPal confirmed it, what we did and why; raw text folded. */
export function PaypalMessage({ message }: { message: PaypalMessageView }) {
  return (
    <article className="space-y-2 rounded-lg border border-slate-800 p-3 text-sm" data-testid="paypal-message">
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-medium">#{message.id}</span>
        <span>{formatDate(message.receivedAt)}</span>
        <span className="text-slate-400">{message.source}</span>
        {message.txnId && <span className="break-all">txn {message.txnId}</span>}
        {message.paymentStatus && <span className="text-slate-300">{message.paymentStatus}</span>}
        <span className="text-slate-400">verification: {message.verification}</span>
        <OutcomeBadge outcome={message.outcome} />
      </p>
      {message.reason && <p className="text-slate-300">{message.reason}</p>}
      <details>
        <summary className="cursor-pointer text-slate-400 focus:outline-none focus-visible:ring-2 focus-visible:ring-pink-400">Raw message</summary>
        <pre className="mt-2 max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-900 p-2 text-xs">{message.raw}</pre>
      </details>
    </article>
  );
}
