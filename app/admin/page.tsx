import { redirect } from "next/navigation";
import { requireAdminPage } from "@/lib/server/admin/page-guard";

export const dynamic = "force-dynamic";

export default async function AdminHome() {
  await requireAdminPage("/admin");
  redirect("/admin/users");
}
