package dev.keel.storage.lmdb;

import dev.keel.consensus.types.Block;
import dev.keel.storage.StorageException;
import dev.keel.storage.StorageException.Problem;
import dev.keel.storage.codec.CorruptDataException;
import dev.keel.storage.codec.StorageCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.lmdbjava.ByteArrayProxy;
import org.lmdbjava.Dbi;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.LmdbException;
import org.lmdbjava.Txn;

/**
 * The open procedure, ordered so that a directory that is not ours is refused before
 * anything in it is written:
 *
 * <ol>
 * <li>list the directory: any file other than {@code data.mdb}, {@code lock.mdb} and
 * {@code LOCK} means it is someone else's (refused before even creating our lock file);</li>
 * <li>take the {@link DirectoryLock};</li>
 * <li>check {@code data.mdb}'s meta pages with plain reads ({@link DataFile}: not LMDB,
 * newer LMDB format, truncated);</li>
 * <li>open LMDB <em>read-only and without its lock file</em> and check the identity
 * ({@link Identity}); a read-only, lock-free open writes no byte to either LMDB file;</li>
 * <li>only then open read-write. A directory with no {@code data.mdb}, an empty one, or
 * one whose environment holds no table at all (a crash during the very first open) is
 * initialized in one write transaction: tables, identity, genesis.</li>
 * </ol>
 */
final class Opener {
    static final int MAX_DBS = 16;
    /**
     * The read-write environment's flags. Never {@code MDB_NOSYNC}, {@code MDB_NOMETASYNC},
     * {@code MDB_MAPASYNC} or {@code MDB_WRITEMAP}: a commit must be durable when it returns,
     * since a vote may leave right after. {@code MDB_NOTLS} because read transactions run on
     * whatever thread asks (pools), not one per thread for the thread's lifetime.
     */
    static final EnvFlags[] ENV_FLAGS = {EnvFlags.MDB_NOTLS};
    private static final Set<String> OUR_FILES = Set.of(DataFile.FILE_NAME, "lock.mdb", DirectoryLock.FILE_NAME);

    private Opener() {
    }

    static LmdbStore open(LmdbConfig cfg, Block genesis) {
        if (genesis.height() != 0 || !genesis.qc().isGenesis()) {
            throw new IllegalArgumentException("not a genesis block: " + genesis);
        }
        Path dir = cfg.directory();
        prepareDirectory(dir);
        DirectoryLock lock = DirectoryLock.acquire(dir);
        Env<byte[]> env = null;
        boolean opened = false;
        boolean notOurs = false;
        try {
            Identity identity = Identity.expected(cfg, genesis.id());
            long mapSize = cfg.initialMapSize();
            boolean fresh = true;
            Path data = dir.resolve(DataFile.FILE_NAME);
            if (Files.exists(data) && Files.size(data) > 0) {
                mapSize = Math.max(mapSize, DataFile.read(dir).mapSize());
                fresh = checkExisting(dir, identity);
            }
            env = Env.create(ByteArrayProxy.PROXY_BA).setMaxDbs(MAX_DBS).setMapSize(mapSize).open(dir.toFile(), ENV_FLAGS);
            Transactions tx = new Transactions(env, dir, mapSize);
            Env<byte[]> e = env;
            Tables tables = fresh
                    ? tx.write(txn -> Genesis.initialize(e, txn, identity, genesis))
                    : tx.write(txn -> Tables.open(e, txn, false));
            lock.stampOwner();
            opened = true;
            return new LmdbStore(cfg, genesis, tx, tables, lock);
        } catch (IOException e) {
            throw new StorageException(Problem.IO_FAILURE, dir, "cannot open: " + e, e);
        } catch (LmdbException e) {
            throw Transactions.map(e, dir, "open");
        } catch (StorageException e) {
            notOurs = e.problem() == Problem.NOT_A_KEEL_DIRECTORY;
            throw e;
        } finally {
            if (!opened) {
                // Whatever failed (even an Error loading LMDB's native library), the lock must go.
                if (env != null && !env.isClosed()) {
                    env.close();
                }
                lock.release(notOurs);
            }
        }
    }

    private static void prepareDirectory(Path dir) {
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new StorageException(Problem.NOT_A_KEEL_DIRECTORY, dir, "it is a file, not a directory");
            }
            Files.createDirectories(dir);
            Set<String> foreign = new TreeSet<>();
            try (Stream<Path> entries = Files.list(dir)) {
                entries.map(p -> p.getFileName().toString()).filter(n -> !OUR_FILES.contains(n)).forEach(foreign::add);
            }
            if (!foreign.isEmpty()) {
                throw new StorageException(Problem.NOT_A_KEEL_DIRECTORY, dir, "it contains files Keel did not write: "
                        + abbreviate(foreign));
            }
        } catch (IOException e) {
            throw new StorageException(Problem.IO_FAILURE, dir, "cannot prepare the directory: " + e, e);
        }
    }

    /** Checks an existing environment read-only; true if it holds no table yet (never initialized). */
    private static boolean checkExisting(Path dir, Identity identity) {
        try (Env<byte[]> ro = Env.create(ByteArrayProxy.PROXY_BA).setMaxDbs(MAX_DBS)
                .open(dir.toFile(), EnvFlags.MDB_RDONLY_ENV, EnvFlags.MDB_NOLOCK)) {
            List<String> names = new ArrayList<>();
            ro.getDbiNames().forEach(n -> names.add(new String(n, StandardCharsets.UTF_8)));
            if (names.isEmpty()) {
                return true;
            }
            if (!names.contains("meta")) {
                throw new StorageException(Problem.NOT_A_KEEL_DIRECTORY, dir, "data.mdb is another program's LMDB"
                        + " environment (tables " + abbreviate(new TreeSet<>(names)) + ")");
            }
            Dbi<byte[]> meta = ro.openDbi("meta");
            try (Txn<byte[]> txn = ro.txnRead()) {
                identity.checkStored(meta, txn, dir);
            }
            if (!names.containsAll(Tables.NAMES)) {
                List<String> missing = new ArrayList<>(Tables.NAMES);
                missing.removeAll(names);
                throw new StorageException(Problem.CORRUPTED, dir, "tables missing from data.mdb: " + missing);
            }
            checkSafetyRecord(ro, dir);
            return false;
        }
    }

    /** The record that prevents double-signing is decoded before anything else happens. */
    private static void checkSafetyRecord(Env<byte[]> ro, Path dir) {
        Dbi<byte[]> safety = ro.openDbi("safety");
        try (Txn<byte[]> txn = ro.txnRead()) {
            byte[] v = safety.get(txn, Tables.SAFETY_RECORD);
            if (v != null) {
                StorageCodec.decodeSafety(v);
            }
        } catch (CorruptDataException e) {
            throw new StorageException(Problem.CORRUPTED, dir, e.getMessage(), e);
        }
    }

    private static String abbreviate(Set<String> names) {
        List<String> list = new ArrayList<>(names);
        return list.size() <= 5 ? list.toString() : list.subList(0, 5) + " and " + (list.size() - 5) + " more";
    }

}
