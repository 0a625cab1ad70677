package dev.keel.storage;

import java.nio.file.Path;

/**
 * A storage failure, coded by {@link Problem} and naming the data directory, so the node can
 * print one clear line and an operator knows what to fix. Refusals to open
 * ({@link Problem#refusesOpen()}) guarantee nothing in the directory was modified. Unchecked
 * because the consensus ports it crosses ({@code SafetyStore}, {@code BlockStore}) declare
 * none, and because the driver's rule is simple: a port that throws stops the batch, so no
 * vote or timeout leaves after a failed safety write.
 */
public final class StorageException extends RuntimeException {
    /** What went wrong, and whether it is a refusal to open a directory that is not this node's. */
    public enum Problem {
        NOT_A_KEEL_DIRECTORY(true, "the directory holds files that are not a Keel data directory; point the node at an empty or its own directory"),
        WRONG_CHAIN(true, "the directory belongs to another chain"),
        WRONG_GENESIS(true, "the directory was created from another genesis block"),
        WRONG_VALIDATOR(true, "the directory belongs to another validator key; a copied directory would make two validators share one safety record"),
        NEWER_FORMAT(true, "the directory was written by a newer Keel; upgrade this binary instead of downgrading the data"),
        CORRUPTED(true, "the data is damaged; restore the directory from a backup or resync from peers"),
        LOCKED(true, "another process has the directory open"),
        DISK_FULL(false, "the disk is full; nothing partial was written, free space and restart the node"),
        IO_FAILURE(false, "an I/O operation failed; the node must stop and restart"),
        CLOSED(false, "the store was closed");

        private final boolean refusesOpen;
        private final String hint;

        Problem(boolean refusesOpen, String hint) {
            this.refusesOpen = refusesOpen;
            this.hint = hint;
        }

        public String hint() {
            return hint;
        }

        /** A refusal guarantees nothing in the directory was modified. CORRUPTED may also come from a read later. */
        public boolean refusesOpen() {
            return refusesOpen;
        }
    }

    private final Problem problem;
    private final Path directory;
    private final String detail;

    public StorageException(Problem problem, Path directory, String detail) {
        this(problem, directory, detail, null);
    }

    public StorageException(Problem problem, Path directory, String detail, Throwable cause) {
        super("data directory " + directory + ": " + problem + ": " + detail + " (" + problem.hint() + ")", cause);
        this.problem = problem;
        this.directory = directory;
        this.detail = detail;
    }

    public Problem problem() {
        return problem;
    }

    public Path directory() {
        return directory;
    }

    /** The specific cause, without the directory, code and hint around it. */
    public String detail() {
        return detail;
    }
}
