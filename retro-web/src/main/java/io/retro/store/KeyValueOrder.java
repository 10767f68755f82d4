package io.retro.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How a unique index's map orders its keys: as H2 always has, by their Java-serialized bytes, but
 * without serializing them. H2 serializes both keys on every comparison, about twenty to a lookup,
 * and reading events and read-model documents by {@code _id} spent most of its time there. The
 * order must stay exactly the same, or a file written before would no longer find its keys; so
 * this works out where two keys' bytes first differ for the values keys mostly hold (numbers,
 * strings, booleans, null) and leaves anything else to H2.
 */
final class KeyValueOrder extends ObjectDataType {

    private static final int UNKNOWN = Integer.MIN_VALUE;

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
            if (!comparable(a, b) || repeated(left, i) || repeated(right, i)) {
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
        Class<?> type = a.getClass();
        return type == b.getClass()
                && (type == Long.class || type == Integer.class || type == Double.class || type == Boolean.class || type == String.class);
    }

    /** The same object twice in one key serializes the second time as a reference to the first. */
    private static boolean repeated(KeyValue key, int index) {
        Object value = key.get(index);
        for (int i = 0; value != null && i < index; i++) {
            if (key.get(i) == value) {
                return true;
            }
        }
        return false;
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
