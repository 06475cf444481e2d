import "server-only";
import { inTransaction } from "@/lib/db/in-transaction";
import type { Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { TicketShow } from "@/lib/generated/prisma/client";
import { lockTicketShow } from "./lock-ticket-show";
import { cancelAndRefund } from "./refund-tickets";

/** The performer cancels a scheduled ticket show: every ticket is refunded. Cancelling a cancelled show returns it. */
export async function cancelTicketShow({ ticketShowId, now = new Date(), db }: { ticketShowId: number; now?: Date; db?: Tx }): Promise<TicketShow> {
  return inTransaction(db, async (tx) => {
    const show = await lockTicketShow(tx, ticketShowId);
    if (show.status === "cancelled") return show;
    if (show.status !== "scheduled") throw new AppError("invalid_transition", `Ticket show ${ticketShowId} is ${show.status}; only a scheduled one can be cancelled.`);
    await cancelAndRefund(tx, show, "cancelled by the performer", now);
    return tx.ticketShow.findUniqueOrThrow({ where: { id: ticketShowId } });
  });
}
