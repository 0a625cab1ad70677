package dev.keel.storage.lmdb;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmdbjava.EnvFlags;

/** The environment is never opened in a mode where a returned commit may not be on disk. */
class LmdbDurabilityFlagsTest {
    @Test
    void noFlagWeakensDurability() {
        List<EnvFlags> flags = List.of(Opener.ENV_FLAGS);
        for (EnvFlags forbidden : List.of(EnvFlags.MDB_NOSYNC, EnvFlags.MDB_NOMETASYNC, EnvFlags.MDB_MAPASYNC,
                EnvFlags.MDB_WRITEMAP, EnvFlags.MDB_NOLOCK, EnvFlags.MDB_RDONLY_ENV)) {
            assertFalse(flags.contains(forbidden), forbidden + " must not be used for the read-write environment");
        }
    }
}
