import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { CustomCss } from "@/components/custom-css";
import { prisma } from "@/lib/db/prisma";
import { getCreditValue } from "@/lib/server/money/get-credit-value";
import { getCustomCss } from "@/lib/server/settings/get-custom-css";
import { getSettings } from "@/lib/server/settings/get-settings";
import { updateSettings } from "@/lib/server/settings/update-settings";
import { ZSettings } from "@/lib/validations/admin/settings";
import { createAdmin } from "@/test/helpers/factories";

let actorId: number;
beforeAll(async () => {
  actorId = (await createAdmin()).id;
});

const valid = { creditValue: "", currency: "usd", paypalReceiverEmail: "", chatProvider: "builtin", webmasterId: "", customCss: "" };

async function renderCustomCss(): Promise<string> {
  const element = CustomCss({ css: await getCustomCss() });
  return element ? renderToStaticMarkup(element) : "";
}

describe("settings", () => {
  it("upserts the single row; empty credit value means derived from the first pack", async () => {
    await prisma.creditPack.create({ data: { seconds: 600, price: "10.00", description: "600 credits" } });
    await updateSettings({ actorId, input: ZSettings.parse({ ...valid, creditValue: "0.0125", paypalReceiverEmail: "Shop@Example.com", webmasterId: "77", chatProvider: "html5chat" }) });
    await Promise.all([
      updateSettings({ actorId, input: ZSettings.parse({ ...valid, creditValue: "0.0125", chatProvider: "html5chat" }) }),
      updateSettings({ actorId, input: ZSettings.parse({ ...valid, creditValue: "0.0125", chatProvider: "html5chat" }) }),
    ]);
    expect(await prisma.setting.count()).toBe(1);
    expect((await getCreditValue(prisma)).toFixed()).toBe("0.0125");
    await updateSettings({ actorId, input: ZSettings.parse({ ...valid, paypalReceiverEmail: "Shop@Example.com", webmasterId: "77" }) });
    expect(await getSettings()).toMatchObject({ creditValue: "", effectiveCreditValue: "0.016667", currency: "USD", paypalReceiverEmail: "shop@example.com", webmasterId: "77", chatProvider: "builtin" });
  });

  it("keeps the spy-mode switch: a ticked checkbox turns it on, an absent one off", async () => {
    await updateSettings({ actorId, input: ZSettings.parse({ ...valid, spyEnabled: "on" }) });
    expect((await getSettings()).spyEnabled).toBe(true);
    await updateSettings({ actorId, input: ZSettings.parse(valid) });
    expect((await getSettings()).spyEnabled).toBe(false);
    expect((await prisma.setting.findUniqueOrThrow({ where: { id: 1 } })).spyEnabled).toBe(false);
  });

  it("names each bad field", () => {
    const result = ZSettings.safeParse({ creditValue: "-1", currency: "dollars", paypalReceiverEmail: "nope", chatProvider: "skype", webmasterId: "abc", customCss: "a</style>" });
    expect(new Set(result.error!.issues.map((i) => i.path[0]))).toEqual(new Set(["creditValue", "currency", "paypalReceiverEmail", "chatProvider", "webmasterId", "customCss"]));
  });
});

describe("custom CSS", () => {
  it("refuses any '<' in the form, in any case or spelling of </style", () => {
    for (const css of ["</style><script>alert(1)</script>", "</STYLE >", "a{}</sTyLe", "<!--", "body{} <"]) {
      expect(ZSettings.safeParse({ ...valid, customCss: css }).success, css).toBe(false);
    }
    expect(ZSettings.parse({ ...valid, customCss: "ul > li { color: hotpink } a::after { content: '>' }" }).customCss).toContain(">");
  });

  it("renders in a <style> element it cannot leave, even when the database holds a hostile value", async () => {
    expect(await renderCustomCss()).toBe("");
    await prisma.setting.upsert({ where: { id: 1 }, create: { id: 1, customCss: "body{color:red}" }, update: { customCss: "body{color:red}" } });
    expect(await renderCustomCss()).toBe('<style data-testid="custom-css">body{color:red}</style>');
    for (const hostile of ["a{}</style><script>alert(1)</script><STYLE>", "body{background:url(https://evil.example/p.png)}", "@import 'https://evil.example/x.css';"]) {
      await prisma.setting.update({ where: { id: 1 }, data: { customCss: hostile } });
      expect(await renderCustomCss(), hostile).toBe("");
    }
  });

  it("refuses on save, with a field error, CSS that fetches from another site", async () => {
    for (const css of ["@import url(https://evil.example/x.css);", "body { background: url(//evil.example/p.png) }", "b { background: \\75 rl(http://evil.example) }"]) {
      const result = ZSettings.safeParse({ ...valid, customCss: css });
      expect(result.success, css).toBe(false);
      expect(result.error!.issues.map((i) => i.path[0]), css).toEqual(["customCss"]);
    }
    expect(ZSettings.parse({ ...valid, customCss: "body { background: url(/uploads/a.jpg) }" }).customCss).toContain("/uploads/a.jpg");
  });
});
