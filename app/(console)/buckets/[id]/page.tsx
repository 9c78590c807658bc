import { BucketDataScreen } from './bucket-data-screen';

export default async function BucketPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <BucketDataScreen id={id} />;
}
