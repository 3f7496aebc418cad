// Max's [js] object runs ES5 (no let/const, arrows, template strings, classes): parse each
// device script as ES5 with the parser Node itself carries (needs --expose-internals).
// Run: node --expose-internals tests/js/check-es5.js FILE...
"use strict";

const fs = require("fs");
const acorn = require("internal/deps/acorn/acorn/dist/acorn");

let failed = false;
for (const file of process.argv.slice(2)) {
  try {
    acorn.parse(fs.readFileSync(file, "utf8"), { ecmaVersion: 5 });
  } catch (error) {
    failed = true;
    process.stdout.write(`${file}: not ES5: ${error.message}\n`);
  }
}
process.exit(failed ? 1 : 0);
