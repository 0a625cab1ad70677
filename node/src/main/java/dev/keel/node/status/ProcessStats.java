package dev.keel.node.status;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The validator process's resource use at one moment, as {@code /status} shows it under
 * {@code process}. A load generator samples it once a second: CPU % is the change in
 * {@code cpuSeconds} over the change in wall time; memory is flat when RSS stops growing.
 * A value the platform cannot report is -1.
 *
 * @param cpuSeconds CPU time used by the whole process since it started (all threads)
 * @param rssBytes resident set size from {@code /proc/self/status} (Linux only)
 * @param gcSeconds time spent in garbage collection since start, summed over collectors
 * @param threads live JVM threads
 */
public record ProcessStats(double cpuSeconds, long heapUsedBytes, long heapCommittedBytes, long rssBytes,
                           double gcSeconds, int threads) {
    /** For views with no process of their own (test fakes). */
    public static final ProcessStats UNKNOWN = new ProcessStats(-1, -1, -1, -1, -1, -1);

    private static final Path PROC_STATUS = Path.of("/proc/self/status");

    /** Reads this JVM's counters now: a few MXBean calls and one small /proc read (tens of µs). */
    public static ProcessStats sample() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new ProcessStats(readCpuSeconds(), heap.getUsed(), heap.getCommitted(), readRssBytes(), readGcSeconds(),
                ManagementFactory.getThreadMXBean().getThreadCount());
    }

    private static double readCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            return nanos < 0 ? -1 : nanos / 1e9;
        }
        return -1;
    }

    private static double readGcSeconds() {
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            long t = gc.getCollectionTime(); // -1 when this collector does not say
            if (t > 0) {
                millis += t;
            }
        }
        return millis / 1e3;
    }

    private static long readRssBytes() {
        try {
            return rssBytes(Files.readAllLines(PROC_STATUS));
        } catch (IOException | RuntimeException e) { // not Linux, or /proc unreadable: say "unknown", never fail /status
            return -1;
        }
    }

    /** The {@code VmRSS:   12345 kB} line of a {@code /proc/PID/status} file, in bytes; -1 if absent. */
    static long rssBytes(List<String> procStatusLines) {
        for (String line : procStatusLines) {
            if (line.startsWith("VmRSS:")) {
                String digits = line.replaceAll("[^0-9]", "");
                return digits.isEmpty() ? -1 : Long.parseLong(digits) * 1024;
            }
        }
        return -1;
    }
}
