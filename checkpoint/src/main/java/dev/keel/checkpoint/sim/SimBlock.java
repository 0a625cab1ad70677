package dev.keel.checkpoint.sim;

import dev.keel.checkpoint.Keccak;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.web3j.rlp.RlpEncoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;

/**
 * One block and the state after it. The hash is keccak256 of an RLP list of the header fields
 * the simulator has; it is not Ethereum's header encoding (no state trie, no PoS fields), but it
 * changes whenever the parent, contents, time or extra data change, which is what clients use it for.
 *
 * @param baseFee      the block's base fee as reported (during a fee spike: the spiked value)
 * @param trendBaseFee the EIP-1559 base fee the next block's is computed from (spikes do not compound)
 */
public record SimBlock(long number, Hash hash, Hash parentHash, long timestamp, BigInteger baseFee,
                       BigInteger trendBaseFee, long gasLimit, long gasUsed, Bytes extraData, List<SimTx> txs,
                       List<SimReceipt> receipts, WorldState state) {
    public SimBlock {
        txs = List.copyOf(txs);
        receipts = List.copyOf(receipts);
        if (txs.size() != receipts.size() || number < 0 || gasUsed > gasLimit) {
            throw new IllegalArgumentException("inconsistent block " + number);
        }
    }

    static SimBlock seal(long number, Hash parentHash, long timestamp, BigInteger baseFee, BigInteger trendBaseFee,
                         long gasLimit, Bytes extraData, List<SimTx> txs, List<SimReceipt> receipts,
                         WorldState state) {
        long gasUsed = receipts.isEmpty() ? 0 : receipts.get(receipts.size() - 1).cumulativeGasUsed();
        List<RlpType> header = new ArrayList<>(List.of(RlpString.create(parentHash.bytes().unsafeArray()),
                RlpString.create(number), RlpString.create(timestamp), RlpString.create(baseFee),
                RlpString.create(gasLimit), RlpString.create(gasUsed),
                RlpString.create(transactionsRoot(txs).bytes().unsafeArray()),
                RlpString.create(extraData.unsafeArray())));
        Hash hash = new Hash(Bytes.wrap(Keccak.hash(RlpEncoder.encode(new RlpList(header)))));
        return new SimBlock(number, hash, parentHash, timestamp, baseFee, trendBaseFee, gasLimit, gasUsed, extraData,
                txs, receipts, state);
    }

    /** keccak256 of the concatenated transaction hashes (a stand-in for the transactions trie root). */
    static Hash transactionsRoot(List<SimTx> txs) {
        byte[][] parts = txs.stream().map(t -> t.hash().bytes().unsafeArray()).toArray(byte[][]::new);
        return new Hash(Bytes.wrap(Keccak.hash(parts)));
    }
}
