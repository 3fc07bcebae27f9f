// Timestamps come from the emulator's manual clock, and the SDK parses them into Dates.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  CreateAppCommand,
  CreateUserProfileCommand,
  DescribeAppCommand,
  DescribeDomainCommand,
  DescribeUserProfileCommand,
  ListAppsCommand,
  ListUserProfilesCommand,
} from "@aws-sdk/client-sagemaker";
import { Emulator, newAccount, quickStartDomain } from "../lib/emulator.mjs";

let server;
before(async () => {
  server = await Emulator.start();
});
after(async () => {
  await server.stop();
});

const millis = (seconds) => Math.round(seconds * 1000);

function assertAt(date, nowSeconds, what) {
  assert.ok(date instanceof Date, `${what} is a Date`);
  assert.equal(date.getTime(), millis(nowSeconds), `${what}: ${date.toISOString()}`);
}

test("timestamps are the manual clock's now, as Dates", async () => {
  const account = newAccount();
  const sm = server.client(account);
  const createdAt = await server.now();
  const domain = await quickStartDomain(sm, account);
  const described = await sm.send(new DescribeDomainCommand({ DomainId: domain }));
  assertAt(described.CreationTime, createdAt, "domain CreationTime");
  assertAt(described.LastModifiedTime, createdAt, "domain LastModifiedTime");

  // The clock moves only when told to: 90 s later the profile is stamped 90 s later.
  const profileAt = await server.advance(90);
  assert.equal(millis(profileAt), millis(createdAt) + 90_000);
  await sm.send(new CreateUserProfileCommand({ DomainId: domain, UserProfileName: "alice" }));
  const profile = await sm.send(new DescribeUserProfileCommand({ DomainId: domain, UserProfileName: "alice" }));
  assertAt(profile.CreationTime, profileAt, "user profile CreationTime");
  const listed = await sm.send(new ListUserProfilesCommand({ DomainIdEquals: domain }));
  assertAt(listed.UserProfiles[0].CreationTime, profileAt, "listed user profile CreationTime");

  await server.advance(1);
  const appAt = await server.advance(3600);
  const app = { DomainId: domain, UserProfileName: "alice", AppType: "JupyterServer", AppName: "default" };
  await sm.send(new CreateAppCommand({ ...app, ResourceSpec: { InstanceType: "system" } }));
  assertAt((await sm.send(new DescribeAppCommand(app))).CreationTime, appAt, "app CreationTime");
  assertAt((await sm.send(new ListAppsCommand({ DomainIdEquals: domain }))).Apps[0].CreationTime, appAt, "listed app CreationTime");
  // The domain's own creation time did not move.
  assertAt((await sm.send(new DescribeDomainCommand({ DomainId: domain }))).CreationTime, createdAt, "domain CreationTime later");
});
