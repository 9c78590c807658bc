/** An empty page of the same build: the first-load JavaScript baseline `npm run bench` compares routes with. */
export default function BaselinePage() {
  return <main className="p-6 text-sm">Empty page (benchmark baseline).</main>;
}
