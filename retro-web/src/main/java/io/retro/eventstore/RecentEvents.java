package io.retro.eventstore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The stored events read last, by their number, shared by every reader of one engine. Every read
 * model has its own processor reading the whole stream, mostly at the same place: without this, the
 * store looks up each event once per processor. A stored event never changes, so a copy is as good
 * as the store's, and what a reader made of it serves the others too ({@link StoredEvent}); a
 * number not stored yet is never remembered, so a gap is still asked for.
 *
 * <p>An event is forgotten once every reader has read it ({@link #forgetUpTo}), or at the latest
 * once {@code capacity} later ones are remembered. Kept until then, the events of a rebuild outlived
 * the collector's young generation and were copied into the old one, thousands a second.
 */
final class RecentEvents {

    private final int capacity;
    private final Map<Long, StoredEvent> byNumber;
    private final Object storeReads = new Object();

    RecentEvents(int capacity) {
        this.capacity = capacity;
        // Insertion order: the oldest reads go first, and readers that fell far behind read from the store.
        this.byNumber = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, StoredEvent> eldest) {
                return size() > RecentEvents.this.capacity;
            }
        };
    }

    int capacity() {
        return capacity;
    }

    /**
     * The stored events among these numbers: those remembered, and the rest read by {@code fromStore}
     * and remembered. Readers that keep together ask for the same numbers at about the same moment;
     * one at a time reads from the store, so the others find what it read instead of reading it too.
     */
    List<StoredEvent> lookUp(List<Long> numbers, Function<List<Long>, List<StoredEvent>> fromStore) {
        Map<Long, StoredEvent> remembered = find(numbers);
        if (remembered.size() == numbers.size()) {
            return new ArrayList<>(remembered.values());
        }
        if (capacity == 0) {
            return fromStore.apply(numbers);
        }
        synchronized (storeReads) {
            Map<Long, StoredEvent> found = find(numbers);
            List<Long> missing = numbers.stream().filter(number -> !found.containsKey(number)).toList();
            List<StoredEvent> events = new ArrayList<>(found.values());
            if (!missing.isEmpty()) {
                List<StoredEvent> read = fromStore.apply(missing);
                remember(read);
                events.addAll(read);
            }
            return events;
        }
    }

    /** The remembered events among these numbers. */
    private synchronized Map<Long, StoredEvent> find(Collection<Long> numbers) {
        Map<Long, StoredEvent> found = new HashMap<>();
        if (capacity == 0) {
            return found;
        }
        for (Long number : numbers) {
            StoredEvent event = byNumber.get(number);
            if (event != null) {
                found.put(number, event);
            }
        }
        return found;
    }

    /**
     * Forgets the events up to this number, which every reader has read. They are remembered in
     * about the order of their numbers, the oldest first: this looks no further than the first later one.
     */
    synchronized void forgetUpTo(long number) {
        Iterator<Long> numbers = byNumber.keySet().iterator();
        while (numbers.hasNext() && numbers.next() <= number) {
            numbers.remove();
        }
    }

    /** Remembers events just read from the store, each under its number. */
    private synchronized void remember(List<StoredEvent> events) {
        if (capacity == 0) {
            return;
        }
        for (StoredEvent event : events) {
            byNumber.putIfAbsent(event.number(), event);
        }
    }
}
