import { TextField } from "./fields";

type Pack = { credits: number; price: string; currency: string; description: string };

export function PackFields({ pack, currency }: { pack?: Pack; currency: string }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField label="Credits" name="credits" type="number" inputMode="numeric" required defaultValue={pack?.credits} hint="Granted on purchase (the seed's “seconds”)." />
      <TextField label="Price" name="price" inputMode="decimal" required defaultValue={pack?.price} placeholder="10.00" hint="More than 0, at most 2 decimals." />
      <TextField label="Currency" name="currency" required defaultValue={pack?.currency ?? currency} hint={`PayPal buttons load in ${currency}.`} />
      <TextField label="Description" name="description" required defaultValue={pack?.description} placeholder="600 credits for 10.00" />
    </div>
  );
}
