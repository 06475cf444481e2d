import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";

// The admin's frame. It checks nothing itself: a layout is not re-rendered on every navigation, so
// each page calls requirePageUser(["admin"]) and each action and route handler requireUser(["admin"]).
export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <div className="space-y-6">
      <AdminNav />
      {children}
    </div>
  );
}
