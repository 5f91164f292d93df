/**
 * Fallback load generator when wrk is unavailable: `connections` keep-alive loops posting
 * the same body for `seconds`. argv: <url> <apiKey> <body> <seconds> <connections>. Prints JSON.
 */
import http from "node:http";

const [url, apiKey, body, secondsArg, connectionsArg] = process.argv.slice(2);
const seconds = Number(secondsArg);
const connections = Number(connectionsArg);
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const target = new URL(url);
const latencies = [];
let non2xx = 0;
let errors = 0;
const started = performance.now();
const deadline = started + seconds * 1000;

function once() {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const req = http.request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${apiKey}`,
          "content-length": Buffer.byteLength(body),
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => {
          latencies.push(performance.now() - t0);
          if (res.statusCode < 200 || res.statusCode > 299) non2xx += 1;
          resolve();
        });
      },
    );
    req.on("error", () => {
      errors += 1;
      resolve();
    });
    req.end(body);
  });
}

async function loop() {
  while (performance.now() < deadline) await once();
}

await Promise.all(Array.from({ length: connections }, loop));
const elapsed = (performance.now() - started) / 1000;
agent.destroy();
process.stdout.write(
  JSON.stringify({ requests: latencies.length, seconds: elapsed, non2xx, errors, latencies }),
);
