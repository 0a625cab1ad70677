#!/usr/bin/env node
// Compiles contracts/KeelCheckpoints.sol with the pinned npm solc (package-lock.json) into the
// Java resources the web3j binding loads. The outputs are checked in; `--check` recompiles and
// fails when they differ, so CI proves the deployed bytecode is exactly what this source yields.
// Reproducible on purpose: fixed compiler, optimizer settings and evmVersion, and no metadata
// hash appended (it would change with any comment or path change).
"use strict";
const fs = require("fs");
const path = require("path");
const solc = require("solc");

const CONTRACT = "KeelCheckpoints";
const SOURCE = path.join(__dirname, "contracts", `${CONTRACT}.sol`);
const OUT_DIR = path.join(__dirname, "..", "src", "main", "resources", "dev", "keel", "checkpoint", "l1");
const EXPECTED_SOLC = "0.8.28";

function compile() {
  if (!solc.version().startsWith(EXPECTED_SOLC + "+")) {
    throw new Error(`solc ${EXPECTED_SOLC} required (pragma), found ${solc.version()}; run npm ci`);
  }
  const input = {
    language: "Solidity",
    // A fixed source unit name, not the file system path: the name is part of the compiler input.
    sources: { [`contracts/${CONTRACT}.sol`]: { content: fs.readFileSync(SOURCE, "utf8") } },
    settings: {
      optimizer: { enabled: true, runs: 200 },
      // cancun: supported by Hardhat 2.x's default hardfork and by every current L1.
      evmVersion: "cancun",
      metadata: { bytecodeHash: "none", appendCBOR: false },
      outputSelection: { "*": { [CONTRACT]: ["abi", "evm.bytecode.object"] } },
    },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input)));
  const errors = (output.errors || []).filter((e) => e.severity === "error");
  for (const e of output.errors || []) console.error(e.formattedMessage);
  if (errors.length > 0) throw new Error(`${errors.length} compile error(s)`);
  const c = output.contracts[`contracts/${CONTRACT}.sol`][CONTRACT];
  if (!c.evm.bytecode.object) throw new Error("empty bytecode (abstract contract?)");
  return {
    [`${CONTRACT}.abi.json`]: JSON.stringify(c.abi, null, 2) + "\n",
    [`${CONTRACT}.bin`]: c.evm.bytecode.object + "\n",
  };
}

function main(args) {
  const unknown = args.filter((a) => a !== "--check");
  if (unknown.length > 0) {
    console.error(`usage: node build-contract.js [--check]   (unknown: ${unknown.join(" ")})`);
    return 2;
  }
  const outputs = compile();
  if (args.includes("--check")) {
    const stale = Object.entries(outputs).filter(([name, text]) => {
      const file = path.join(OUT_DIR, name);
      return !fs.existsSync(file) || fs.readFileSync(file, "utf8") !== text;
    });
    for (const [name] of stale) console.error(`DIFFERS: ${path.join(OUT_DIR, name)} (run: node build-contract.js)`);
    if (stale.length > 0) return 1;
    console.log(`OK: ${Object.keys(outputs).join(", ")} match ${solc.version()}`);
    return 0;
  }
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const [name, text] of Object.entries(outputs)) fs.writeFileSync(path.join(OUT_DIR, name), text);
  console.log(`wrote ${Object.keys(outputs).join(", ")} to ${OUT_DIR} with ${solc.version()}`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  console.error(`build-contract: ${e.message}`);
  process.exitCode = 1;
}
