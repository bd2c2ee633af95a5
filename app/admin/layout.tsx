import type { ReactNode } from "react";
import { requireAdminPage } from "@/lib/server/admin/page-guard";
import { AdminNav } from "@/components/admin/AdminNav";

export const dynamic = "force-dynamic";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireAdminPage("/admin");
  return (
    <div className="space-y-6">
      <div className="space-y-3">
        <p className="text-sm font-semibold uppercase tracking-wide text-stone-600">Admin</p>
        <AdminNav />
      </div>
      {children}
    </div>
  );
}
