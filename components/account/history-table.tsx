import { duration, utcMinute } from "@/lib/format";
import type { HistoryLine } from "@/lib/server/users/list-history";

const KIND_LABEL: Record<HistoryLine["kind"], string> = {
  purchase: "Credits bought",
  tip: "Tip",
  show: "Private show",
  refund: "PayPal refund",
  reversal: "PayPal reversal",
  canceled_reversal: "Reversal cancelled",
  admin_adjustment: "Adjustment",
  ticket: "Ticket",
  ticket_refund: "Ticket refunded",
};

function details(line: HistoryLine): string {
  switch (line.kind) {
    case "tip":
      return line.performerName ? `to ${line.performerName}` : "";
    case "show":
      return `with ${line.performerName ?? "a performer"} · ${duration(line.seconds ?? 0)}${line.showActive ? " (running)" : ""}`;
    case "admin_adjustment":
    case "ticket_refund":
      return line.reason ?? "";
    default:
      return line.itemName ?? line.reason ?? "";
  }
}

/**
 * Purchases, tips and private shows in one list: what, with whom or which pack, and the credits.
 * On a phone the details go under "What" instead of a column of their own, so the credits column
 * stays on the screen.
 */
export function HistoryTable({ lines }: { lines: HistoryLine[] }) {
  if (lines.length === 0) return <p className="text-slate-300">No activity yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Purchases, tips and private shows, newest first</caption>
        <thead className="text-slate-300">
          <tr>
            <th scope="col" className="py-2 pr-4">Date (UTC)</th>
            <th scope="col" className="pr-4">What</th>
            <th scope="col" className="hidden pr-4 sm:table-cell">Details</th>
            <th scope="col" className="text-right">Credits</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.key} className="border-t border-slate-800" data-testid="ledger-row" data-kind={line.kind}>
              <td className="py-2 pr-3 align-top tabular-nums sm:whitespace-nowrap">{utcMinute(line.at)}</td>
              <td className="py-2 pr-3 align-top">
                {KIND_LABEL[line.kind] ?? line.kind}
                <span className="block break-words text-xs text-slate-400 sm:hidden">{details(line)}</span>
              </td>
              <td className="hidden py-2 pr-4 align-top sm:table-cell">{details(line)}</td>
              <td className={`py-2 align-top text-right tabular-nums whitespace-nowrap ${line.credits < 0 ? "text-red-300" : "text-green-300"}`}>{line.credits > 0 ? `+${line.credits}` : line.credits}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
