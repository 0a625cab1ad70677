package dev.keel.node.genesis;

import dev.keel.node.config.Endpoint;
import dev.keel.node.keys.KeyFiles;
import dev.keel.node.keys.ValidatorKeys;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/** Test fixture: n validators with key directories under {@code root/v<i>} and their genesis. */
record Validators(Path root, List<ValidatorKeys> keys, Genesis genesis) {
    static Validators create(Path root, int n) throws IOException {
        SecureRandom random = new SecureRandom();
        List<ValidatorKeys> keys = new ArrayList<>();
        List<GenesisValidator> vs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ValidatorKeys k = KeyFiles.generate(root.resolve("v" + i), false, random);
            keys.add(k);
            vs.add(new GenesisValidator(i, k.consensus().publicKey(), k.network().publicKey(),
                    new Endpoint("127.0.0.1", 7000 + i), new Endpoint("127.0.0.1", 8000 + i)));
        }
        return new Validators(root, keys, new Genesis("keel-test", 0, ConsensusParams.DEFAULT, vs));
    }

    Path keyDir(int i) {
        return root.resolve("v" + i);
    }
}
