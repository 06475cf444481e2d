import type { Metadata } from "next";
import Link from "next/link";
import { FilterInput, SearchForm } from "@/components/admin/search-form";
import { Badge, Empty, LINK, PageTitle, Pagination, Table, TD } from "@/components/admin/ui";
import { flatParams, type SearchParams } from "@/lib/admin/search-params";
import { requirePageUser } from "@/lib/server/auth/current-user";
import { searchUsers, USERS_PAGE_SIZE } from "@/lib/server/users/search-users";
import { ZUserSearch } from "@/lib/validations/admin/user";

export const metadata: Metadata = { title: "Users · Admin" };

export default async function AdminUsersPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageUser(["admin"], "/admin/users");
  const parsed = ZUserSearch.safeParse(await flatParams(searchParams));
  const query = parsed.success ? parsed.data : { q: undefined, page: 1 };
  const { users, total } = await searchUsers(query);
  return (
    <div className="space-y-4">
      <PageTitle>Users</PageTitle>
      <SearchForm action="/admin/users" label="Search users">
        <FilterInput label="E-mail or username" name="q" type="search" defaultValue={query.q} />
      </SearchForm>
      {users.length === 0 ? (
        <Empty>No user matches.</Empty>
      ) : (
        <Table caption="Users" head={["User", "E-mail", "Role", "Credits", "State"]} testId="admin-users">
          {users.map((u) => (
            <tr key={u.id} data-testid="admin-user-row">
              <td className={TD}><Link className={LINK} href={`/admin/users/${u.id}`}>{u.username}</Link></td>
              <td className={TD}>{u.email}</td>
              <td className={TD}>{u.role}</td>
              <td className={TD}>{u.credits}</td>
              <td className={TD}>
                {u.blocked && <Badge tone="red">blocked</Badge>} {u.flagged && <Badge tone="yellow">on hold</Badge>}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination page={query.page} pageSize={USERS_PAGE_SIZE} total={total} path="/admin/users" params={{ q: query.q }} />
    </div>
  );
}
