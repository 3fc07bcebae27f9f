// The SDK's paginators over the emulator's NextToken/MaxResults: every item exactly once.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  CreateAppCommand,
  CreateUserProfileCommand,
  paginateListApps,
  paginateListDomains,
  paginateListUserProfiles,
} from "@aws-sdk/client-sagemaker";
import { Emulator, newAccount, quickStartDomain } from "../lib/emulator.mjs";

let server;
before(async () => {
  server = await Emulator.start();
});
after(async () => {
  await server.stop();
});

const NAMES = Array.from({ length: 8 }, (_, i) => `user-${i}`);

async function collect(pages) {
  const all = [];
  for await (const page of pages) all.push(page);
  return all;
}

test("paginateListUserProfiles with pageSize 3 over 8 profiles", async () => {
  const account = newAccount();
  const sm = server.client(account);
  const domain = await quickStartDomain(sm, account);
  await server.advance(1); // InService
  for (const name of NAMES) await sm.send(new CreateUserProfileCommand({ DomainId: domain, UserProfileName: name }));

  const pages = await collect(paginateListUserProfiles({ client: sm, pageSize: 3 }, { DomainIdEquals: domain }));
  assert.deepEqual(pages.map((p) => p.UserProfiles.length), [3, 3, 2]);
  assert.ok(pages.slice(0, -1).every((p) => p.NextToken));
  assert.equal(pages.at(-1).NextToken, undefined);
  const names = pages.flatMap((p) => p.UserProfiles.map((u) => u.UserProfileName));
  assert.deepEqual([...names].sort(), NAMES);

  // Resuming from a page's token yields exactly the rest.
  const rest = await collect(
    paginateListUserProfiles({ client: sm, pageSize: 3, startingToken: pages[0].NextToken }, { DomainIdEquals: domain }),
  );
  assert.deepEqual(
    rest.flatMap((p) => p.UserProfiles.map((u) => u.UserProfileName)),
    names.slice(3),
  );
});

test("paginateListDomains and paginateListApps", async () => {
  const account = newAccount();
  const sm = server.client(account);
  const domains = [];
  for (let i = 0; i < 3; i++) domains.push(await quickStartDomain(sm, account, `domain-${i}`));
  const pages = await collect(paginateListDomains({ client: sm, pageSize: 2 }, {}));
  assert.deepEqual(pages.map((p) => p.Domains.length), [2, 1]);
  assert.deepEqual(pages.flatMap((p) => p.Domains.map((d) => d.DomainId)).sort(), [...domains].sort());

  await server.advance(1);
  await sm.send(new CreateUserProfileCommand({ DomainId: domains[0], UserProfileName: "alice" }));
  await server.advance(1);
  for (let i = 0; i < 5; i++) {
    await sm.send(
      new CreateAppCommand({
        DomainId: domains[0],
        UserProfileName: "alice",
        AppType: "KernelGateway",
        AppName: `kg-${i}`,
        ResourceSpec: { InstanceType: "ml.t3.medium" },
      }),
    );
  }
  const appPages = await collect(paginateListApps({ client: sm, pageSize: 2 }, { DomainIdEquals: domains[0] }));
  assert.deepEqual(appPages.map((p) => p.Apps.length), [2, 2, 1]);
  assert.deepEqual(
    appPages.flatMap((p) => p.Apps.map((a) => a.AppName)).sort(),
    Array.from({ length: 5 }, (_, i) => `kg-${i}`),
  );
});
