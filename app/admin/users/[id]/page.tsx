import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/admin/action-form";
import { ButtonForm } from "@/components/admin/button-form";
import { SubmitButton, TextField } from "@/components/admin/fields";
import { Badge, Card, Empty, formatDate, LINK, PageTitle, Pagination, Table, TD } from "@/components/admin/ui";
import { flatParams, type SearchParams } from "@/lib/admin/search-params";
import { AppError } from "@/lib/errors";
import { routeId } from "@/lib/http/route-params";
import { requirePageUser } from "@/lib/server/auth/current-user";
import { getAdminUser } from "@/lib/server/users/get-admin-user";
import { ADMIN_LEDGER_PAGE_SIZE, listAdminLedger } from "@/lib/server/users/list-admin-ledger";
import { zPage } from "@/lib/validations/admin/fields";
import { adjustCreditsAction, setUserBlockedAction } from "../actions";

export const metadata: Metadata = { title: "User · Admin" };

export default async function AdminUserPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const { id } = await params;
  const admin = await requirePageUser(["admin"], `/admin/users/${id}`);
  const userId = routeId(id);
  if (userId === null) notFound();
  const page = zPage.catch(1).parse((await flatParams(searchParams)).page);
  const [user, ledger] = await Promise.all([
    getAdminUser({ userId }).catch((error) => {
      if (error instanceof AppError && error.code === "not_found") notFound();
      throw error;
    }),
    listAdminLedger({ userId, page }),
  ]);
  return (
    <div className="space-y-6">
      <PageTitle>{user.username}</PageTitle>
      <Card>
        <dl className="grid gap-3 text-sm sm:grid-cols-4">
          <div><dt className="text-slate-400">E-mail</dt><dd>{user.email}</dd></div>
          <div><dt className="text-slate-400">Role</dt><dd>{user.role}{user.performer && <> · <Link className={LINK} href={`/admin/performers/${user.performer.id}`}>{user.performer.displayName}</Link></>}</dd></div>
          <div><dt className="text-slate-400">Balance</dt><dd className="text-xl font-semibold" data-testid="admin-user-credits">{user.credits}</dd></div>
          <div>
            <dt className="text-slate-400">State</dt>
            <dd className="space-x-1">
              {user.blocked ? <Badge tone="red">blocked</Badge> : <Badge tone="green">active</Badge>}
              {user.flagged && <Badge tone="yellow">on hold (PayPal reversal)</Badge>}
            </dd>
          </div>
        </dl>
        {user.id !== admin.id &&
          (user.blocked ? (
            <ButtonForm action={setUserBlockedAction.bind(null, user.id, false)} label="Unblock" tone="primary" />
          ) : (
            <ButtonForm
              action={setUserBlockedAction.bind(null, user.id, true)} label="Block" tone="danger"
              confirm={user.performer ? "Block this performer? Their profile is disabled too and a running show ends." : "Block this user? They are signed out and cannot spend credits."}
            />
          ))}
      </Card>

      <Card title="Adjust credits" id="adjust">
        <ActionForm action={adjustCreditsAction.bind(null, user.id)} resetOnSuccess success="Credits adjusted." aria-label="Adjust credits" className="space-y-4">
          <input type="hidden" name="idempotencyKey" value={randomUUID()} />
          <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
            <TextField label="Credits (+ or −)" name="delta" type="number" inputMode="numeric" required hint="Negative takes credits away, never below 0." />
            <TextField label="Reason" name="reason" required hint="Required; shown in the user's history." />
          </div>
          <SubmitButton pendingText="Applying…">Apply adjustment</SubmitButton>
        </ActionForm>
      </Card>

      <section aria-labelledby="ledger-title" className="space-y-3">
        <h2 id="ledger-title" className="text-lg font-semibold">Ledger</h2>
        {ledger.lines.length === 0 ? (
          <Empty>No credit movements yet.</Empty>
        ) : (
          <Table caption="Ledger" head={["When", "Kind", "Credits", "Balance", "Reference", "Reason", "By"]} testId="admin-ledger">
            {ledger.lines.map((l) => (
              <tr key={l.id} data-testid="admin-ledger-row">
                <td className={`${TD} whitespace-nowrap`}>{formatDate(l.createdAt)}</td>
                <td className={TD}>{l.kind}</td>
                <td className={`${TD} ${l.delta < 0 ? "text-red-300" : "text-green-300"}`}>{l.delta > 0 ? `+${l.delta}` : l.delta}</td>
                <td className={TD}>{l.balanceAfter}</td>
                <td className={`${TD} break-all`}>{l.reference}</td>
                <td className={TD}>{l.reason}</td>
                <td className={TD}>{l.actor}</td>
              </tr>
            ))}
          </Table>
        )}
        <Pagination page={page} pageSize={ADMIN_LEDGER_PAGE_SIZE} total={ledger.total} path={`/admin/users/${user.id}`} params={{}} />
      </section>

      <section aria-labelledby="purchases-title" className="space-y-3">
        <h2 id="purchases-title" className="text-lg font-semibold">Purchases</h2>
        {user.purchases.length === 0 ? (
          <Empty>No PayPal purchases.</Empty>
        ) : (
          <Table caption="Purchases" head={["When", "Transaction", "Credits", "Price", "Status", "Source"]}>
            {user.purchases.map((p) => (
              <tr key={p.id}>
                <td className={`${TD} whitespace-nowrap`}>{formatDate(p.date)}</td>
                <td className={TD}><Link className={LINK} href={`/admin/purchases/${p.id}`}>{p.txnId}</Link></td>
                <td className={TD}>{p.credits}</td>
                <td className={TD}>{p.price} {p.currency}</td>
                <td className={TD}>{p.status}</td>
                <td className={TD}>{p.source}</td>
              </tr>
            ))}
          </Table>
        )}
      </section>
    </div>
  );
}
