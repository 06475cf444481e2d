import type { ShowKind, TipAction } from "@/lib/generated/prisma/enums";

// What a ppv_tips row was, for reports, CSV and charts. The row's action says tip, per-second
// session or ticket; a tip's item says tip menu; a session's show kind says private, spy or group.

export const EARNING_KINDS = ["tip", "menu_tip", "private_show", "spy_show", "group_show", "ticket"] as const;
export type EarningKind = (typeof EARNING_KINDS)[number];

export const EARNING_LABEL: Record<EarningKind, string> = {
  tip: "tip",
  menu_tip: "tip menu",
  private_show: "private show",
  spy_show: "spy show",
  group_show: "group show",
  ticket: "ticket",
};

export function earningKind(row: { action: TipAction; menuItemId: number | null; showKind: ShowKind | null }): EarningKind {
  if (row.action === "ticket") return "ticket";
  if (row.action === "tips") return row.menuItemId === null ? "tip" : "menu_tip";
  if (row.showKind === "spy") return "spy_show";
  if (row.showKind === "group") return "group_show";
  return "private_show";
}

/** The SQL twin of earningKind, for the charts' GROUP BY (ppv_tips t LEFT JOIN private_shows s). */
export const EARNING_KIND_SQL = `CASE WHEN t.action = 'ticket' THEN 'ticket'
  WHEN t.action = 'tips' THEN CASE WHEN t.menu_item_id IS NULL THEN 'tip' ELSE 'menu_tip' END
  WHEN s.kind = 'spy' THEN 'spy_show' WHEN s.kind = 'group' THEN 'group_show' ELSE 'private_show' END`;
