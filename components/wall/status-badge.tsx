import type { WallStatus } from "@/lib/server/performers/list-performers";

const STYLES: Record<WallStatus, string> = {
  online: "bg-green-500 text-green-950",
  busy: "bg-yellow-400 text-yellow-950",
  offline: "bg-red-700 text-white",
};

export function StatusBadge({ status }: { status: WallStatus }) {
  return (
    <span data-testid="status" data-status={status} className={`rounded-full px-2 py-0.5 text-xs font-semibold uppercase ${STYLES[status]}`}>
      {status}
    </span>
  );
}
