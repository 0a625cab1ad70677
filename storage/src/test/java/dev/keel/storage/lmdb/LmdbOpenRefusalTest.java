package dev.keel.storage.lmdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.ChainContext;
import dev.keel.storage.Fixtures;
import dev.keel.storage.StorageException;
import dev.keel.storage.StorageException.Problem;
import dev.keel.storage.bench.SyntheticChain;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmdbjava.ByteArrayProxy;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;

/**
 * A node pointed at a directory that is not its own gets the right typed refusal, naming
 * the directory, and every file in the directory is left byte-identical.
 */
class LmdbOpenRefusalTest {
    @TempDir
    Path tmp;
    private Path dir;
    private SyntheticChain chain;

    @BeforeEach
    void setUp() {
        dir = tmp.resolve("data");
        chain = new SyntheticChain(Fixtures.CHAIN, 4, 1);
    }

    private LmdbConfig config() {
        return LmdbConfig.of(dir, Fixtures.CHAIN.chainId(), Fixtures.KEY).withInitialMapSize(1 << 20);
    }

    /** A used directory: some commits, a safety record. */
    private void populate(int blocks) {
        try (LmdbStore s = LmdbStore.open(config(), chain.genesis())) {
            Block tip = chain.genesis();
            for (int i = 0; i < blocks; i++) {
                tip = chain.child(tip, chain.payload(2, 200));
                s.commit(chain.commit(tip));
            }
            s.saveSafety(Fixtures.voted(chain, tip));
        }
    }

    private StorageException refused(Problem expected, LmdbConfig cfg, Block genesis) {
        DirSnapshot before = DirSnapshot.of(dir);
        StorageException e = assertThrows(StorageException.class, () -> LmdbStore.open(cfg, genesis).close());
        assertEquals(expected, e.problem(), e.getMessage());
        assertTrue(e.getMessage().contains(dir.toString()), "message names the directory: " + e.getMessage());
        assertTrue(expected.refusesOpen());
        assertEquals(before, DirSnapshot.of(dir), "nothing in the directory changed");
        return e;
    }

    private void opensFine() {
        try (LmdbStore s = LmdbStore.open(config(), chain.genesis())) {
            s.recover();
        }
    }

    @Test
    void anotherChainIsRefused() {
        populate(3);
        StorageException e = refused(Problem.WRONG_CHAIN, new LmdbConfig(dir, "other-chain", Fixtures.KEY, 1 << 20, 0),
                chain.genesis());
        assertTrue(e.getMessage().contains("'keel-test'") && e.getMessage().contains("'other-chain'"), e.getMessage());
        opensFine();
    }

    @Test
    void anotherValidatorIsRefused() {
        populate(3);
        refused(Problem.WRONG_VALIDATOR, LmdbConfig.of(dir, Fixtures.CHAIN.chainId(), Fixtures.OTHER_KEY), chain.genesis());
        opensFine();
    }

    @Test
    void anotherGenesisIsRefused() {
        populate(1);
        refused(Problem.WRONG_GENESIS, config(), Block.genesis(new ChainContext("keel-test", 0), 7));
    }

    @Test
    void aNewerStorageFormatIsRefused() {
        populate(2);
        try (Env<byte[]> env = Env.create(ByteArrayProxy.PROXY_BA).setMaxDbs(16).open(dir.toFile())) {
            Dbi<byte[]> meta = env.openDbi("meta");
            meta.put("formatVersion".getBytes(), ByteBuffer.allocate(4).putInt(2).array());
        }
        StorageException e = refused(Problem.NEWER_FORMAT, config(), chain.genesis());
        assertTrue(e.getMessage().contains("format 2"), e.getMessage());
    }

    @Test
    void aNewerLmdbDataVersionIsRefused() throws IOException {
        populate(1);
        int pageSize = pageSize();
        try (FileChannel ch = FileChannel.open(dir.resolve("data.mdb"), StandardOpenOption.WRITE)) {
            for (int page = 0; page < 2; page++) {
                ch.write(ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(0, 2), (long) page * pageSize + 20);
            }
        }
        refused(Problem.NEWER_FORMAT, config(), chain.genesis());
    }

    @Test
    void aDirectoryWithOtherFilesIsRefused() throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("notes.txt"), "my notes");
        Files.write(dir.resolve("photo.jpg"), new byte[] {1, 2, 3});
        StorageException e = refused(Problem.NOT_A_KEEL_DIRECTORY, config(), chain.genesis());
        assertTrue(e.getMessage().contains("notes.txt"), e.getMessage());
    }

    @Test
    void randomBytesInDataMdbAreRefused() throws IOException {
        Files.createDirectories(dir);
        byte[] junk = new byte[100_000];
        new Random(3).nextBytes(junk);
        Files.write(dir.resolve("data.mdb"), junk);
        refused(Problem.NOT_A_KEEL_DIRECTORY, config(), chain.genesis());
    }

    @Test
    void anotherProgramsLmdbIsRefused() {
        try (Env<byte[]> env = Env.create(ByteArrayProxy.PROXY_BA).setMaxDbs(4).open(toDir(dir))) {
            env.openDbi("users", DbiFlags.MDB_CREATE).put("alice".getBytes(), "1".getBytes());
        }
        StorageException e = refused(Problem.NOT_A_KEEL_DIRECTORY, config(), chain.genesis());
        assertTrue(e.getMessage().contains("users"), e.getMessage());
    }

    @Test
    void aTruncatedDataFileIsRefused() throws IOException {
        populate(200);
        long size = Files.size(dir.resolve("data.mdb"));
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("data.mdb").toFile(), "rw")) {
            f.setLength(size / 2);
        }
        StorageException e = refused(Problem.CORRUPTED, config(), chain.genesis());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("data.mdb").toFile(), "rw")) {
            f.setLength(5000);
        }
        refused(Problem.CORRUPTED, config(), chain.genesis());
    }

    @Test
    void aDamagedSafetyRecordIsRefusedAtOpen() throws IOException {
        populate(2);
        try (LmdbStore s = LmdbStore.open(config(), chain.genesis())) {
            s.saveSafety(Fixtures.voted(chain, chain.child(s.recover().committedHead(), 9, chain.payload(0, 0))));
        }
        byte[] record;
        try (LmdbStore s = LmdbStore.open(config(), chain.genesis())) {
            record = dev.keel.storage.codec.StorageCodec.encodeSafety(s.recover().safety());
        }
        flipInFile(record, 10);
        refused(Problem.CORRUPTED, config(), chain.genesis());
    }

    @Test
    void aDamagedBlockIsReportedWhenRead() throws IOException {
        populate(3);
        Block b;
        try (LmdbStore s = LmdbStore.open(config(), chain.genesis())) {
            b = s.blockByHeight(2).orElseThrow();
        }
        flipInFile(dev.keel.storage.codec.StorageCodec.encodePayload(b.payload()), 40);
        try (LmdbStore s = LmdbStore.open(config(), chain.genesis())) {
            StorageException e = assertThrows(StorageException.class, () -> s.blockByHeight(2));
            assertEquals(Problem.CORRUPTED, e.problem());
            assertEquals(Problem.CORRUPTED, assertThrows(StorageException.class, () -> s.blockByHash(b.id())).problem());
            s.blockByHeight(1).orElseThrow();
        }
    }

    @Test
    void aFileInsteadOfADirectoryIsRefused() throws IOException {
        Files.writeString(dir, "not a directory");
        StorageException e = assertThrows(StorageException.class, () -> LmdbStore.open(config(), chain.genesis()));
        assertEquals(Problem.NOT_A_KEEL_DIRECTORY, e.problem());
        assertEquals("not a directory", Files.readString(dir));
    }

    @Test
    void missingEmptyAndNeverInitializedDirectoriesAreInitialized() throws IOException {
        opensFine(); // missing
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        dir = empty;
        opensFine();
        dir = Files.createDirectories(tmp.resolve("zero-length"));
        Files.write(dir.resolve("data.mdb"), new byte[0]);
        Files.write(dir.resolve("LOCK"), new byte[0]);
        opensFine();
        dir = tmp.resolve("crashed-during-first-open");
        // An environment with no table: what a crash between LMDB's open and our first commit leaves.
        Env.create(ByteArrayProxy.PROXY_BA).open(toDir(dir)).close();
        opensFine();
    }

    private static java.io.File toDir(Path p) {
        try {
            return Files.createDirectories(p).toFile();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private int pageSize() throws IOException {
        try (FileChannel ch = FileChannel.open(dir.resolve("data.mdb"))) {
            ByteBuffer b = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder());
            ch.read(b, 40);
            return b.getInt(0);
        }
    }

    /**
     * Flips one byte in every stored copy of {@code value} inside data.mdb (copy-on-write
     * leaves stale copies in freed pages; only one is live, and we do not know which).
     */
    private void flipInFile(byte[] value, int offsetInValue) throws IOException {
        Path file = dir.resolve("data.mdb");
        byte[] data = Files.readAllBytes(file);
        int found = 0;
        outer:
        for (int i = 0; i + value.length <= data.length; i++) {
            for (int j = 0; j < value.length; j++) {
                if (data[i + j] != value[j]) {
                    continue outer;
                }
            }
            data[i + offsetInValue] ^= 0x5a;
            found++;
        }
        assertTrue(found > 0, "value found in data.mdb");
        Files.write(file, data);
    }
}
