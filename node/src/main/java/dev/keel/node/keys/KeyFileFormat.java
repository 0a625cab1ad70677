package dev.keel.node.keys;

import dev.keel.consensus.crypto.Ed25519;
import dev.keel.consensus.crypto.KeyPair;
import dev.keel.consensus.crypto.PrivateKey;
import dev.keel.consensus.types.PublicKey;
import dev.keel.node.config.Json;
import dev.keel.node.config.JsonObject;
import dev.keel.node.config.Problems;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The key file: one JSON object,
 * {@code {"version":1,"scheme":"ed25519","purpose":"consensus","seed":"<64 hex>","public":"<64 hex>"}}.
 * The public key is redundant on purpose: operators copy it into a genesis by reading the
 * file, and a seed that no longer matches it (a corrupted or hand-edited file) is caught
 * at load instead of as a node whose votes nobody accepts.
 */
final class KeyFileFormat {
    static final int VERSION = 1;
    static final String SCHEME = "ed25519";
    private static final Ed25519 ED25519 = new Ed25519();
    private static final HexFormat HEX = HexFormat.of();

    private KeyFileFormat() {
    }

    static String encode(KeyPurpose purpose, KeyPair pair) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", VERSION);
        m.put("scheme", SCHEME);
        m.put("purpose", purpose.label());
        m.put("seed", pair.privateKey().seed().toHex());
        m.put("public", pair.publicKey().bytes().toHex());
        return Json.pretty(m);
    }

    /** Parses and checks a key file's text; {@code source} names the file in errors. */
    static KeyPair decode(String text, KeyPurpose expected, String source) {
        Problems problems = new Problems(source);
        Object parsed;
        try {
            parsed = Json.parse(text);
        } catch (Json.ParseException e) {
            problems.add("", "not a key file: " + e.getMessage());
            problems.throwIfAny();
            throw new AssertionError("unreachable");
        }
        JsonObject o = JsonObject.root(parsed, problems).orElse(null);
        if (o == null) {
            problems.throwIfAny();
        }
        o.integer("version", VERSION, VERSION);
        o.string("scheme").filter(s -> !s.equals(SCHEME))
                .ifPresent(s -> problems.add("scheme", "'" + s + "' is not supported (only " + SCHEME + ")"));
        o.string("purpose").filter(p -> !p.equals(expected.label())).ifPresent(p -> problems.add("purpose",
                "this is a " + p + " key, expected a " + expected.label() + " key (files swapped?)"));
        Optional<byte[]> seed = o.string("seed").flatMap(h -> hex32(problems, "seed", h));
        Optional<byte[]> pub = o.string("public").flatMap(h -> hex32(problems, "public", h));
        o.rejectUnknown();
        problems.throwIfAny();
        KeyPair pair = ED25519.keyPair(seed.get());
        java.util.Arrays.fill(seed.get(), (byte) 0);
        if (!pair.publicKey().equals(new PublicKey(dev.keel.consensus.types.Bytes.wrap(pub.get())))) {
            problems.add("public", "does not match the seed (the file is corrupted or was edited)");
        }
        problems.throwIfAny();
        return pair;
    }

    private static Optional<byte[]> hex32(Problems problems, String key, String hex) {
        byte[] b;
        try {
            b = HEX.parseHex(hex);
        } catch (IllegalArgumentException e) {
            problems.add(key, "not hex");
            return Optional.empty();
        }
        if (b.length != PrivateKey.LENGTH) {
            problems.add(key, b.length + " bytes, expected " + PrivateKey.LENGTH + " (64 hex digits)");
            return Optional.empty();
        }
        return Optional.of(b);
    }
}
