// The endpoint from the environment: the JS SDK v3 honours AWS_ENDPOINT_URL_SAGEMAKER (and the
// generic AWS_ENDPOINT_URL) when the client is given no endpoint.

import assert from "node:assert/strict";
import { after, afterEach, before, test } from "node:test";
import {
  CreateDomainCommand,
  DescribeDomainCommand,
  ListDomainsCommand,
  ResourceNotFound,
  SageMakerClient,
} from "@aws-sdk/client-sagemaker";
import { Emulator, makeClient, newAccount } from "../lib/emulator.mjs";

let server;
before(async () => {
  server = await Emulator.start();
});
after(async () => {
  await server.stop();
});
const SET = ["AWS_ENDPOINT_URL_SAGEMAKER", "AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION"];
afterEach(() => {
  for (const name of SET) delete process.env[name];
});

test("AWS_ENDPOINT_URL_SAGEMAKER, no endpoint in the client config", async () => {
  process.env.AWS_ENDPOINT_URL_SAGEMAKER = server.endpoint;
  const account = newAccount();
  const sm = makeClient(null, account);
  const { DomainId } = await sm.send(
    new CreateDomainCommand({
      DomainName: "from-env",
      AuthMode: "IAM",
      DefaultUserSettings: { ExecutionRole: `arn:aws:iam::${account}:role/r` },
    }),
  );
  // The same world seen through an explicit endpoint.
  const explicit = makeClient(server.endpoint, account);
  assert.equal((await explicit.send(new DescribeDomainCommand({ DomainId }))).DomainName, "from-env");
});

test("everything from the environment: endpoint, credentials, region", async () => {
  const account = newAccount();
  process.env.AWS_ENDPOINT_URL = server.endpoint;
  process.env.AWS_ACCESS_KEY_ID = account;
  process.env.AWS_SECRET_ACCESS_KEY = "test-secret";
  process.env.AWS_REGION = "us-east-1";
  const sm = new SageMakerClient({ maxAttempts: 1 });
  assert.deepEqual((await sm.send(new ListDomainsCommand({}))).Domains, []);
  await assert.rejects(sm.send(new DescribeDomainCommand({ DomainId: "d-000000000000" })), ResourceNotFound);
});
