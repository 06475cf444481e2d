import Link from "next/link";

export default function ForbiddenPage() {
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <h1 className="mb-2 text-3xl font-bold">403 — not allowed</h1>
      <p className="mb-6 text-slate-300">Your account cannot open this page.</p>
      <Link className="underline" href="/">Back to the performers</Link>
    </div>
  );
}
