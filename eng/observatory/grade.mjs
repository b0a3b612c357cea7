// Grades one page the way the Mozilla HTTP Observatory does (its own retriever, tests and grader), but for a
// host:port pair of our choosing, a path, and optionally a session cookie: its CLI can only scan a bare host's
// front page, and refuses to grade an error status such as a 404. Prints the scan as JSON.
//
//   node grade.mjs <host> <httpPort> <httpsPort> <path> [cookie-header]
//
// Trust the server's certificate with NODE_EXTRA_CA_CERTS; the grader otherwise retries unverified, which is
// not what a browser would do.
import { retrieve } from "@mdn/mdn-http-observatory/src/retriever/retriever.js";
import { ALL_TESTS, NUM_TESTS } from "@mdn/mdn-http-observatory/src/constants.js";
import { MINIMUM_SCORE_FOR_EXTRA_CREDIT } from "@mdn/mdn-http-observatory/src/grader/charts.js";
import { getGradeForScore, getScoreModifier } from "@mdn/mdn-http-observatory/src/grader/grader.js";

const [host, httpPort, httpsPort, path, cookie] = process.argv.slice(2);
const headers = ["Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"];
if (cookie) headers.push(`Cookie: ${cookie}`);

const retrieved = await retrieve(host, { httpPort, httpsPort, path, headers });
if (!retrieved.responses.auto) {
  console.error(`${host}: no response`);
  process.exit(2);
}

// The same arithmetic as the Observatory's scan(): bonuses count only once the score without them is an A.
let withExtraCredit = 100;
let uncurved = 100;
const tests = {};
for (const test of ALL_TESTS) {
  const output = test(retrieved);
  const modifier = output.result ? getScoreModifier(output.result) : 0;
  withExtraCredit += modifier;
  if (modifier < 0) uncurved += modifier;
  tests[output.constructor.name] = { pass: output.pass, result: output.result, scoreModifier: modifier };
}
const grade = getGradeForScore(uncurved >= MINIMUM_SCORE_FOR_EXTRA_CREDIT ? withExtraCredit : uncurved);
console.log(JSON.stringify({
  url: retrieved.session?.url.href,
  statusCode: retrieved.responses.auto.status,
  verified: retrieved.responses.auto.verified,
  grade: grade.grade,
  score: grade.score,
  testsQuantity: NUM_TESTS,
  tests,
}, null, 2));
