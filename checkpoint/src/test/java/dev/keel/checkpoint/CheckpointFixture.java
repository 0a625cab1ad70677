package dev.keel.checkpoint;

import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Deterministic validators and checkpoints for the checkpoint tests: key i is the same in every
 * run, so a failing case replays exactly. Keys are cached (deriving them is the slow part).
 */
public final class CheckpointFixture {
    public static final long CHAIN_ID = 7;
    private static final List<EthKey> KEYS = IntStream.range(0, 10)
            .mapToObj(i -> EthKey.fromPrivate(Keccak.hash("keel-test-validator-" + i))).toList();

    private CheckpointFixture() {
    }

    /** Validator {@code i}'s L1 key, {@code i} in 0..9. */
    public static EthKey key(int i) {
        return KEYS.get(i);
    }

    public static List<EthKey> keys(int n) {
        return KEYS.subList(0, n);
    }

    /** The first {@code n} fixture validators with Keel's quorum threshold. */
    public static CheckpointSigners signers(int n) {
        return CheckpointSigners.withQuorum(keys(n).stream().map(EthKey::address).toList());
    }

    public static Hash hash(String label) {
        return new Hash(Bytes.wrap(Keccak.hash(label)));
    }

    /** Checkpoint {@code number} of a chain cut every {@code interval} blocks. */
    public static Checkpoint checkpoint(long number, long interval) {
        return new Checkpoint(number, CHAIN_ID, 0, (number - 1) * interval + 1, number * interval,
                hash("block-" + number * interval), hash("root-" + number), hash("state-" + number), hash("set-0"));
    }

    /** The same range with another state root: what a diverged (or byzantine) validator would sign. */
    public static Checkpoint forked(Checkpoint cp) {
        return new Checkpoint(cp.number(), cp.chainId(), cp.epoch(), cp.firstHeight(), cp.lastHeight(),
                cp.lastBlockHash(), cp.blocksRoot(), hash("forked-" + cp.stateRoot()), cp.nextValidatorSetHash());
    }

    /** Formed the way the aggregator forms it: the {@code threshold} lowest signer addresses, ascending. */
    public static SignedCheckpoint formed(Checkpoint cp, List<EthKey> keys, int threshold, long atMillis) {
        List<EthKey> chosen = new ArrayList<>(keys);
        chosen.sort(Comparator.comparing(EthKey::address));
        chosen = chosen.subList(0, threshold);
        return new SignedCheckpoint(cp, chosen.stream().map(EthKey::address).toList(),
                chosen.stream().map(k -> k.sign(cp.digest())).toList(), atMillis);
    }

    /** The high-s twin of a valid signature: the same point, s' = n - s, v flipped. Valid math, refused by rule. */
    public static EthSignature highSTwin(EthSignature sig) {
        byte[] b = sig.bytes().toArray();
        BigInteger n = org.web3j.crypto.Sign.CURVE_PARAMS.getN();
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(b, 32, 64));
        byte[] twinS = org.web3j.utils.Numeric.toBytesPadded(n.subtract(s), 32);
        System.arraycopy(twinS, 0, b, 32, 32);
        b[64] = (byte) (b[64] == 27 ? 28 : 27);
        return new EthSignature(Bytes.wrap(b));
    }
}
