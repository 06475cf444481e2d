import http from "node:http";
import { startSmtpSink } from "./smtp-sink";

// The SMTP sink as a process of its own, for Playwright's webServer (playwright.config.ts): the site
// sends real SMTP to it; tests read what arrived from GET /mails (JSON) on its HTTP port.
const sink = await startSmtpSink(Number(process.env.SMTP_SINK_PORT ?? 3198));
const server = http.createServer((request, response) => {
  if (request.url === "/health") return void response.end("ok");
  if (request.url === "/mails") {
    response.setHeader("content-type", "application/json");
    return void response.end(JSON.stringify(sink.mails));
  }
  response.statusCode = 404;
  response.end();
});
server.listen(Number(process.env.SMTP_SINK_HTTP_PORT ?? 3197), "127.0.0.1");
console.log(`SMTP sink on ${sink.url}`);
const stop = () => void sink.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
