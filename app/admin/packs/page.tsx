import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/admin/action-form";
import { ButtonForm } from "@/components/admin/button-form";
import { SubmitButton } from "@/components/admin/fields";
import { PackFields } from "@/components/admin/pack-fields";
import { Badge, Card, Empty, LINK, PageTitle, Table, TD } from "@/components/admin/ui";
import { loadEnv } from "@/lib/env";
import { requirePageUser } from "@/lib/server/auth/current-user";
import { listAdminPacks } from "@/lib/server/packs/list-admin-packs";
import { createPackAction, deletePackAction, setPackActiveAction } from "./actions";

export const metadata: Metadata = { title: "Credit packs · Admin" };

export default async function AdminPacksPage() {
  await requirePageUser(["admin"], "/admin/packs");
  const packs = await listAdminPacks();
  const currency = loadEnv().PAYPAL_CURRENCY;
  return (
    <div className="space-y-6">
      <PageTitle>Credit packs</PageTitle>
      {packs.length === 0 ? (
        <Empty>No credit packs yet: add one below.</Empty>
      ) : (
        <Table caption="Credit packs" head={["Description", "Credits", "Price", "Status", "Bought", "Actions"]} testId="admin-packs">
          {packs.map((p) => (
            <tr key={p.id} data-testid="admin-pack-row">
              <td className={TD}><Link className={LINK} href={`/admin/packs/${p.id}`}>{p.description}</Link></td>
              <td className={TD}>{p.credits}</td>
              <td className={TD}>{p.price} {p.currency}</td>
              <td className={TD}>{p.active ? <Badge tone="green">on sale</Badge> : <Badge>inactive</Badge>}</td>
              <td className={TD}>{p.purchases}</td>
              <td className={`${TD} flex flex-wrap gap-2`}>
                {p.active ? (
                  <ButtonForm action={setPackActiveAction.bind(null, p.id, false)} label="Deactivate" ariaLabel={`Deactivate ${p.description}`} />
                ) : (
                  <ButtonForm action={setPackActiveAction.bind(null, p.id, true)} label="Activate" ariaLabel={`Activate ${p.description}`} />
                )}
                {p.purchases === 0 && (
                  <ButtonForm
                    action={deletePackAction.bind(null, p.id)} label="Delete" ariaLabel={`Delete ${p.description}`} tone="danger"
                    confirm="Delete this pack for good? (Packs that were bought can only be deactivated.)"
                  />
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Card title="New pack" id="new-pack">
        <ActionForm action={createPackAction} resetOnSuccess success="Pack added and on sale." aria-label="New pack" className="space-y-4">
          <PackFields currency={currency} />
          <SubmitButton pendingText="Adding…">Add pack</SubmitButton>
        </ActionForm>
      </Card>
    </div>
  );
}
