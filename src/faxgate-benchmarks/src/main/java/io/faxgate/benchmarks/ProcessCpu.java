package io.faxgate.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a process has used (user + system), read from {@code /proc}: on a shared machine, CPU per operation is far
 * steadier than operations per second, which other people's work also moves. The load drivers read it for the server
 * ({@code -Dfaxgate.server-pid}) and for themselves, because they share the machine's cores with the server.
 */
final class ProcessCpu {

    private final String pid;

    private ProcessCpu(String pid) {
        this.pid = pid;
    }

    /** The server named by {@code -Dfaxgate.server-pid}, or none. */
    static ProcessCpu server() {
        return new ProcessCpu(System.getProperty("faxgate.server-pid"));
    }

    /** This load driver's own process. */
    static ProcessCpu driver() {
        return new ProcessCpu(Long.toString(ProcessHandle.current().pid()));
    }

    /** Milliseconds of CPU so far, or -1 when unknown (no pid, no /proc). */
    long millis() {
        if (pid == null) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10; // clock ticks of 10 ms (USER_HZ 100)
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
