// The demo world loaded into an empty database by `npm start` (README lists these accounts).

export const DEMO_PASSWORD = "demo-pass-123";

export const demoAdmin = { email: "admin@example.com", username: "admin" };

export const demoViewers = [
  { email: "viewer1@example.com", username: "viewer1", gender: "male", credits: 1200 },
  { email: "viewer2@example.com", username: "viewer2", gender: "female", credits: 600 },
  { email: "viewer3@example.com", username: "viewer3", gender: "male", credits: 3000 },
] as const;

export const demoPacks = [
  { seconds: 600, price: "10.00", description: "600 credits for 10.00" },
  { seconds: 1500, price: "20.00", description: "1500 credits for 20.00" },
  { seconds: 4000, price: "50.00", description: "4000 credits for 50.00" },
  { seconds: 100, price: "2.00", description: "Starter: 100 credits for 2.00" },
] as const;

type DemoPerformer = {
  slug: string;
  displayName: string;
  status: "online" | "offline";
  ratePerMinute: number;
  benefitPercent: string;
  bio: string;
  tags: string[];
};

export const demoPerformers: DemoPerformer[] = [
  { slug: "ava-rose", displayName: "Ava Rose", status: "online", ratePerMinute: 30, benefitPercent: "60", bio: "Yoga teacher by day, night owl by night.", tags: ["yoga", "fitness", "chat"] },
  { slug: "luna-star", displayName: "Luna Star", status: "online", ratePerMinute: 45, benefitPercent: "65", bio: "Astrology readings and good conversation.", tags: ["astrology", "chat"] },
  { slug: "mia-bell", displayName: "Mia Bell", status: "offline", ratePerMinute: 20, benefitPercent: "50", bio: "Singer-songwriter. Requests welcome.", tags: ["music", "singing"] },
  { slug: "zoe-quinn", displayName: "Zoe Quinn", status: "online", ratePerMinute: 60, benefitPercent: "70", bio: "Fitness coaching, one to one.", tags: ["fitness", "coaching"] },
  { slug: "nina-vale", displayName: "Nina Vale", status: "offline", ratePerMinute: 25, benefitPercent: "55", bio: "Painter; watch a canvas come alive.", tags: ["art", "painting"] },
  { slug: "leo-hart", displayName: "Leo Hart", status: "online", ratePerMinute: 35, benefitPercent: "60", bio: "Guitar lessons and late-night jams.", tags: ["music", "guitar"] },
  { slug: "ruby-fox", displayName: "Ruby Fox", status: "offline", ratePerMinute: 50, benefitPercent: "75", bio: "Tarot and tea.", tags: ["tarot", "chat"] },
  { slug: "max-rivers", displayName: "Max Rivers", status: "offline", ratePerMinute: 40, benefitPercent: "60", bio: "Chef: cook dinner together.", tags: ["cooking"] },
];

export const demoPerformerEmail = (slug: string) => `${slug}@example.com`;
