package io.retro.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the embedded store writes a collection's documents into its file: as BSON, the bytes the
 * server reads from and writes to the wire anyway. H2's default Java-serializes each document on
 * its own, class descriptions and all: in a profile of a rebuild, a quarter of the bytes the
 * service allocated and most of the store's commits went to that.
 *
 * <p>A file written before holds Java-serialized documents, which read as they did; each is written
 * as BSON when H2 next writes the page that holds it: when it or a neighbour changes, or when
 * compaction moves the page. A document the server's encoder cannot write (it knows every
 * type the wire brings) is still Java-serialized rather than lost.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    /** Marks a BSON value. H2's own type tags every value it writes with a byte from 0 to 127. */
    static final byte BSON = (byte) 0xB5;
    /**
     * A document on the heap takes about this many times its BSON bytes: a map entry, a key and a
     * boxed value for every field. H2's cache counts pages by what their values take on the heap.
     */
    private static final int HEAP_PER_BSON_BYTE = 4;

    private final ObjectDataType javaSerialized = new ObjectDataType();
    /** A moving average of the documents' BSON bytes, read or written; H2 asks often and only for an estimate. */
    private volatile int averageBytes = 1_000;

    @Override
    public int getMemory(Document document) {
        return averageBytes * HEAP_PER_BSON_BYTE;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer(averageBytes + averageBytes / 2);
        try {
            BsonEncoder.encodeDocument(document, bson);
        } catch (IllegalArgumentException unknownType) {
            javaSerialized.write(buffer, document);
            return;
        }
        counted(bson.readableBytes());
        buffer.put(BSON).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return (Document) javaSerialized.read(buffer);
        }
        int start = buffer.position() + 1;
        // BSON begins with its length, little-endian.
        int length = Integer.reverseBytes(buffer.getInt(start));
        Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(buffer.slice(start, length)));
        buffer.position(start + length);
        counted(length);
        return document;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    private void counted(int bytes) {
        averageBytes = (bytes + 15 * averageBytes) / 16;
    }
}
