package io.retro.bench;

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
import java.util.List;

/** The service as a separate process on the embedded store, as the README's run command starts it. */
final class ServiceProcess implements AutoCloseable {

    /** A heap cap as a deployment would set one; without it the JVM sizes its heap to the machine. */
    static final String HEAP = "-Xmx512m";

    private final Process process;
    final int port;
    final int storePort;
    final Duration startTime;

    private ServiceProcess(Process process, int port, int storePort, Duration startTime) {
        this.process = process;
        this.port = port;
        this.storePort = storePort;
        this.startTime = startTime;
    }

    static ServiceProcess start(Path jar, Path dataDir, Path log, String adminPassword) throws Exception {
        int port = freePort();
        int storePort = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, HEAP, "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("RETRO_DATA_DIR", dataDir.toString());
        builder.environment().put("RETRO_ADMIN_PASSWORD", adminPassword);
        builder.environment().put("RETRO_EMBEDDED_PORT", Integer.toString(storePort));
        builder.environment().remove("RETRO_DEMO");
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
                    return new ServiceProcess(process, port, storePort, Duration.ofNanos(System.nanoTime() - started));
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The service did not answer within 120 s; see " + log);
    }

    /** The most resident memory the process has used so far, from the kernel's own count, in MB. */
    double peakResidentMb() {
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

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
