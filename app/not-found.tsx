import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <h1 className="mb-2 text-3xl font-bold">Not found</h1>
      <p className="mb-6 text-slate-300">There is nothing at this address.</p>
      <Link className="underline" href="/">Back to the performers</Link>
    </div>
  );
}
