package io.retro.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/** How the embedded store writes a document into its file, and reads it back. */
class BsonDocumentTypeTest {

    private final BsonDocumentType type = new BsonDocumentType();

    @Test
    void aDocumentOfEveryTypeTheWireBringsIsWrittenAsBsonAndReadsTheSame() {
        Document document = new Document("_id", 42L)
                .append("text", "Slow CI, ünïcode")
                .append("count", 7)
                .append("share", 0.25)
                .append("done", true)
                .append("nothing", null)
                .append("at", Instant.ofEpochMilli(1_764_000_000_123L))
                .append("objectId", new ObjectId())
                .append("bytes", new BinData(new byte[] {1, 2, 3}))
                .append("uuid", UUID.randomUUID())
                .append("decimal", new Decimal128(new java.math.BigDecimal("12.50")))
                .append("items", List.of(new Document("id", "a").append("votes", 3), "plain", 5L))
                .append("nested", new Document("counts", new Document("TECH_DEBT", 2)));

        ByteBuffer written = write(document);

        assertThat(written.get(0)).isEqualTo(BsonDocumentType.BSON);
        Document read = type.read(written);
        assertThat(read.keySet()).containsExactlyElementsOf(document.keySet());
        assertThat(read).isEqualTo(document);
        assertThat(written.remaining()).isZero();
    }

    @Test
    void aDocumentItCannotWriteAsBsonIsJavaSerializedAndReadsTheSame() {
        Document document = new Document("_id", "odd").append("big", new BigInteger("123456789012345678901234567890"));

        ByteBuffer written = write(document);

        assertThat(written.get(0)).isNotEqualTo(BsonDocumentType.BSON);
        assertThat(type.read(written)).isEqualTo(document);
    }

    @Test
    void aDocumentJavaSerializedByH2ReadsAsItDidAndSoDoesTheOneAfterIt() {
        Document older = new Document("_id", 1L).append("payloadType", "io.retro.api.retro.RetroStartedEvent");
        Document newer = new Document("_id", 2L).append("payloadType", "io.retro.api.retro.RetroItemAddedEvent");
        WriteBuffer buffer = new WriteBuffer();
        new ObjectDataType().write(buffer, older);
        type.write(buffer, newer);
        ByteBuffer written = buffer.getBuffer().flip();

        Document[] read = type.createStorage(2);
        type.read(written, read, 2);

        assertThat(read).containsExactly(older, newer);
        assertThat(written.remaining()).isZero();
    }

    private ByteBuffer write(Document document) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, document);
        return buffer.getBuffer().flip();
    }
}
