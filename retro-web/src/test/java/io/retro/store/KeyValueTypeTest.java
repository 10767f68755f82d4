package io.retro.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a unique index's map orders its keys, and writes them into the file and reads them back. */
class KeyValueTypeTest {

    private final KeyValueType order = new KeyValueType();
    /** H2's own order: by the keys' serialized bytes. */
    private final ObjectDataType h2 = new ObjectDataType();

    @TempDir
    Path dataDir;

    @Test
    void ordersKeysExactlyAsH2Does() {
        ordersAsH2Does(keys());
    }

    @Test
    void aValueTwiceInOneKeyIsOrderedAsItsSerializedReferenceIs() {
        String shared = "team-7";
        Long large = 1_000_005L;
        List<KeyValue> keys = List.of(new KeyValue(shared, shared), new KeyValue(shared, new String(shared)),
                new KeyValue(large, large), new KeyValue(large, Long.valueOf(1_000_005L)), new KeyValue(5L, 5L), new KeyValue(5L, 6L));
        ordersAsH2Does(keys);
    }

    @Test
    void aKeyOfNumbersStringsBooleansAndNullsIsWrittenWithoutJavaAndReadsBackSerializingAsItDid() {
        List<KeyValue> keys = keys().stream().filter(KeyValueTypeTest::simple).toList();
        assertThat(keys).hasSizeGreaterThan(200);

        for (KeyValue key : keys) {
            ByteBuffer written = write(key);

            assertThat(written.get(0)).as("%s", key).isEqualTo(KeyValueType.KEY);
            Object read = order.read(written);
            assertThat(read).as("%s", key).isEqualTo(key);
            // A key's serialized bytes are its place in the order.
            assertThat(ObjectDataType.serialize(read)).as("%s", key).isEqualTo(ObjectDataType.serialize(key));
            assertThat(written.remaining()).isZero();
        }
    }

    @Test
    void aValueTwiceInOneKeyReadsBackAsOneObjectAndEqualValuesThatAreNotOneAreLeftToH2() {
        String shared = "team-7";
        Long large = 1_000_005L;
        List<KeyValue> keys = List.of(new KeyValue(shared, shared), new KeyValue(large, 3L, large), new KeyValue(5L, 5L),
                new KeyValue(shared, new String(shared)), new KeyValue(large, Long.valueOf(1_000_005L)));

        for (KeyValue key : keys) {
            ByteBuffer written = write(key);
            KeyValue read = (KeyValue) order.read(written);

            assertThat(read).isEqualTo(key);
            assertThat(ObjectDataType.serialize(read)).as("%s", key).isEqualTo(ObjectDataType.serialize(key));
            assertThat(written.get(0) == KeyValueType.KEY).as("%s written without Java", key)
                    .isEqualTo(key.get(0) == key.get(key.size() - 1));
        }
    }

    @Test
    void aKeyOfAnyOtherValueIsJavaSerializedAndAKeyH2WroteReadsAsItDid() {
        KeyValue older = new KeyValue("team-1", 4L);
        KeyValue document = new KeyValue(new Document("team", "a"));
        KeyValue newer = new KeyValue("team-1", 5L);
        WriteBuffer buffer = new WriteBuffer();
        h2.write(buffer, older);
        order.write(buffer, document);
        order.write(buffer, newer);
        ByteBuffer written = buffer.getBuffer().flip();

        assertThat(written.get(0)).isNotEqualTo(KeyValueType.KEY);
        Object[] read = order.createStorage(3);
        order.read(written, read, 3);

        assertThat(read).containsExactly(older, document, newer);
        assertThat(written.remaining()).isZero();
    }

    @Test
    void aMapOfManyKeysFindsEachAfterReopeningInH2sOrderInAFractionOfTheFileH2sOwnKeysTake() {
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            keys.add(i % 2 == 0 ? new KeyValue(UUID.randomUUID().toString()) : new KeyValue("aggregate-" + i % 97, (long) i));
        }

        long written = storeAndCheck(keys, new KeyValueType(), "compact.mv");
        long javaSerialized = storeAndCheck(keys, new ObjectDataType(), "java.mv");

        assertThat(written).isLessThan(javaSerialized / 4);
    }

    /** Stores the keys in a map of this key type, reopens it and checks it; returns the file's size. */
    private long storeAndCheck(List<KeyValue> keys, ObjectDataType keyType, String file) {
        String fileName = dataDir.resolve(file).toString();
        try (MVStore store = new MVStore.Builder().fileName(fileName).open()) {
            MVMap<Object, Object> index = store.openMap("index", new MVMap.Builder<>().keyType(keyType));
            for (int i = 0; i < keys.size(); i++) {
                index.put(keys.get(i), (long) i);
            }
        }
        try (MVStore store = new MVStore.Builder().fileName(fileName).readOnly().open()) {
            MVMap<Object, Object> index = store.openMap("index", new MVMap.Builder<>().keyType(new KeyValueType()));
            for (int i = 0; i < keys.size(); i++) {
                assertThat(index.get(keys.get(i))).as("%s", keys.get(i)).isEqualTo((long) i);
            }
            List<KeyValue> inH2sOrder = new ArrayList<>(keys);
            inH2sOrder.sort(h2::compare);
            assertThat(index.keySet()).containsExactlyElementsOf(inH2sOrder);
            return store.getFileStore().size();
        }
    }

    private ByteBuffer write(KeyValue key) {
        WriteBuffer buffer = new WriteBuffer();
        order.write(buffer, key);
        return buffer.getBuffer().flip();
    }

    private static boolean simple(KeyValue key) {
        return key.stream().allMatch(value -> value == null || value instanceof Number || value instanceof Boolean || value instanceof String)
                && key.stream().filter(value -> value != null).distinct().count() == key.stream().filter(value -> value != null).count();
    }

    private void ordersAsH2Does(List<KeyValue> keys) {
        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                assertThat(Integer.signum(order.compare(a, b))).as("%s against %s", a, b)
                        .isEqualTo(Integer.signum(h2.compare(a, b)));
            }
        }
    }

    private static List<KeyValue> keys() {
        Random random = new Random(42);
        List<Object> values = new ArrayList<>(List.of(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 255L, 256L, 1, -1, 0, 1.0, -0.0, 0.0,
                -2.5, Double.NaN, Double.POSITIVE_INFINITY, true, false, "", "a", "b", "ab", "b10", "b7", "B7", "é", "z", "\u0000",
                "\uD83D\uDE00", "ü-team", "x".repeat(300), new ObjectId(), new ObjectId(), new Document("team", "a"),
                new Document("team", "b").append("n", 1)));
        for (int i = 0; i < 20; i++) {
            values.add(random.nextLong());
            values.add((long) random.nextInt(100_000));
            values.add(random.nextInt());
            values.add(random.nextDouble() * 1000 - 500);
            values.add(Long.toHexString(random.nextLong()) + "-" + i);
        }
        List<KeyValue> keys = new ArrayList<>();
        for (Object value : values) {
            keys.add(new KeyValue(value));
        }
        keys.add(new KeyValue((Object) null));
        for (int i = 0; i < 60; i++) {
            Object first = values.get(random.nextInt(values.size()));
            Object second = values.get(random.nextInt(values.size()));
            keys.add(new KeyValue(first, second));
            keys.add(new KeyValue(first, random.nextLong()));
            keys.add(new KeyValue("aggregate-" + random.nextInt(3), (long) random.nextInt(5)));
        }
        keys.add(new KeyValue("a", null));
        keys.add(new KeyValue(null, "a"));
        return keys;
    }
}
