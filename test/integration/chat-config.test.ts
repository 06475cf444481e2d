import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { getChatConfig } from "@/lib/server/settings/get-chat-config";

describe("getChatConfig", () => {
  it("follows the environment until an admin saves the settings, then the settings", async () => {
    process.env.WEBMASTER_ID = "4242";
    expect(await getChatConfig()).toEqual({ provider: "builtin", webmasterId: 4242 });
    await prisma.setting.create({ data: { id: 1, chatProvider: "html5chat", webmasterId: 77 } });
    expect(await getChatConfig()).toEqual({ provider: "html5chat", webmasterId: 77 });
    await prisma.setting.update({ where: { id: 1 }, data: { chatProvider: "builtin", webmasterId: null } });
    expect(await getChatConfig()).toEqual({ provider: "builtin", webmasterId: undefined });
  });
});
