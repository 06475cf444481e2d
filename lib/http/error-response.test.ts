import { describe, expect, it, vi } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { actionError } from "./action-result";
import { errorResult } from "./error-response";

const prismaError = (code: string) => new Prisma.PrismaClientKnownRequestError("Invalid `prisma.show.update()` invocation: secret SQL", { code, clientVersion: "7.10.0" });

describe("errorResult", () => {
  it("answers Prisma's record-not-found (P2025) with 404 not_found, without Prisma's message", () => {
    const result = errorResult(prismaError("P2025"));
    expect(result).toEqual({ status: 404, body: { error: { code: "not_found", message: expect.any(String) } } });
    expect(JSON.stringify(result)).not.toContain("prisma");
    expect(actionError(prismaError("P2025"))).toMatchObject({ ok: false, code: "not_found" });
  });

  it("still answers any other Prisma error as a generic 500", () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(errorResult(prismaError("P2010"))).toEqual({ status: 500, body: { error: { code: "internal_error", message: "Internal error" } } });
    errors.mockRestore();
  });
});
