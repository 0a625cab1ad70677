package dev.keel.node.bench;

import dev.keel.app.bank.BankDemoAccounts;
import dev.keel.app.bank.Transfer;
import dev.keel.app.kv.KvTx;
import dev.keel.consensus.crypto.KeyPair;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * The transactions of the two applications. Each run draws a random 24-bit run id into every
 * transaction (the kv uniquifier, the bank nonce), so a second run against the same chain does
 * not resend the first run's bytes (they would be duplicates of committed transactions).
 */
public final class TxSources {
    /**
     * Signed transfers queued ahead: seconds of load at thousands of tx/s (~30 MB of 256-byte txs,
     * long-lived, so worth no more than that: young collections copy them).
     */
    static final int BANK_QUEUE = 65_536;
    /** kv sets cost microseconds to make: a short queue absorbs the producer's scheduling jitter. */
    static final int KV_QUEUE = 8_192;
    /** Distinct kv keys written: the state stays small however long the run. */
    static final int KV_KEYS = 10_000;

    private TxSources() {
    }

    /** kv sets of exactly {@code txSize} bytes to keys {@code k00000..k09999}: cheap, made by one producer. */
    public static TxSource kv(int txSize) {
        long run = runId();
        TxFactory f = seq -> KvTx.setOfSize(key(seq), txSize, run | seq);
        f.make(0); // fails now, with KvTx's message, for a size no set can have
        return new TxSource(f, 1, KV_QUEUE, "kv sets made by 1 producer thread into a queue of " + KV_QUEUE);
    }

    private static byte[] key(long seq) {
        return String.format("k%05d", seq % KV_KEYS).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Bank transfers of 1 unit between random distinct demo accounts {@code 0..accounts-1},
     * padded to {@code txSize}, each signed (~30 µs) by a pool of producer threads ahead of the
     * sender. Nonces are unique per sender (unique per run, in fact). With demo balances in the
     * billions, no account runs dry.
     */
    public static TxSource bank(int txSize, int accounts) {
        if (txSize < Transfer.MIN_BYTES || txSize > Transfer.MAX_BYTES) {
            throw new IllegalArgumentException("--tx-size for bank must be " + Transfer.MIN_BYTES + ".." + Transfer.MAX_BYTES
                    + " bytes (a transfer and its memo), got " + txSize);
        }
        if (accounts < 2) {
            throw new IllegalArgumentException("--accounts must be at least 2 (a transfer needs a payee), got " + accounts);
        }
        KeyPair[] keys = new KeyPair[accounts];
        for (int i = 0; i < accounts; i++) {
            keys[i] = BankDemoAccounts.keyPair(i);
        }
        long run = runId();
        TxFactory f = seq -> {
            long mix = mix(run | seq);
            int from = (int) Long.remainderUnsigned(mix, accounts);
            int to = (int) ((from + 1 + Long.remainderUnsigned(mix >>> 20, accounts - 1)) % accounts);
            return Transfer.sign(keys[from], keys[to].publicKey(), 1, run | seq, txSize);
        };
        int producers = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors() / 2));
        return new TxSource(f, producers, BANK_QUEUE, "bank transfers signed by " + producers
                + (producers == 1 ? " producer thread" : " producer threads") + " into a queue of " + BANK_QUEUE
                + " (filled before the warm-up)");
    }

    /** A random run id in the top 24 bits; sequence numbers (below 2^40) fill the rest. */
    private static long runId() {
        return (new SecureRandom().nextLong() & 0xFFFFFFL) << 40;
    }

    /** SplitMix64's finalizer: spreads consecutive sequence numbers over senders and payees. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
