import type { LedgerLine } from "@/lib/server/users/list-ledger";

const KIND_LABEL: Record<string, string> = {
  purchase: "Credits bought",
  tip: "Tip",
  show: "Private show",
  refund: "PayPal refund",
  reversal: "PayPal reversal",
  canceled_reversal: "Reversal cancelled",
  admin_adjustment: "Adjustment",
};

export function LedgerTable({ lines }: { lines: LedgerLine[] }) {
  if (lines.length === 0) return <p className="text-slate-400">No activity yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-slate-400">
          <tr><th className="py-2 pr-4">Date</th><th className="pr-4">What</th><th className="pr-4 text-right">Credits</th><th className="text-right">Balance</th></tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.id} className="border-t border-slate-800" data-testid="ledger-row">
              <td className="py-2 pr-4 whitespace-nowrap">{line.createdAt.toISOString().slice(0, 16).replace("T", " ")}</td>
              <td className="pr-4">{KIND_LABEL[line.kind] ?? line.kind}{line.reason ? ` — ${line.reason}` : ""}</td>
              <td className={`pr-4 text-right ${line.delta < 0 ? "text-red-300" : "text-green-300"}`}>{line.delta > 0 ? `+${line.delta}` : line.delta}</td>
              <td className="text-right">{line.balanceAfter}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
