package io.retro.eventstore;

import static com.mongodb.client.model.Filters.in;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.retro.store.EmbeddedMongoServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a JVM that appends under load to the embedded H2 store with SIGKILL, then opens the same
 * folder again: every append that returned is on disk exactly once (the group commit made it
 * durable before returning), and the processor resumes from the token it had stored.
 */
class CrashRecoveryTest {

    private static final int ACKS_BEFORE_KILL = 600;
    private static final Duration RUN_AFTER_FIRST_ACK = Duration.ofSeconds(3);

    @TempDir
    Path folder;

    private Path dataDir;

    @Test
    void keepsEveryAcknowledgedEventAndResumesTrackingAfterSigkill() throws Exception {
        dataDir = folder.resolve("data");
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        Process child = startAppender();
        Thread reader = new Thread(() -> readAcks(child, acknowledged));
        reader.start();
        assertThat(RecordingProcessor.await(() -> !acknowledged.isEmpty(), Duration.ofSeconds(60)))
                .as("the appender acknowledged its first event").isTrue();
        Thread.sleep(RUN_AFTER_FIRST_ACK.toMillis());
        RecordingProcessor.await(() -> acknowledged.size() >= ACKS_BEFORE_KILL, Duration.ofSeconds(20));
        child.destroyForcibly();
        assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        reader.join(10_000);
        assertThat(acknowledged).hasSizeGreaterThan(50);

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, "127.0.0.1", 0);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase database = client.getDatabase("retro");
            MongoCollection<Document> events = database.getCollection(SequencedMongoEventStorageEngine.EVENTS);
            Map<String, Integer> copies = new HashMap<>();
            for (int from = 0; from < acknowledged.size(); from += 500) {
                List<String> chunk = acknowledged.subList(from, Math.min(acknowledged.size(), from + 500));
                for (Document event : events.find(in("eventIdentifier", chunk))) {
                    copies.merge(event.getString("eventIdentifier"), 1, Integer::sum);
                }
            }
            List<String> lost = acknowledged.stream().filter(id -> !copies.containsKey(id)).toList();
            assertThat(lost).as("acknowledged events missing after the crash").isEmpty();
            assertThat(copies.values()).as("copies of each acknowledged event").containsOnly(1);
            assertThat(new HashSet<>(acknowledged)).hasSameSizeAs(acknowledged);

            SequencedMongoEventStorageEngine engine = SequencedMongoEventStorageEngine.builder()
                    .database(database)
                    .eventSerializer(org.axonframework.serialization.json.JacksonSerializer.defaultSerializer())
                    .snapshotSerializer(org.axonframework.serialization.json.JacksonSerializer.defaultSerializer())
                    .build();
            GapAwareTrackingToken stored = storedToken(database);
            assertThat(stored.getIndex()).as("the processor had stored progress before the kill").isPositive();
            Set<String> notYetHandled = eventsNotCoveredBy(stored, engine, events);
            System.out.printf("Crash test: %d acknowledged before SIGKILL, all present once; stored token at %d with %d gaps,"
                    + " %d events after it%n", acknowledged.size(), stored.getIndex(), stored.getGaps().size(), notYetHandled.size());

            try (RecordingProcessor processor = new RecordingProcessor(engine, database, 1, Duration.ofSeconds(1)).start()) {
                assertThat(RecordingProcessor.await(() -> processor.handledCount() >= notYetHandled.size(), Duration.ofSeconds(30)))
                        .as("the restarted processor handled the %d events after its token", notYetHandled.size())
                        .isTrue();
                Thread.sleep(500);
                assertThat(processor.timesHandled().keySet())
                        .as("events handled after the restart: exactly those after the stored token")
                        .isEqualTo(notYetHandled);
            }
        }
    }

    private Process startAppender() throws IOException {
        Path logConfig = folder.resolve("logback.xml");
        Files.writeString(logConfig, """
                <configuration>
                  <appender name="err" class="ch.qos.logback.core.ConsoleAppender">
                    <target>System.err</target>
                    <encoder><pattern>%level %logger{20} %msg%n</pattern></encoder>
                  </appender>
                  <root level="WARN"><appender-ref ref="err"/></root>
                </configuration>
                """);
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-Xmx256m", "-Daxoniq.update-checker.disabled=true",
                "-Dlogback.configurationFile=" + logConfig, "-cp", classpath,
                AppendUntilKilled.class.getName(), dataDir.toString())
                .redirectError(folder.resolve("appender.err").toFile())
                .start();
    }

    private static void readAcks(Process child, List<String> acknowledged) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                // A line cut by the kill has no complete identifier and counts as not acknowledged.
                if (line.startsWith(AppendUntilKilled.ACK) && line.length() == AppendUntilKilled.ACK.length() + 36) {
                    acknowledged.add(line.substring(AppendUntilKilled.ACK.length()));
                }
            }
        } catch (IOException e) {
            // The stream ends with the process.
        }
    }

    private static GapAwareTrackingToken storedToken(MongoDatabase database) throws InterruptedException {
        // The dead process's claim has to time out before another owner may read the segment.
        Thread.sleep(1_200);
        TokenStore tokens = RecordingProcessor.tokenStore(database, Duration.ofSeconds(1));
        TrackingToken token = tokens.fetchToken(RecordingProcessor.NAME, 0);
        tokens.releaseClaim(RecordingProcessor.NAME, 0);
        assertThat(token).isInstanceOf(GapAwareTrackingToken.class);
        return (GapAwareTrackingToken) token;
    }

    private static Set<String> eventsNotCoveredBy(GapAwareTrackingToken token, SequencedMongoEventStorageEngine engine,
            MongoCollection<Document> events) {
        List<Long> numbers = new ArrayList<>(token.getGaps());
        LongStream.rangeClosed(token.getIndex() + 1, engine.reservedHead()).forEach(numbers::add);
        Set<String> identifiers = new HashSet<>();
        for (int from = 0; from < numbers.size(); from += 1000) {
            for (Document event : events.find(in("_id", numbers.subList(from, Math.min(numbers.size(), from + 1000))))) {
                identifiers.add(event.getString("eventIdentifier"));
            }
        }
        return identifiers;
    }
}
