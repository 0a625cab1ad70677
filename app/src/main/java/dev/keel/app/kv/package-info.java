/**
 * The {@code kv} application: a replicated key-value store ({@link dev.keel.app.kv.KvApp}), its
 * transaction format and builders ({@link dev.keel.app.kv.KvTx}) and decoded operations
 * ({@link dev.keel.app.kv.KvOp}).
 */
package dev.keel.app.kv;
