package io.retro.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service as a process of its own, as the README's run command starts it: for tests
 * and benchmarks that kill a node, run two, or measure the process from outside.
 */
public final class ServiceNode implements AutoCloseable {

    /**
     * The JVM options a deployment on a small machine would set, as the README gives them: a heap cap
     * (without it the JVM sizes its heap to the machine), and the serial collector, which on two
     * cores rebuilt read models as fast as G1 in 150 MB less memory.
     */
    public static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC");

    private final Process process;
    private final int port;
    private final Path log;
    private final Duration startTime;

    private ServiceNode(Process process, int port, Path log, Duration startTime) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.startTime = startTime;
    }

    /** The runnable jar that Maven's package phase built; the Failsafe configuration names it. */
    public static Path jar() {
        String jar = System.getProperty("retro.jar");
        if (jar == null) {
            throw new IllegalStateException("Set the system property retro.jar to the packaged service");
        }
        return Path.of(jar);
    }

    /**
     * Starts the service with these environment variables on top of a free {@code SERVER_PORT}, and
     * returns once its login page answers.
     */
    public static ServiceNode start(Path jar, Map<String, String> environment, Path log) throws Exception {
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().remove("RETRO_DEMO");
        builder.environment().remove("RETRO_MONGODB_URI");
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        long started = System.nanoTime();
        Process process = builder.start();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = started + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service stopped while starting; see " + log);
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return new ServiceNode(process, port, log, Duration.ofNanos(System.nanoTime() - started));
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The service did not answer within 120 s; see " + log);
    }

    public int port() {
        return port;
    }

    public Duration startTime() {
        return startTime;
    }

    public Path log() {
        return log;
    }

    /** The embedded store's address, as the service logged it at its last start. */
    public String embeddedStoreUri() {
        try {
            List<String> found = Files.readAllLines(log).stream()
                    .filter(line -> line.contains("Store: embedded MongoDB"))
                    .map(line -> line.substring(line.indexOf("listening on ") + "listening on ".length()).trim())
                    .toList();
            if (found.isEmpty()) {
                throw new IllegalStateException("The service did not log an embedded store; see " + log);
            }
            return found.get(found.size() - 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or released. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** The most resident memory the process has used so far, from the kernel's own count, in MB. */
    public double peakResidentMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
            return Double.NaN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the service as an operator would (SIGTERM), and forcibly if it takes over 30 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
