package dev.keel.node.bench;

import dev.keel.node.config.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where to send load: {@code --target} is a testnet directory (its {@code testnet.json}
 * lists each validator's {@code http} base URL), that file itself, or base URLs separated by commas.
 */
public final class Targets {
    private Targets() {
    }

    /** @throws IllegalArgumentException naming what is wrong (the CLI shows it as a usage error) */
    public static List<URI> parse(String target) {
        String t = target.trim();
        if (t.startsWith("http://") || t.startsWith("https://")) {
            List<URI> out = new ArrayList<>();
            for (String part : t.split(",")) {
                out.add(url(part.trim()));
            }
            return out;
        }
        Path p = Path.of(t);
        return fromTestnetJson(Files.isDirectory(p) ? p.resolve("testnet.json") : p);
    }

    static List<URI> fromTestnetJson(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("--target: cannot read " + file + " (" + e.getMessage()
                    + "); give a testnet directory, its testnet.json, or http:// URLs");
        }
        Object doc;
        try {
            doc = Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--target: " + file + " is not JSON: " + e.getMessage());
        }
        if (!(doc instanceof Map<?, ?> m) || !(m.get("validators") instanceof List<?> vals) || vals.isEmpty()) {
            throw new IllegalArgumentException("--target: " + file + " has no \"validators\" list");
        }
        List<URI> out = new ArrayList<>();
        for (Object v : vals) {
            if (!(v instanceof Map<?, ?> val) || !(val.get("http") instanceof String http)) {
                throw new IllegalArgumentException("--target: " + file + ": a validator without an \"http\" URL: " + v);
            }
            out.add(url(http));
        }
        return out;
    }

    private static URI url(String s) {
        try {
            URI u = URI.create(s);
            if (u.getHost() == null || u.getPort() == 0 || !(u.getScheme().equals("http") || u.getScheme().equals("https"))) {
                throw new IllegalArgumentException("not an http(s)://HOST[:PORT] URL");
            }
            return URI.create(u.getScheme() + "://" + u.getRawAuthority());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--target: '" + s + "' is not a base URL like http://127.0.0.1:8080 ("
                    + e.getMessage() + ")");
        }
    }
}
