import "server-only";
import type { PrivateShow, ShowEndReason, ShowKind, ShowStatus } from "@/lib/generated/prisma/client";

/** The `Show` object of API.md: ISO-8601 UTC times, null where not reached yet. */
export type ApiShow = {
  id: number;
  userId: number;
  performerId: number;
  status: ShowStatus;
  kind: ShowKind;
  parentShowId: number | null;
  ratePerMinute: number;
  minimumSeconds: number;
  requestedAt: string;
  startedAt: string | null;
  endedAt: string | null;
  endReason: ShowEndReason | null;
  secondsBilled: number;
  creditsCharged: number;
};

type ShowRow = Pick<
  PrivateShow,
  "id" | "userId" | "performerId" | "status" | "kind" | "parentShowId" | "ratePerMinute" | "minimumSeconds" | "requestedAt" | "startedAt" | "endedAt" | "endReason" | "secondsBilled" | "creditsCharged"
>;

// Picks the contract's fields explicitly, so internal columns (lastHeartbeatAt) never leak.
export function toApiShow(row: ShowRow): ApiShow {
  return {
    id: row.id,
    userId: row.userId,
    performerId: row.performerId,
    status: row.status,
    kind: row.kind,
    parentShowId: row.parentShowId,
    ratePerMinute: row.ratePerMinute,
    minimumSeconds: row.minimumSeconds,
    requestedAt: row.requestedAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
    endReason: row.endReason,
    secondsBilled: row.secondsBilled,
    creditsCharged: row.creditsCharged,
  };
}
