package io.retro.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How a unique index's map orders and stores its keys.
 *
 * <p>The order is H2's own, by the keys' Java-serialized bytes, worked out without serializing
 * them. H2 serializes both keys on every comparison, about twenty to a lookup, and reading events
 * and read-model documents by {@code _id} spent most of its time there. The order must stay exactly
 * the same, or a file written before would no longer find its keys; so this works out where two
 * keys' bytes first differ for the values keys mostly hold (numbers, strings, booleans, null) and
 * leaves anything else to H2.
 *
 * <p>A key of such values is written as a marker and its values, each after a tag. H2's own type
 * Java-serializes every key on its own, class descriptions and all, and reads a whole page of them
 * back for one lookup that misses its cache: in a profile of a rebuild, a sixth of what the service
 * allocated. A key read back must serialize exactly as the one written, since that is its order:
 * one value twice in a key serializes the second time as a reference to the first, so it is written
 * as such and read back as one object; a key with two equal values that are not one object, which
 * would read back as one, is left to H2, as is any other key. Keys H2 wrote read as they did.
 */
final class KeyValueType extends ObjectDataType {

    /** Marks a key written here. H2's own type tags every value it writes with a byte from 0 to 127. */
    static final byte KEY = (byte) 0xB6;

    private static final byte NULL = 0;
    private static final byte FALSE = 1;
    private static final byte TRUE = 2;
    private static final byte INT = 3;
    private static final byte LONG = 4;
    private static final byte DOUBLE = 5;
    private static final byte STRING = 6;
    /** The same object as the value at the index that follows. */
    private static final byte SAME = 7;

    private static final int UNKNOWN = Integer.MIN_VALUE;

    /** About what a key takes on the heap besides its values (the key, its list and the list's array): H2's cache counts it. */
    private static final int KEY_MEMORY = 64;
    /** About what a boxed number or boolean, or a string besides its characters, takes on the heap with its reference. */
    private static final int VALUE_MEMORY = 24;
    private static final int STRING_MEMORY = 48;

    @Override
    public int getMemory(Object key) {
        if (!(key instanceof KeyValue keyValue) || !writable(keyValue)) {
            return super.getMemory(key);
        }
        int memory = KEY_MEMORY;
        for (Object value : keyValue) {
            memory += value instanceof String text ? STRING_MEMORY + text.length() : VALUE_MEMORY;
        }
        return memory;
    }

    @Override
    public void write(WriteBuffer buffer, Object key) {
        if (!(key instanceof KeyValue keyValue) || !writable(keyValue)) {
            super.write(buffer, key);
            return;
        }
        buffer.put(KEY).putVarInt(keyValue.size());
        for (int i = 0; i < keyValue.size(); i++) {
            Object value = keyValue.get(i);
            int first = firstOccurrence(keyValue, i);
            if (first < i) {
                buffer.put(SAME).putVarInt(first);
            } else if (value == null) {
                buffer.put(NULL);
            } else if (value instanceof Boolean flag) {
                buffer.put(flag ? TRUE : FALSE);
            } else if (value instanceof Integer number) {
                buffer.put(INT).putVarInt(number);
            } else if (value instanceof Long number) {
                buffer.put(LONG).putVarLong(number);
            } else if (value instanceof Double number) {
                buffer.put(DOUBLE).putDouble(number);
            } else {
                String text = (String) value;
                buffer.put(STRING).putVarInt(text.length()).putStringData(text, text.length());
            }
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != KEY) {
            return super.read(buffer);
        }
        buffer.get();
        Object[] values = new Object[DataUtils.readVarInt(buffer)];
        for (int i = 0; i < values.length; i++) {
            byte tag = buffer.get();
            values[i] = switch (tag) {
                case NULL -> null;
                case FALSE -> Boolean.FALSE;
                case TRUE -> Boolean.TRUE;
                case INT -> DataUtils.readVarInt(buffer);
                case LONG -> DataUtils.readVarLong(buffer);
                case DOUBLE -> buffer.getDouble();
                case STRING -> DataUtils.readString(buffer, DataUtils.readVarInt(buffer));
                case SAME -> values[DataUtils.readVarInt(buffer)];
                default -> throw DataUtils.newMVStoreException(DataUtils.ERROR_FILE_CORRUPT, "Unknown tag {0} in an index key", tag);
            };
        }
        return new KeyValue(values);
    }

    /**
     * Whether a key is written here: its values are all of the classes above, and no two are equal
     * unless they are one object. Read back, equal numbers or booleans may well be one object.
     */
    private static boolean writable(KeyValue key) {
        for (int i = 0; i < key.size(); i++) {
            Object value = key.get(i);
            if (value != null && !simple(value.getClass())) {
                return false;
            }
            for (int j = 0; value != null && j < i; j++) {
                if (key.get(j) != value && value.equals(key.get(j))) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The index of the first value in the key that is the same object as the one at {@code index}.
     * The same object twice in one key serializes the second time as a reference to the first.
     */
    private static int firstOccurrence(KeyValue key, int index) {
        Object value = key.get(index);
        for (int i = 0; value != null && i < index; i++) {
            if (key.get(i) == value) {
                return i;
            }
        }
        return index;
    }

    private static boolean simple(Class<?> type) {
        return type == Long.class || type == Integer.class || type == Double.class || type == Boolean.class || type == String.class;
    }

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue left && b instanceof KeyValue right) {
            int order = compareSerialized(left, right);
            if (order != UNKNOWN) {
                return order;
            }
        }
        return super.compare(a, b);
    }

    /**
     * A key serializes as its list's size and then each value in turn. With the same size and the
     * same classes in the same places, every byte before the first differing value is the same.
     */
    private static int compareSerialized(KeyValue left, KeyValue right) {
        if (left.size() != right.size()) {
            return Integer.compare(left.size(), right.size());
        }
        for (int i = 0; i < left.size(); i++) {
            Object a = left.get(i);
            Object b = right.get(i);
            if (!comparable(a, b) || firstOccurrence(left, i) < i || firstOccurrence(right, i) < i) {
                return UNKNOWN;
            }
            int order = a == null ? 0 : compareValues(a, b);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    private static boolean comparable(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.getClass() == b.getClass() && simple(a.getClass());
    }

    /** Serialized numbers are big-endian and H2 compares bytes unsigned. */
    private static int compareValues(Object a, Object b) {
        if (a instanceof Long x) {
            return Long.compareUnsigned(x, (Long) b);
        }
        if (a instanceof Integer x) {
            return Integer.compareUnsigned(x, (Integer) b);
        }
        if (a instanceof Double x) {
            return Long.compareUnsigned(Double.doubleToLongBits(x), Double.doubleToLongBits((Double) b));
        }
        if (a instanceof Boolean x) {
            return Boolean.compare(x, (Boolean) b);
        }
        return compareStrings((String) a, (String) b);
    }

    /** A string serializes as the length of its modified UTF-8 form, then that form. */
    private static int compareStrings(String a, String b) {
        if (ascii(a) && ascii(b)) {
            return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        }
        byte[] x = modifiedUtf8(a);
        byte[] y = modifiedUtf8(b);
        if (x == null || y == null) {
            return UNKNOWN;
        }
        return x.length != y.length ? Integer.compare(x.length, y.length) : Integer.signum(Arrays.compareUnsigned(x, y));
    }

    private static boolean ascii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0 || c >= 0x80) {
                return false;
            }
        }
        return value.length() <= 0xFFFF;
    }

    /** The string as serialization writes it, or {@code null} if too long for a short string. */
    private static byte[] modifiedUtf8(String value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(value);
        } catch (UTFDataFormatException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] encoded = bytes.toByteArray();
        return Arrays.copyOfRange(encoded, 2, encoded.length);
    }
}
