package dev.keel.checkpoint.anchor;

import dev.keel.checkpoint.EthAddress;
import dev.keel.checkpoint.EthKey;
import java.math.BigInteger;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/** Signs EIP-1559 contract calls with a validator's L1 key. */
public final class TxSigner {
    private final Credentials credentials;
    private final long chainId;

    public TxSigner(EthKey key, long chainId) {
        this.credentials = Credentials.create(key.web3jKeyPair());
        this.chainId = chainId;
    }

    public record Signed(String rawTx, String txHash) {
    }

    public Signed sign(long nonce, EthAddress to, String calldata, long gasLimit, BigInteger tip, BigInteger maxFee) {
        RawTransaction raw = RawTransaction.createTransaction(chainId, BigInteger.valueOf(nonce),
                BigInteger.valueOf(gasLimit), to.hex(), BigInteger.ZERO, calldata, tip, maxFee);
        String hex = Numeric.toHexString(TransactionEncoder.signMessage(raw, chainId, credentials));
        return new Signed(hex, Hash.sha3(hex));
    }
}
