import "server-only";
import { prisma } from "@/lib/db/prisma";
import { loadEnv } from "@/lib/env";
import { getCreditValue } from "@/lib/server/money/get-credit-value";
import { getChatConfig } from "./get-chat-config";

export type SettingsView = {
  /** The stored value, "" when the credit value is derived from the first pack. */
  creditValue: string;
  /** What is in force now (stored or derived), for the form's hint. */
  effectiveCreditValue: string;
  currency: string;
  paypalReceiverEmail: string;
  chatProvider: "builtin" | "html5chat";
  webmasterId: string;
  customCss: string;
  spyEnabled: boolean;
  updatedAt: Date | null;
};

/** The settings row (id 1) as the admin form shows it; defaults from the environment before it exists. */
export async function getSettings(): Promise<SettingsView> {
  const env = loadEnv();
  const [row, effective, chat] = await Promise.all([prisma.setting.findUnique({ where: { id: 1 } }), getCreditValue(prisma), getChatConfig()]);
  return {
    creditValue: row?.creditValue?.toFixed() ?? "",
    effectiveCreditValue: effective.toFixed(),
    currency: row?.currency ?? env.PAYPAL_CURRENCY,
    paypalReceiverEmail: row?.paypalReceiverEmail ?? "",
    chatProvider: chat.provider,
    webmasterId: chat.webmasterId?.toString() ?? "",
    customCss: row?.customCss ?? "",
    spyEnabled: row?.spyEnabled ?? true,
    updatedAt: row?.updatedAt ?? null,
  };
}
