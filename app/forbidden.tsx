import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-lg space-y-3 rounded-lg border border-red-300 bg-white p-6" data-testid="forbidden">
      <p className="text-sm font-semibold uppercase tracking-wide text-red-800">403 – Forbidden</p>
      <h1 className="text-2xl font-bold text-stone-900">Admins only</h1>
      <p className="text-stone-700">
        This page is for the desk&apos;s administrators. If you need access, ask an admin to change your role.
      </p>
      <p className="flex gap-4">
        <Link href="/review" className="font-medium text-blue-800 underline">
          Go to the review desk
        </Link>
        <Link href="/" className="font-medium text-blue-800 underline">
          Published articles
        </Link>
      </p>
    </div>
  );
}
