import { Badge } from "./ui";

const PURCHASE_TONE = { completed: "green", pending: "yellow", refunded: "red", reversed: "red" } as const;

export function PurchaseStatus({ status }: { status: string }) {
  return <Badge tone={PURCHASE_TONE[status as keyof typeof PURCHASE_TONE] ?? "slate"}>{status}</Badge>;
}

const ACCEPTED = new Set(["credited", "pending", "duplicate", "refunded", "reversed", "taken_back", "restored", "ignored", "received"]);

/** A PayPal message's outcome: green when it was acted on or harmless, red when it was refused or failed. */
export function OutcomeBadge({ outcome }: { outcome: string }) {
  return <Badge tone={ACCEPTED.has(outcome) ? (outcome === "credited" ? "green" : "slate") : "red"}>{outcome}</Badge>;
}
