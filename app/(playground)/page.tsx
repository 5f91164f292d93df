export default function PlaygroundPage() {
  return (
    <main className="mx-auto max-w-2xl p-8">
      <h1 className="text-2xl font-semibold">Identity Playground</h1>
      <p className="mt-2 text-neutral-600">The playground page is being built.</p>
    </main>
  );
}
