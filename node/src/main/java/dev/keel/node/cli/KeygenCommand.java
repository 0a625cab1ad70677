package dev.keel.node.cli;

import dev.keel.node.config.ConfigException;
import dev.keel.node.keys.KeyFiles;
import dev.keel.node.keys.KeyPurpose;
import dev.keel.node.keys.ValidatorKeys;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code keel keygen --out DIR}: a validator's consensus and network keys, written 0600.
 * Exit codes: 0 written, 1 I/O failure, 2 bad arguments or a key would be overwritten.
 */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = "Create a validator's keys: DIR/consensus.key and DIR/network.key (Ed25519, mode 0600).")
public final class KeygenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Key directory (created if missing).")
    Path out;

    @Option(names = "--force", description = "Replace existing key files. The old keys are lost.")
    boolean force;

    @Override
    public Integer call() {
        ValidatorKeys keys;
        dev.keel.checkpoint.EthKey l1;
        try {
            keys = KeyFiles.generate(out, force, new SecureRandom());
            l1 = dev.keel.node.keys.L1KeyFile.generate(out, force, new SecureRandom());
        } catch (ConfigException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        } catch (IOException e) {
            System.err.println("keel keygen: cannot write keys to " + out + ": " + e);
            return 1;
        }
        Path dir = out.toAbsolutePath().normalize();
        var stdout = spec.commandLine().getOut();
        stdout.println("consensus public key: " + keys.consensus().publicKey().bytes().toHex());
        stdout.println("network public key:   " + keys.network().publicKey().bytes().toHex());
        stdout.println("l1 address:           " + l1.address().hex());
        stdout.println("wrote " + dir.resolve(KeyPurpose.CONSENSUS.fileName()) + ", "
                + dir.resolve(KeyPurpose.NETWORK.fileName()) + " and " + dir.resolve(dev.keel.node.keys.L1KeyFile.FILE_NAME)
                + " (keep them secret; back them up)");
        stdout.flush();
        return 0;
    }
}
