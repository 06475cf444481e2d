import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/admin/action-form";
import { SubmitButton } from "@/components/admin/fields";
import { PackFields } from "@/components/admin/pack-fields";
import { Badge, Card, LINK, PageTitle } from "@/components/admin/ui";
import { loadEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { routeId } from "@/lib/http/route-params";
import { requirePageUser } from "@/lib/server/auth/current-user";
import { getAdminPack } from "@/lib/server/packs/get-admin-pack";
import { updatePackAction } from "../actions";

export const metadata: Metadata = { title: "Credit pack · Admin" };

export default async function AdminPackPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageUser(["admin"], `/admin/packs/${id}`);
  const packId = routeId(id);
  if (packId === null) notFound();
  const pack = await getAdminPack({ packId }).catch((error) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <div className="max-w-3xl space-y-4">
      <PageTitle>{pack.description}</PageTitle>
      <p className="flex flex-wrap items-center gap-2 text-sm text-slate-300">
        {pack.active ? <Badge tone="green">on sale</Badge> : <Badge>inactive</Badge>}
        Bought {pack.purchases} time(s). Earlier purchases keep the price and credits they were bought at.
      </p>
      <Card title="Edit" id="edit-pack">
        <ActionForm action={updatePackAction.bind(null, pack.id)} success="Saved." aria-label="Edit pack" className="space-y-4">
          <PackFields pack={pack} currency={loadEnv().PAYPAL_CURRENCY} />
          <SubmitButton pendingText="Saving…">Save pack</SubmitButton>
        </ActionForm>
      </Card>
      <Link className={LINK} href="/admin/packs">← All packs</Link>
    </div>
  );
}
