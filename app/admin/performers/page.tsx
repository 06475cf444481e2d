import type { Metadata } from "next";
import Image from "next/image";
import Link from "next/link";
import { Badge, BUTTON_LINK, Empty, LINK, PageTitle, Pagination, Table, TD } from "@/components/admin/ui";
import { flatParams, type SearchParams } from "@/lib/admin/search-params";
import { requirePageUser } from "@/lib/server/auth/current-user";
import { listAdminPerformers, PERFORMERS_PAGE_SIZE } from "@/lib/server/performers/list-admin-performers";
import { zPage } from "@/lib/validations/admin/fields";

export const metadata: Metadata = { title: "Performers · Admin" };

const STATUS_TONE = { online: "green", busy: "yellow", offline: "slate" } as const;

export default async function AdminPerformersPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageUser(["admin"], "/admin/performers");
  const page = zPage.catch(1).parse((await flatParams(searchParams)).page);
  const { performers, total } = await listAdminPerformers({ page });
  return (
    <div className="space-y-4">
      <PageTitle action={<Link href="/admin/performers/new" className={BUTTON_LINK}>New performer</Link>}>Performers</PageTitle>
      {performers.length === 0 ? (
        <Empty>No performers yet.</Empty>
      ) : (
        <Table caption="Performers" head={["Photo", "Name", "E-mail", "Status", "Rate / min", "Benefit", ""]} testId="admin-performers">
          {performers.map((p) => (
            <tr key={p.id} data-testid="admin-performer-row">
              <td className={TD}>
                <div className="relative h-12 w-9 overflow-hidden rounded bg-slate-800">
                  {p.photo && <Image src={p.photo} alt="" fill sizes="36px" className="object-cover" />}
                </div>
              </td>
              <td className={TD}>
                <Link className={LINK} href={`/admin/performers/${p.id}`}>{p.displayName}</Link>
                <div className="text-xs text-slate-400">/{p.slug}</div>
              </td>
              <td className={TD}>{p.email}</td>
              <td className={TD}>
                <Badge tone={STATUS_TONE[p.status]}>{p.status}</Badge> {p.disabled && <Badge tone="red">disabled</Badge>}
              </td>
              <td className={TD}>{p.ratePerMinute}</td>
              <td className={TD}>{p.benefitPercent}%</td>
              <td className={TD}><Link className={LINK} href={`/admin/performers/${p.id}`} aria-label={`Edit ${p.displayName}`}>Edit</Link></td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination page={page} pageSize={PERFORMERS_PAGE_SIZE} total={total} path="/admin/performers" params={{}} />
    </div>
  );
}
