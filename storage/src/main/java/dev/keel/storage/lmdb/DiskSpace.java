package dev.keel.storage.lmdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Tells whether a failed write was really "out of space". Needed because LMDB reports a
 * short write — what a write that runs into a full disk or a file-size limit usually gets
 * first — as a plain EIO ("short write, filesystem full?" in its source), so the errno alone
 * cannot tell a full disk from a failing one, and "the disk is full" is the message an
 * operator can act on.
 */
final class DiskSpace {
    /** Below this much free space a failed write is attributed to the full disk. */
    static final long LOW_SPACE_BYTES = 64L << 20;
    private static final Path LIMITS = Path.of("/proc/self/limits");

    private DiskSpace() {
    }

    /** Why writing to {@code dir} runs out of room, if it does. */
    static Optional<String> shortage(Path dir) {
        try {
            long free = Files.getFileStore(dir).getUsableSpace();
            if (free < LOW_SPACE_BYTES) {
                return Optional.of("only " + free + " bytes free on the file system");
            }
            long limit = fileSizeLimit();
            long size = Files.size(dir.resolve(DataFile.FILE_NAME));
            if (limit >= 0 && size + LOW_SPACE_BYTES > limit) {
                return Optional.of(DataFile.FILE_NAME + " is " + size + " bytes and the process file-size limit"
                        + " (ulimit -f) is " + limit);
            }
        } catch (IOException | RuntimeException e) {
            // Cannot tell: the caller reports the original I/O error.
        }
        return Optional.empty();
    }

    /** RLIMIT_FSIZE in bytes from /proc (Linux), or -1 if unlimited or unknown. */
    private static long fileSizeLimit() throws IOException {
        if (!Files.isReadable(LIMITS)) {
            return -1;
        }
        List<String> lines = Files.readAllLines(LIMITS);
        for (String line : lines) {
            if (line.startsWith("Max file size")) {
                String[] f = line.substring("Max file size".length()).trim().split("\\s+");
                return f[0].equals("unlimited") ? -1 : Long.parseLong(f[0]);
            }
        }
        return -1;
    }
}
