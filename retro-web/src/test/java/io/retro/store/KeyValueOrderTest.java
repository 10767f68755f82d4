package io.retro.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

class KeyValueOrderTest {

    private final KeyValueOrder order = new KeyValueOrder();
    /** H2's own order: by the keys' serialized bytes. */
    private final ObjectDataType h2 = new ObjectDataType();

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
