import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex max-w-xl flex-col gap-3 px-6 py-16">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="text-sm text-neutral-600 dark:text-neutral-300">
        There is nothing at this address.
      </p>
      <p>
        <Link
          href="/"
          className="text-sm font-medium text-blue-700 underline focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-400"
        >
          Open the Identity Playground
        </Link>
      </p>
    </main>
  );
}
