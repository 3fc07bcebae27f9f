// The shared scenario files of fixtures/scenarios/, replayed with the JS SDK v3.

import assert from "node:assert/strict";
import { after, test } from "node:test";
import { Emulator, REGION, loadScenario, makeClient, newAccount } from "../lib/emulator.mjs";
import * as scenario from "../lib/scenario.mjs";

const started = [];
async function emulatorFor(flags) {
  assert.equal(flags.Clock, "manual", "scenarios run on a manual clock");
  const server = await Emulator.start({ delays: flags.Delays ?? "fast" });
  started.push(server);
  return server;
}
after(async () => {
  await Promise.all(started.map((s) => s.stop()));
});

test("walkthrough", async () => {
  const spec = loadScenario("walkthrough");
  const server = await emulatorFor(spec.Emulator);
  const account = newAccount();
  const region = spec.Region ?? REGION;
  const call = scenario.sdkCaller(makeClient(server.endpoint, account, region));
  const variables = { AccountId: account, Region: region };
  const calls = await scenario.runSteps(spec.Steps, call, (s) => server.advance(s), variables);
  assert.ok(calls >= 30);
});

test("seed-notebooks usage", async () => {
  // The seed's metering example: after setup, apps opened and closed at given hours; the usage
  // report must bill one ml.t3.medium instance 3 h and one ml.m5.large instance 1 h.
  const spec = loadScenario("seed-notebooks");
  const server = await emulatorFor(spec.Emulator);
  const advance = (s) => server.advance(s);
  const call = scenario.sdkCaller(makeClient(server.endpoint, spec.AccountId, spec.Region));
  // As the emulator's replay does: the Quick setup stamp of the clock's now (T0).
  const stamp = new Date(Math.floor(await server.now()) * 1000).toISOString().replace(/[-:]/g, "").slice(0, 15);
  const variables = { AccountId: spec.AccountId, Region: spec.Region, QuickSetupStamp: stamp };

  async function runSetupLike(steps, label) {
    for (const [i, step] of steps.entries()) {
      const where = `${label} ${i} (${step.Call})`;
      const { output, code, message } = await call(step.Call, scenario.substitute(step.Input, variables));
      assert.equal(code, null, `${where}: ${code}: ${message}`);
      for (const [name, path] of Object.entries(step.Save ?? {})) variables[name] = scenario.atPath(output, path);
      if (step.Await) await scenario.awaitStatus(call, advance, step.Await, variables, where);
    }
  }

  await runSetupLike(spec.Setup, "Setup");
  const t0 = await server.now();
  // Steps and usage checks merged by AtSeconds, the steps of an AtSeconds first.
  const events = [
    ...spec.Steps.map((s, i) => ({ at: s.AtSeconds, rank: 0, i, kind: "step", event: s })),
    ...spec.ExpectedUsage.map((u, i) => ({ at: u.AtSeconds, rank: 1, i, kind: "usage", event: u })),
  ].sort((a, b) => a.at - b.at || a.rank - b.rank || a.i - b.i);
  let checked = 0;
  for (const { at, i, kind, event } of events) {
    const behind = t0 + at - (await server.now());
    if (behind > 0) await server.advance(behind);
    if (kind === "step") {
      const where = `Steps ${i} (${event.Call}) at ${at}s`;
      const result = await call(event.Call, scenario.substitute(event.Input, variables));
      scenario.checkExpect(where, event.Expect ?? {}, result, variables);
      continue;
    }
    const where = `ExpectedUsage ${i} at ${at}s`;
    const query = new URLSearchParams(scenario.substitute(event.Query, variables)).toString();
    const report = await server.admin("GET", `/_emulator/usage?${query}`);
    assert.equal(report.Instances.length, event.Instances.length, `${where}: ${JSON.stringify(report, null, 1)}`);
    event.Instances.forEach((want, n) => {
      const actual = report.Instances[n];
      const derived = {
        ...actual,
        StartAtSeconds: actual.StartTime - t0,
        EndAtSeconds: actual.EndTime === null ? null : actual.EndTime - t0,
      };
      for (const [member, value] of Object.entries(want)) {
        assert.ok(member in derived, `${where}: instance ${n} has no ${member}: ${JSON.stringify(actual)}`);
        assert.ok(
          scenario.same(derived[member], value),
          `${where}: instance ${n} ${member} is ${JSON.stringify(derived[member])}, expected ${JSON.stringify(value)}`,
        );
      }
    });
    for (const member of ["TotalCostUsd", "Currency"]) {
      if (member in event) {
        assert.ok(scenario.same(report[member], event[member]), `${where}: ${member} is ${report[member]}, expected ${event[member]}`);
      }
    }
    checked += 1;
  }
  assert.equal(checked, spec.ExpectedUsage.length);
  await runSetupLike(spec.Teardown, "Teardown");
});
