// The README's JavaScript snippets, run as written: each fenced `js` block of README.md is
// written to a module inside this suite (so `@aws-sdk/client-sagemaker` resolves to the pinned
// SDK) and run by node against an emulator on a free port, `127.0.0.1:8787` read as that port.
// The Python suite runs the README's shell and Python snippets the same way (test_readme.py).

import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { promisify } from "node:util";
import { Emulator, REPO } from "../lib/emulator.mjs";

const run = promisify(execFile);
let server;
before(async () => {
  server = await Emulator.start();
});
after(async () => {
  await server.stop();
});

function jsBlocks() {
  const lines = readFileSync(join(REPO, "README.md"), "utf8").split("\n");
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== "```js") continue;
    const start = i + 1;
    let j = start;
    while (j < lines.length && !lines[j].startsWith("```")) j++;
    blocks.push({ line: start, code: lines.slice(start, j).join("\n") });
    i = j;
  }
  return blocks;
}

test("every js snippet of the README runs against the emulator", async () => {
  const blocks = jsBlocks();
  assert.ok(blocks.length >= 1, "the README has no js snippet");
  const port = new URL(server.endpoint).port;
  for (const block of blocks) {
    const file = join(REPO, "client-tests", "js", `.readme-snippet-${block.line}.mjs`);
    writeFileSync(file, block.code.replaceAll("127.0.0.1:8787", `127.0.0.1:${port}`));
    try {
      const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("AWS_ENDPOINT")));
      const { stdout } = await run(process.execPath, [file], { env, timeout: 60_000 });
      assert.ok(stdout.length > 0, `README.md:${block.line}: the snippet printed nothing`);
    } catch (e) {
      assert.fail(`README.md:${block.line}: the js snippet failed: ${e.stderr || e.message}`);
    } finally {
      rmSync(file, { force: true });
    }
  }
});
