import "server-only";
import { prisma } from "@/lib/db/prisma";
import { loadEnv } from "@/lib/env";
import { mailEnabled, sendMailInBackground } from "@/lib/server/mail/send-mail";

/** A follower gets at most one "now live" e-mail per performer in this many hours. */
export const LIVE_MAIL_GAP_HOURS = 6;

/**
 * E-mails the followers of a performer who just went live: only confirmed, open, unblocked accounts,
 * and each at most once per LIVE_MAIL_GAP_HOURS. The claim is one UPDATE … RETURNING, so when every
 * instance hears the same event, each follower is mailed by exactly one of them.
 */
export async function mailFollowersLive({ performerId }: { performerId: number }): Promise<number> {
  if (!mailEnabled()) return 0;
  const performer = await prisma.performer.findUnique({ where: { id: performerId }, select: { displayName: true, slug: true, status: true } });
  if (!performer || performer.status !== "online") return 0;
  const claimed = await prisma.$queryRaw<{ email: string }[]>`
    UPDATE follows f SET mailed_at = now()
      FROM users u
     WHERE f.performer_id = ${performerId} AND u.id = f.user_id
       AND u.email_verified_at IS NOT NULL AND u.closed_at IS NULL AND NOT u.blocked
       AND (f.mailed_at IS NULL OR f.mailed_at < now() - make_interval(hours => ${LIVE_MAIL_GAP_HOURS}))
    RETURNING u.email`;
  const link = new URL(`/performers/${performer.slug}`, loadEnv().APP_URL).toString();
  for (const { email } of claimed) {
    sendMailInBackground({
      to: email,
      subject: `${performer.displayName} is live now`,
      text: `${performer.displayName}, whom you follow, just went live:\n${link}\n\nYou get this because you follow ${performer.displayName}; unfollow in the room to stop these e-mails.\n`,
    });
  }
  return claimed.length;
}
