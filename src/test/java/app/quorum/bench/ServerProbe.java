package app.quorum.bench;

import app.quorum.ballot.drill.QuorumServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** What the bench reads of the machine: CPU time of the client and of the server, the server's memory, jcmd, the load. */
final class ServerProbe {

    private ServerProbe() {
    }

    /**
     * CPU seconds so far of this JVM (the client), of Payara Micro + MariaDB (the server), and of MariaDB alone (the
     * database, part of the server's), from /proc.
     */
    record Cpu(long at, double client, double server, double database) {
        static Cpu now(QuorumServer server) {
            double client = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
            double serverCpu = 0;
            double database = 0;
            for (ProcessHandle process : server.processes()) {
                double seconds = cpuSeconds(process.pid());
                serverCpu += seconds;
                if (process.info().command().map(c -> c.endsWith("mariadbd")).orElse(false)) {
                    database += seconds;
                }
            }
            return new Cpu(System.nanoTime(), client, serverCpu, database);
        }
    }

    /** utime + stime of a process, in seconds (/proc/pid/stat fields 14 and 15, in clock ticks of 1/100 s). */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Resident memory of Payara Micro + MariaDB (the launcher's descendants), in MiB. */
    static double rssMiB(QuorumServer server) {
        double kib = 0;
        for (ProcessHandle process : server.processes()) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        kib += Long.parseLong(line.replaceAll("\\D", ""));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // gone
            }
        }
        return kib / 1024;
    }

    /** jcmd on Payara Micro's JVM (the launcher's java child that runs payara-micro.jar). */
    static void jcmd(QuorumServer server, Consumer<String> event, String... command) throws IOException, InterruptedException {
        long pid = server.processes().stream()
                .filter(p -> String.join(" ", p.info().arguments().orElse(new String[0])).contains("payara-micro"))
                .findFirst().orElseThrow().pid();
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        line.add(Long.toString(pid));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (jcmd.waitFor() != 0) {
            event.accept("jcmd " + String.join(" ", command) + " failed: " + out.strip());
        }
    }

    static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "-";
        }
    }
}
