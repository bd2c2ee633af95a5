import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/server/session";

export const dynamic = "force-dynamic";

export default async function ReviewDeskPage() {
  const user = await getSessionUser();
  if (!user) redirect("/login?callbackUrl=/review");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-stone-900">Review desk</h1>
      <p className="text-stone-700">
        Signed in as <strong>{user.name}</strong> ({user.email}, {user.role}).
      </p>
    </div>
  );
}
