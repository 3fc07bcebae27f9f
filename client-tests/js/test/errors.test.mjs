// Every typed error, as the JS SDK v3 exposes it: err.name is the code; the modelled ones
// (ResourceNotFound, ResourceInUse) are instances of their exported classes; the rest are
// SageMakerServiceException with the code as name.

import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import {
  CreateAppCommand,
  CreateDomainCommand,
  CreateUserProfileCommand,
  DeleteAppCommand,
  DeleteDomainCommand,
  DeleteUserProfileCommand,
  DescribeAppCommand,
  DescribeDomainCommand,
  DescribeUserProfileCommand,
  ListAppsCommand,
  ListDomainsCommand,
  ListUserProfilesCommand,
  ResourceInUse,
  ResourceNotFound,
  SageMakerServiceException,
} from "@aws-sdk/client-sagemaker";
import { Emulator, newAccount, quickStartDomain } from "../lib/emulator.mjs";

let server;
let sm;
let account;
before(async () => {
  server = await Emulator.start();
});
after(async () => {
  await server.stop();
});
beforeEach(() => {
  account = newAccount();
  sm = server.client(account);
});

async function refused(command, code, Class = SageMakerServiceException) {
  const err = await sm.send(command).then(
    (out) => assert.fail(`expected ${code}, got ${JSON.stringify(out)}`),
    (e) => e,
  );
  assert.ok(err instanceof Class, `${err.name} is a ${Class.name}`);
  assert.ok(err instanceof SageMakerServiceException);
  assert.equal(err.name, code);
  assert.equal(err.$fault, "client");
  assert.equal(err.$metadata.httpStatusCode, 400);
  assert.ok(err.$metadata.requestId, "x-amzn-RequestId is read");
  assert.ok(err.message, "the error carries a message");
  return err;
}

async function domainWithProfile() {
  const domain = await quickStartDomain(sm, account);
  await server.advance(1);
  await sm.send(new CreateUserProfileCommand({ DomainId: domain, UserProfileName: "alice" }));
  await server.advance(1);
  return domain;
}

test("DescribeDomain of an unknown domain: ResourceNotFound", async () => {
  const err = await refused(new DescribeDomainCommand({ DomainId: "d-000000000000" }), "ResourceNotFound", ResourceNotFound);
  // The SDK moves the modelled Message member into err.message (decorateServiceException).
  assert.match(err.message, /d-000000000000/);
});

test("duplicate user profile, also differing only in case: ResourceInUse", async () => {
  const domain = await domainWithProfile();
  for (const name of ["alice", "ALICE", "Alice"]) {
    await refused(new CreateUserProfileCommand({ DomainId: domain, UserProfileName: name }), "ResourceInUse", ResourceInUse);
  }
  const { UserProfiles } = await sm.send(new ListUserProfilesCommand({ DomainIdEquals: domain }));
  assert.deepEqual(UserProfiles.map((p) => p.UserProfileName), ["alice"]);
});

test("DeleteDomain with a user profile: ResourceInUse", async () => {
  const domain = await domainWithProfile();
  await refused(
    new DeleteDomainCommand({ DomainId: domain, RetentionPolicy: { HomeEfsFileSystem: "Delete" } }),
    "ResourceInUse",
    ResourceInUse,
  );
  assert.equal((await sm.send(new DescribeDomainCommand({ DomainId: domain }))).Status, "InService");
});

test("DeleteUserProfile with a live app: ResourceInUse", async () => {
  const domain = await domainWithProfile();
  await sm.send(
    new CreateAppCommand({
      DomainId: domain,
      UserProfileName: "alice",
      AppType: "JupyterServer",
      AppName: "default",
      ResourceSpec: { InstanceType: "system" },
    }),
  );
  await refused(new DeleteUserProfileCommand({ DomainId: domain, UserProfileName: "alice" }), "ResourceInUse", ResourceInUse);
  const profile = await sm.send(new DescribeUserProfileCommand({ DomainId: domain, UserProfileName: "alice" }));
  assert.equal(profile.Status, "InService");
});

test("KernelGateway with no instance type anywhere: ValidationException", async () => {
  const domain = await domainWithProfile();
  await refused(
    new CreateAppCommand({ DomainId: domain, UserProfileName: "alice", AppType: "KernelGateway", AppName: "kg" }),
    "ValidationException",
  );
  assert.deepEqual((await sm.send(new ListAppsCommand({ DomainIdEquals: domain }))).Apps, []);
});

test("JupyterServer on ml.t3.medium: ValidationException", async () => {
  const domain = await domainWithProfile();
  await refused(
    new CreateAppCommand({
      DomainId: domain,
      UserProfileName: "alice",
      AppType: "JupyterServer",
      AppName: "default",
      ResourceSpec: { InstanceType: "ml.t3.medium" },
    }),
    "ValidationException",
  );
});

test("a DomainName off the pattern: ValidationException with AWS's text", async () => {
  const err = await refused(
    new CreateDomainCommand({
      DomainName: "bad_name!",
      AuthMode: "IAM",
      DefaultUserSettings: { ExecutionRole: `arn:aws:iam::${account}:role/r` },
      VpcId: "vpc-0123456789abcdef0",
      SubnetIds: ["subnet-0a1b2c3d4e5f60718"],
    }),
    "ValidationException",
  );
  assert.ok(
    err.message.startsWith(
      "1 validation error detected: Value 'bad_name!' at 'domainName' failed to satisfy constraint: Member must satisfy regular expression pattern: ",
    ),
    err.message,
  );
  assert.deepEqual((await sm.send(new ListDomainsCommand({}))).Domains, []);
});

test("DeleteApp of a Deleted app: ValidationException", async () => {
  const domain = await domainWithProfile();
  const app = { DomainId: domain, UserProfileName: "alice", AppType: "JupyterServer", AppName: "default" };
  await sm.send(new CreateAppCommand({ ...app, ResourceSpec: { InstanceType: "system" } }));
  await server.advance(1);
  await sm.send(new DeleteAppCommand(app));
  await server.advance(1);
  assert.equal((await sm.send(new DescribeAppCommand(app))).Status, "Deleted");
  await refused(new DeleteAppCommand(app), "ValidationException");
});

test("a forged NextToken: ValidationException", async () => {
  const domain = await quickStartDomain(sm, account);
  await refused(new ListUserProfilesCommand({ DomainIdEquals: domain, NextToken: "forged-token" }), "ValidationException");
  await refused(new ListDomainsCommand({ NextToken: "forged-token" }), "ValidationException");
  await refused(new ListAppsCommand({ NextToken: "forged-token" }), "ValidationException");
});
