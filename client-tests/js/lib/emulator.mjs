// Starts the release binary of the emulator and talks to its admin API.
//
// The binary is $SMSE_BIN (scripts/test-js sets it), else the default release build in
// $CARGO_TARGET_DIR (default: cargo's own target/ in the repository). It is started on --port 0 with a manual
// clock; readiness is the `listening on http://127.0.0.1:PORT` line on its stdout.

import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { randomInt } from "node:crypto";
import { SageMakerClient } from "@aws-sdk/client-sagemaker";

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
export const REGION = "us-east-1";
const START_TIMEOUT_MS = 30_000;

// No user configuration may leak in: no config or credentials files, no profile, no endpoint
// variables, no instance-metadata lookups.
for (const name of Object.keys(process.env)) {
  if (name.startsWith("AWS_")) delete process.env[name];
}
process.env.AWS_CONFIG_FILE = "/dev/null";
process.env.AWS_SHARED_CREDENTIALS_FILE = "/dev/null";
process.env.AWS_EC2_METADATA_DISABLED = "true";
// Node 20 is supported by the pinned SDK; its notice about future versions is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

export function binary() {
  const path =
    process.env.SMSE_BIN ||
    join(process.env.CARGO_TARGET_DIR || join(REPO, "target"), "release", "sagemaker-studio-emulator");
  if (!existsSync(path)) {
    throw new Error(`emulator binary not found at ${path}: run scripts/test-js, or set SMSE_BIN`);
  }
  return path;
}

/** A fresh 12-digit access key id: the emulator uses it as the account, so each test has a world of its own. */
export function newAccount() {
  return Array.from({ length: 12 }, () => randomInt(10)).join("");
}

export function loadScenario(name) {
  return JSON.parse(readFileSync(join(REPO, "fixtures", "scenarios", `${name}.json`), "utf8"));
}

export class Emulator {
  /** Starts the binary and resolves once it prints its listening line. */
  static async start({ delays = "fast" } = {}) {
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("SMSE_")));
    const child = spawn(binary(), ["--port", "0", "--clock", "manual", "--delays", delays, "--check-output-shapes"], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const endpoint = await new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        reject(new Error(`emulator did not print its listening line; stderr:\n${stderr}`));
      }, START_TIMEOUT_MS);
      const lines = createInterface({ input: child.stdout });
      lines.on("line", (line) => {
        const match = /^listening on (http:\/\/\S+)$/.exec(line.trim());
        if (match) {
          clearTimeout(timer);
          resolvePromise(match[1]);
        }
      });
      child.on("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`emulator exited (${code}) before listening; stderr:\n${stderr}`));
      });
    });
    return new Emulator(child, endpoint);
  }

  constructor(child, endpoint) {
    this.child = child;
    this.endpoint = endpoint;
  }

  async stop() {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((r) => this.child.once("exit", r));
    this.child.kill("SIGTERM");
    const timer = setTimeout(() => this.child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  }

  // Admin API (docs/contract.md §5).
  async admin(method, path, body) {
    const response = await fetch(this.endpoint + path, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status}: ${text}`);
    return text ? JSON.parse(text) : {};
  }

  async now() {
    return (await this.admin("GET", "/_emulator/clock")).Now;
  }

  async advance(seconds) {
    return (await this.admin("POST", "/_emulator/clock/advance", { Seconds: seconds })).Now;
  }

  /** A client for `account` (its access key id) in `region`; `endpoint: null` leaves the endpoint to the environment. */
  client(account, { region = REGION, endpoint = this.endpoint } = {}) {
    return makeClient(endpoint, account, region);
  }
}

export function makeClient(endpoint, account, region = REGION) {
  return new SageMakerClient({
    region,
    ...(endpoint ? { endpoint } : {}),
    credentials: { accessKeyId: account, secretAccessKey: "test-secret" },
    maxAttempts: 1,
  });
}

export const EXECUTION_ROLE = (account) =>
  `arn:aws:iam::${account}:role/service-role/AmazonSageMaker-ExecutionRole-20200501T153453`;

/** CreateDomain with the console's Quick-start settings; resolves to the domain id. */
export async function quickStartDomain(sm, account, name = "demo") {
  const { CreateDomainCommand } = await import("@aws-sdk/client-sagemaker");
  const out = await sm.send(
    new CreateDomainCommand({
      DomainName: name,
      AuthMode: "IAM",
      DefaultUserSettings: { ExecutionRole: EXECUTION_ROLE(account) },
      VpcId: "vpc-0123456789abcdef0",
      SubnetIds: ["subnet-0a1b2c3d4e5f60718"],
    }),
  );
  return out.DomainId;
}
