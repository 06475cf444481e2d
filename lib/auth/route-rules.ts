import type { Role } from "@/lib/generated/prisma/enums";

// Which signed-in roles may open which area. proxy.ts applies it as a first, cheap check; every
// page and action checks the role again on the server (lib/server/auth/current-user.ts).
export const ROUTE_RULES: { prefix: string; roles: readonly Role[] }[] = [
  { prefix: "/admin", roles: ["admin"] },
  { prefix: "/studio", roles: ["performer"] },
  { prefix: "/account", roles: ["viewer", "performer", "admin"] },
];

export function ruleFor(pathname: string) {
  return ROUTE_RULES.find((rule) => pathname === rule.prefix || pathname.startsWith(`${rule.prefix}/`));
}
