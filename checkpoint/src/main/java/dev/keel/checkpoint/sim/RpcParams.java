package dev.keel.checkpoint.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.keel.checkpoint.EthAddress;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.math.BigInteger;
import java.util.HexFormat;

/** Strict readers for JSON-RPC params: anything malformed is an invalid-params error naming the field. */
final class RpcParams {
    /** Bounds a client-supplied number before it becomes a loop count or an array size. */
    static final long MAX_COUNT = 10_000;

    private RpcParams() {
    }

    /** Positional parameter {@code i}, or a missing node. */
    static JsonNode at(JsonNode params, int i) {
        return params != null && params.isArray() && i < params.size() ? params.get(i) : MissingNode.getInstance();
    }

    static boolean present(JsonNode n) {
        return n != null && !n.isMissingNode() && !n.isNull();
    }

    static String text(JsonNode n, String what) {
        if (n == null || !n.isTextual()) {
            throw RpcError.invalidParams(what + " must be a string, got " + describe(n));
        }
        return n.asText();
    }

    /** A quantity: "0x"-prefixed hex (geth is strict about it) or, leniently, a JSON integer. */
    static BigInteger quantity(JsonNode n, String what) {
        if (n != null && n.isIntegralNumber() && n.bigIntegerValue().signum() >= 0) {
            return n.bigIntegerValue();
        }
        String t = text(n, what);
        if (!t.startsWith("0x") || t.length() < 3 || t.length() > 66) {
            throw RpcError.invalidParams(what + " must be a 0x-prefixed hex quantity, got '" + t + "'");
        }
        try {
            return new BigInteger(t.substring(2), 16);
        } catch (NumberFormatException e) {
            throw RpcError.invalidParams(what + " is not hex: '" + t + "'");
        }
    }

    static long quantityLong(JsonNode n, String what) {
        BigInteger q = quantity(n, what);
        if (q.bitLength() > 62) {
            throw RpcError.invalidParams(what + " is out of range: " + q);
        }
        return q.longValue();
    }

    static byte[] hexData(String t, String what) {
        if (t == null || !t.startsWith("0x") || t.length() % 2 != 0) {
            throw RpcError.invalidParams(what + " must be 0x-prefixed hex with an even number of digits");
        }
        try {
            return HexFormat.of().parseHex(t, 2, t.length());
        } catch (IllegalArgumentException e) {
            throw RpcError.invalidParams(what + " is not hex");
        }
    }

    static Bytes data(JsonNode n, String what) {
        return Bytes.wrap(hexData(text(n, what), what));
    }

    static EthAddress address(JsonNode n, String what) {
        String t = text(n, what);
        if (!t.startsWith("0x") || t.length() != 42) {
            throw RpcError.invalidParams(what + " must be an address (0x + 40 hex digits), got '" + t + "'");
        }
        try {
            return EthAddress.parse(t);
        } catch (IllegalArgumentException e) {
            throw RpcError.invalidParams(what + " is not an address: '" + t + "'");
        }
    }

    static Hash hash(JsonNode n, String what) {
        String t = text(n, what);
        byte[] b = hexData(t, what);
        if (b.length != 32) {
            throw RpcError.invalidParams(what + " must be 32 bytes, got " + b.length);
        }
        return new Hash(Bytes.wrap(b));
    }

    static boolean bool(JsonNode n, String what, boolean absent) {
        if (!present(n)) {
            return absent;
        }
        if (!n.isBoolean()) {
            throw RpcError.invalidParams(what + " must be true or false, got " + describe(n));
        }
        return n.asBoolean();
    }

    /** A count a client chose: 0..MAX_COUNT, hex or a JSON integer. */
    static int count(JsonNode n, String what) {
        long c = quantityLong(n, what);
        if (c > MAX_COUNT) {
            throw RpcError.invalidParams(what + " must be at most " + MAX_COUNT + ", got " + c);
        }
        return (int) c;
    }

    private static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        String s = n.toString();
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
