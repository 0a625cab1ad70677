// Hardhat 2.x config for `npx hardhat node`: a local L1 for Keel's checkpoint tests and testnets.
// Contracts are NOT compiled through Hardhat: build-contract.js compiles them with the pinned npm
// solc into the Java resources, so Java deploys the exact bytecode that is checked in.
//
// KEEL_L1_BLOCK_MS: unset or 0 = automine (one block per transaction, receipts at once);
// N > 0 = a block every N ms, which exercises the submitter's inclusion-waiting path.
const raw = (process.env.KEEL_L1_BLOCK_MS ?? "").trim() || "0";
if (!/^\d+$/.test(raw)) {
  throw new Error(`KEEL_L1_BLOCK_MS must be a non-negative integer (milliseconds), got '${raw}'`);
}
const blockMs = Number(raw);

/** @type import('hardhat/config').HardhatUserConfig */
module.exports = {
  networks: {
    hardhat: {
      chainId: 31337,
      mining: blockMs > 0 ? { auto: false, interval: blockMs } : { auto: true },
      // Behave like a real node: a reverting transaction is still accepted, mined with receipt
      // status 0, and eth_sendRawTransaction returns its hash (Hardhat's default is an RPC error).
      // eth_call/eth_estimateGas keep answering reverts with an error carrying the revert data.
      throwOnTransactionFailures: false,
    },
  },
};
