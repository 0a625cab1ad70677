package dev.keel.checkpoint.sim;

import dev.keel.checkpoint.EthAddress;
import dev.keel.checkpoint.Keccak;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.math.BigInteger;
import java.security.SignatureException;
import java.util.Optional;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.transaction.type.Transaction1559;
import org.web3j.crypto.transaction.type.Transaction2930;
import org.web3j.crypto.transaction.type.TransactionType;
import org.web3j.utils.Numeric;

/** eth_sendRawTransaction's input to a {@link SimTx}, with the checks a node makes before its pool sees it. */
final class RawTxDecoder {
    private static final BigInteger HALF_N = Sign.CURVE_PARAMS.getN().shiftRight(1);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private RawTxDecoder() {
    }

    static SimTx decode(String rawHex, long chainId) {
        byte[] raw = RpcParams.hexData(rawHex, "raw transaction");
        if (raw.length == 0) {
            throw RpcError.invalidParams("empty raw transaction");
        }
        RawTransaction t;
        try {
            t = TransactionDecoder.decode(rawHex);
        } catch (RuntimeException garbage) {
            throw RpcError.invalidParams("could not decode the raw transaction: " + garbage.getMessage());
        }
        if (!(t instanceof SignedRawTransaction signed)) {
            throw RpcError.invalidParams("the raw transaction is not signed");
        }
        int type = switch (t.getType()) {
            case LEGACY -> 0;
            case EIP2930 -> 1;
            case EIP1559 -> 2;
            default -> throw RpcError.rejected("transaction type not supported: " + t.getType());
        };
        long txChain = txChainId(signed);
        if (txChain != chainId) {
            throw RpcError.rejected("invalid chain id for signer: have " + txChain + " want " + chainId);
        }
        Sign.SignatureData sig = signed.getSignatureData();
        BigInteger s = new BigInteger(1, sig.getS());
        if (s.signum() == 0 || s.compareTo(HALF_N) > 0) {
            throw RpcError.rejected("invalid transaction v, r, s values");
        }
        EthAddress from;
        try {
            from = EthAddress.parse(signed.getFrom());
        } catch (SignatureException | RuntimeException e) {
            throw RpcError.rejected("invalid sender: " + e.getMessage());
        }
        if (t.getNonce().compareTo(LONG_MAX) > 0 || t.getGasLimit().compareTo(LONG_MAX) > 0) {
            throw RpcError.rejected("nonce or gas limit out of range");
        }
        BigInteger maxFee = t.getTransaction() instanceof Transaction1559 f ? f.getMaxFeePerGas() : t.getGasPrice();
        BigInteger tip = t.getTransaction() instanceof Transaction1559 f ? f.getMaxPriorityFeePerGas() : maxFee;
        if (tip.compareTo(maxFee) > 0) {
            throw RpcError.rejected("max priority fee per gas higher than max fee per gas");
        }
        String to = t.getTo();
        Optional<EthAddress> recipient = to == null || to.isEmpty() || to.equals("0x") ? Optional.empty()
                : Optional.of(EthAddress.parse(to));
        // web3j reports a typed transaction's y parity as 27/28; the JSON shape wants 0/1
        BigInteger v = new BigInteger(1, sig.getV());
        if (type != 0 && v.intValue() >= 27) {
            v = v.subtract(BigInteger.valueOf(27));
        }
        Bytes data = Bytes.wrap(RpcParams.hexData("0x" + Numeric.cleanHexPrefix(
                t.getData() == null ? "" : t.getData()), "data"));
        return new SimTx(new Hash(Bytes.wrap(Keccak.hash(raw))), Bytes.wrap(raw), type, txChain, from,
                t.getNonce().longValueExact(), recipient, t.getValue(), data, t.getGasLimit().longValueExact(),
                maxFee, tip, v, new BigInteger(1, sig.getR()), s);
    }

    private static long txChainId(SignedRawTransaction signed) {
        if (signed.getType() == TransactionType.LEGACY) {
            Long id = signed.getChainId();
            if (id == null) {
                // geth's default too: a signature valid on every chain is a replay hazard
                throw RpcError.rejected("only replay-protected (EIP-155) transactions allowed over RPC");
            }
            return id;
        }
        return ((Transaction2930) signed.getTransaction()).getChainId();
    }
}
