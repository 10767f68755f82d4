package io.retro.eventstore;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntSupplier;
import org.axonframework.eventhandling.GapAwareTrackingToken;

/**
 * Times the two reads that must not slow down as history grows: loading an aggregate, and a
 * processor at the head asking for the next batch (one just behind the head, one that is empty).
 * Each figure is the median of many runs, in milliseconds.
 */
final class ScaleProbe {

    private static final int BATCH = 100;

    record Figures(long events, double aggregateLoad, double nextBatch, double caughtUpPoll) {

        String row() {
            return String.format("| %,9d | %17.3f | %20.3f | %17.3f |", events, aggregateLoad, nextBatch, caughtUpPoll);
        }

        /** The lower of each figure: the run least disturbed by other work. */
        static Figures best(Figures a, Figures b) {
            if (a == null) {
                return b;
            }
            return new Figures(b.events, Math.min(a.aggregateLoad, b.aggregateLoad), Math.min(a.nextBatch, b.nextBatch),
                    Math.min(a.caughtUpPoll, b.caughtUpPoll));
        }

        static String header() {
            return "|    events | aggregate load ms | next batch of 100 ms | caught-up poll ms |\n"
                    + "|----------:|------------------:|---------------------:|------------------:|";
        }
    }

    private ScaleProbe() {}

    static Figures measure(SequencedMongoEventStorageEngine engine, History history, int runs) {
        long head = history.size();
        double load = median(runs, pick -> {
            long count = engine.readEvents(history.aggregate(pick)).asStream().count();
            if (count != History.EVENTS_PER_AGGREGATE) {
                throw new IllegalStateException("Loaded " + count + " events of an aggregate");
            }
            return (int) count;
        });
        double nextBatch = median(runs, pick -> expect(BATCH,
                engine.fetchTrackedEvents(GapAwareTrackingToken.newInstance(head - BATCH, List.of()), BATCH).size()));
        double poll = median(runs, pick -> expect(0,
                engine.fetchTrackedEvents(GapAwareTrackingToken.newInstance(head, List.of()), BATCH).size()));
        return new Figures(head, load, nextBatch, poll);
    }

    private static int expect(int wanted, int got) {
        if (wanted != got) {
            throw new IllegalStateException("Fetched " + got + " events, expected " + wanted);
        }
        return got;
    }

    private static double median(int runs, java.util.function.IntFunction<Integer> run) {
        for (int i = 0; i < runs / 4; i++) {
            run.apply(i);
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            run.apply(i);
            millis[i] = (System.nanoTime() - start) / 1_000_000.0;
        }
        Arrays.sort(millis);
        return millis[runs / 2];
    }
}
