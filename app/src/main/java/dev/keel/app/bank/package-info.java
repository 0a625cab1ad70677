/**
 * The {@code bank} application: Ed25519-keyed accounts with non-negative balances and a
 * conserved total supply ({@link dev.keel.app.bank.BankApp}), the signed {@link dev.keel.app.bank.Transfer}
 * transaction, genesis parameters ({@link dev.keel.app.bank.BankGenesis}) and the testnet-only
 * demo accounts ({@link dev.keel.app.bank.BankDemoAccounts}).
 */
package dev.keel.app.bank;
