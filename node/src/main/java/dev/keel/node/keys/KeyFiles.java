package dev.keel.node.keys;

import dev.keel.consensus.crypto.Ed25519;
import dev.keel.consensus.crypto.KeyPair;
import dev.keel.consensus.crypto.PrivateKey;
import dev.keel.node.config.ConfigException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves and loads validator key files ({@link KeyFileFormat}). A key file is written
 * owner-only (0600) from its first byte — created under a temporary name with that mode,
 * synced, then renamed into place — so the seed is never readable by others, not even
 * for a moment, and a crash never leaves half a key.
 *
 * <p>Loading refuses a key file that group or others may write (anyone who can replace
 * the key can sign as the validator) and warns when they may read it: Kubernetes mounts
 * secrets 0644 by default, and refusing those would push operators to worse workarounds.
 */
public final class KeyFiles {
    private static final Logger LOG = LoggerFactory.getLogger(KeyFiles.class);
    private static final Set<PosixFilePermission> OWNER_RW =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> OWNER_RWX = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
    /** A key file is never larger than this; a bigger file is not a key file. */
    private static final long MAX_KEY_FILE_BYTES = 4096;

    private KeyFiles() {
    }

    /**
     * Creates {@code dir} (0700) if needed and writes fresh consensus and network keys into it.
     *
     * @throws ConfigException when a key file exists and {@code force} is false; nothing is written then
     */
    public static ValidatorKeys generate(Path dir, boolean force, SecureRandom random) throws IOException {
        if (!force) {
            for (KeyPurpose p : KeyPurpose.values()) {
                Path f = dir.resolve(p.fileName());
                if (Files.exists(f)) {
                    throw new ConfigException(f.toString(), List.of(new ConfigException.Problem("",
                            "already exists; refusing to overwrite a key (pass --force to replace it)")));
                }
            }
        }
        createDirectory(dir);
        ValidatorKeys keys = new ValidatorKeys(newKeyPair(random), newKeyPair(random));
        for (KeyPurpose p : KeyPurpose.values()) {
            save(dir.resolve(p.fileName()), p, keys.get(p), force);
        }
        return keys;
    }

    /** A fresh Ed25519 key pair from {@code random}. */
    public static KeyPair newKeyPair(SecureRandom random) {
        byte[] seed = new byte[PrivateKey.LENGTH];
        random.nextBytes(seed);
        try {
            return new Ed25519().keyPair(seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** Loads both keys of a validator's key directory. */
    public static ValidatorKeys load(Path dir) throws IOException {
        KeyPair consensus = load(dir.resolve(KeyPurpose.CONSENSUS.fileName()), KeyPurpose.CONSENSUS);
        KeyPair network = load(dir.resolve(KeyPurpose.NETWORK.fileName()), KeyPurpose.NETWORK);
        try {
            return new ValidatorKeys(consensus, network);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(dir.toString(), List.of(new ConfigException.Problem("", e.getMessage())));
        }
    }

    /**
     * Loads one key file, checking its permissions, format, scheme, purpose, lengths, and
     * that its public key matches its seed.
     *
     * @throws ConfigException naming the file and the field at fault
     * @throws IOException     when the file cannot be read for another reason
     */
    public static KeyPair load(Path file, KeyPurpose purpose) throws IOException {
        String source = file.toAbsolutePath().normalize().toString();
        if (!Files.isRegularFile(file)) {
            String why = Files.exists(file) ? "is not a regular file"
                    : "does not exist (create keys with 'keel keygen --out " + file.toAbsolutePath().getParent() + "')";
            throw new ConfigException(source, List.of(new ConfigException.Problem("", why)));
        }
        checkPermissions(file, source);
        if (Files.size(file) > MAX_KEY_FILE_BYTES) {
            throw new ConfigException(source, List.of(new ConfigException.Problem("",
                    "is " + Files.size(file) + " bytes; not a key file")));
        }
        return KeyFileFormat.decode(Files.readString(file, StandardCharsets.UTF_8), purpose, source);
    }

    /**
     * Writes one key file atomically with mode 0600 (on POSIX file systems).
     *
     * @throws ConfigException when {@code file} exists and {@code force} is false
     */
    public static void save(Path file, KeyPurpose purpose, KeyPair pair, boolean force) throws IOException {
        writeSecret(file, KeyFileFormat.encode(purpose, pair).getBytes(StandardCharsets.UTF_8), force);
    }

    /**
     * Writes secret bytes atomically with mode 0600, creating the directory (0700) if needed;
     * zeroes {@code text} afterwards.
     *
     * @throws ConfigException when {@code file} exists and {@code force} is false
     */
    static void writeSecret(Path file, byte[] text, boolean force) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        createDirectory(dir);
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp", ownerOnly(dir, OWNER_RW));
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(ByteBuffer.wrap(text));
                ch.force(true);
            }
            move(tmp, abs, force);
            syncDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            throw new ConfigException(abs.toString(), List.of(new ConfigException.Problem("",
                    "already exists; refusing to overwrite a key (pass --force to replace it)")));
        } finally {
            Arrays.fill(text, (byte) 0);
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads a secret file after checking it is a small regular file only its owner can read. */
    static byte[] readSecret(Path file, String source) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(source, List.of(new ConfigException.Problem("", "is not a regular file")));
        }
        checkPermissions(file, source);
        if (Files.size(file) > MAX_KEY_FILE_BYTES) {
            throw new ConfigException(source, List.of(new ConfigException.Problem("",
                    "is " + Files.size(file) + " bytes; not a key file")));
        }
        return Files.readAllBytes(file);
    }

    private static void move(Path tmp, Path target, boolean force) throws IOException {
        if (force) {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        // A hard link fails if the target exists, so the no-overwrite check and the creation are one step.
        try {
            Files.createLink(target, tmp);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
            // No hard links here (some mounts): check, then rename; only a concurrent keygen can race this.
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e2) {
                Files.move(tmp, target);
            }
        }
    }

    private static void createDirectory(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            Files.createDirectories(dir, ownerOnly(dir.toAbsolutePath().getParent(), OWNER_RWX));
        } else if (!Files.isDirectory(dir)) {
            throw new ConfigException(dir.toString(), List.of(new ConfigException.Problem("", "is not a directory")));
        }
    }

    private static void checkPermissions(Path file, String source) throws IOException {
        if (!isPosix(file)) {
            return;
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
        String shown = PosixFilePermissions.toString(perms);
        if (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new ConfigException(source, List.of(new ConfigException.Problem("permissions", shown
                    + " lets group or others replace this key and sign as this validator; run: chmod 600 " + source)));
        }
        if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
            LOG.warn("key file readable by group or others file={} permissions={} fix=\"chmod 600 {}\"", source, shown, source);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path near, Set<PosixFilePermission> perms) {
        return near != null && isPosix(near) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(perms)}
                : new FileAttribute<?>[0];
    }

    private static boolean isPosix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Makes the rename durable: without it a power cut can lose the directory entry. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            LOG.debug("directory fsync not supported dir={} error={}", dir, e.toString());
        }
    }
}
