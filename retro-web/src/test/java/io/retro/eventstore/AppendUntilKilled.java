package io.retro.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.retro.store.EmbeddedMongoServer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The process {@link CrashRecoveryTest} kills: opens the embedded store on the H2 file in the given
 * folder as the application does (durable appends by group commit), runs a pooled processor that
 * stores its token, and appends from several writers until killed, printing {@code ACK <event id>}
 * once each append has returned.
 */
public final class AppendUntilKilled {

    static final int WRITERS = 4;
    static final String ACK = "ACK ";
    static final String READY = "READY";

    private AppendUntilKilled() {}

    public static void main(String[] args) {
        EmbeddedMongoServer server = EmbeddedMongoServer.start(Path.of(args[0]), "127.0.0.1", 0);
        MongoClient client = MongoClients.create(server.connectionString());
        MongoDatabase database = client.getDatabase("retro");
        SequencedMongoEventStorageEngine engine = SequencedMongoEventStorageEngine.builder()
                .database(database)
                .durability(new GroupCommit(server::commit))
                .eventSerializer(JacksonSerializer.defaultSerializer())
                .snapshotSerializer(JacksonSerializer.defaultSerializer())
                .build();
        new RecordingProcessor(engine, database, 1).start();
        PrintStream out = System.out;
        out.println(READY);
        out.flush();
        for (int w = 0; w < WRITERS; w++) {
            Thread writer = new Thread(() -> append(engine, out), "writer-" + w);
            writer.start();
        }
    }

    private static void append(SequencedMongoEventStorageEngine engine, PrintStream out) {
        String aggregate = UUID.randomUUID().toString();
        long sequence = 0;
        while (true) {
            int count = 1 + (int) (sequence % 2);
            List<GenericDomainEventMessage<String>> batch = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                batch.add(new GenericDomainEventMessage<>("Crash", aggregate, sequence++, "event"));
            }
            engine.appendEvents(batch);
            synchronized (out) {
                batch.forEach(event -> out.println(ACK + event.getIdentifier()));
                out.flush();
            }
        }
    }

}
