package io.retro.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.retro.support.ServiceApi;
import io.retro.support.ServiceNode;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Starts the service on a fresh embedded store, loads it over loopback from this JVM's threads and
 * prints each figure beside what the same machine does without Retro in the way. Quick mode
 * ({@code -Dbench.quick=true}) shortens the load and the histories; the table says which sizes ran.
 */
class RetroBenchIT {

    private static final String ADMIN_PASSWORD = "bench-admin-1";
    private static final String PASSWORD = "bench-password-1";

    private final boolean quick = Boolean.getBoolean("bench.quick");
    private final Results results = new Results();

    @Test
    void run() throws Exception {
        Path work = Files.createTempDirectory("retro-bench-");
        Path target = Path.of(System.getProperty("bench.results")).getParent();
        // The service runs as the README starts it; the raw baselines find its store in its log.
        Map<String, String> environment = new HashMap<>(Map.of(
                "RETRO_DATA_DIR", work.resolve("data").toString(),
                "RETRO_ADMIN_PASSWORD", ADMIN_PASSWORD));
        Optional.ofNullable(System.getenv("RETRO_MONGODB_URI")).ifPresent(uri -> environment.put("RETRO_MONGODB_URI", uri));
        double peakMb;
        try (ServiceNode service = ServiceNode.start(ServiceNode.jar(), environment, target.resolve("bench-service.log"));
                MongoClient mongo = MongoClients.create(storeUri(service))) {
            MongoDatabase database = mongo.getDatabase(databaseName(storeUri(service)));
            ServiceApi admin = new ServiceApi(service.port(), "admin", ADMIN_PASSWORD);
            String lead = admin.newUser("lead", PASSWORD);
            ServiceApi facilitator = new ServiceApi(service.port(), lead, PASSWORD);
            String teamId = facilitator.id(facilitator.post("/api/v1/teams", Map.of("name", "Bench"), 201));
            List<ServiceApi> members = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String username = admin.newUser("member" + i, PASSWORD);
                facilitator.post("/api/v1/teams/" + teamId + "/members", Map.of("username", username, "role", "ENGINEER"), 204);
                members.add(new ServiceApi(service.port(), username, PASSWORD));
            }

            commands(facilitator, members, teamId, database);
            live(facilitator, members.get(0), teamId);
            trends(admin, facilitator, teamId, database);
            results.add("service start time, empty store", service.startTime().toMillis() / 1000.0, "s", null, null, "< 15 s");
            peakMb = service.peakResidentMb();
            System.out.printf("BENCH peak resident memory of the service on the empty store: %.0f MB%n", peakMb);
        }
        // Grown while the service is stopped: a running service would project every grown event
        // live, and the rebuild that follows would do that work again.
        long events = grow(work.resolve("data"));
        try (ServiceNode service = ServiceNode.start(ServiceNode.jar(), environment, target.resolve("bench-service-history.log"));
                MongoClient mongo = MongoClients.create(storeUri(service))) {
            results.add(String.format("service start time, %,d events stored", events), service.startTime().toMillis() / 1000.0, "s",
                    null, null, "< 15 s");
            replay(new ServiceApi(service.port(), "admin", ADMIN_PASSWORD), mongo.getDatabase(databaseName(storeUri(service))), events);
            double rebuildingPeakMb = service.peakResidentMb();
            System.out.printf("BENCH peak resident memory of the service with %,d events: %.0f MB%n", events, rebuildingPeakMb);
            peakMb = Math.max(peakMb, rebuildingPeakMb);
        }
        results.add("service peak resident memory (" + String.join(" ", ServiceNode.JVM_OPTIONS) + ")", peakMb, "MB", null, null, "< 768 MB");
        System.out.println("\n## Retro benchmark (" + (quick ? "quick" : "full") + " mode)\n\n" + results.table());
        results.write(Path.of(System.getProperty("bench.results")));
        deleteRecursively(work);
    }

    /**
     * Grows the history to 100,000 events (quick) or 1,000,000 (full), or {@code -Dbench.history}
     * events, in the real MongoDB when one is set, else in the embedded store's file, opened here.
     */
    private long grow(Path dataDir) throws Exception {
        long total = Long.getLong("bench.history", quick ? 100_000 : 1_000_000);
        long start = System.nanoTime();
        long events;
        String real = System.getenv("RETRO_MONGODB_URI");
        if (real != null && !real.isBlank()) {
            try (MongoClient client = MongoClients.create(real)) {
                events = new HistoryGrowth(client.getDatabase(databaseName(real))).growTo(total);
            }
        } else {
            events = growEmbedded(dataDir, total);
        }
        System.out.printf("BENCH history grown to %,d events in %.0f s%n", events, (System.nanoTime() - start) / 1e9);
        return events;
    }

    /**
     * Grows the embedded store's file as the service itself opens it, with the classes of its jar,
     * so that the grown events are stored as the service stores them (as BSON, where the server
     * library alone would Java-serialize them).
     */
    private static long growEmbedded(Path dataDir, long total) throws Exception {
        URL classes = URI.create("jar:" + ServiceNode.jar().toUri() + "!/BOOT-INF/classes/").toURL();
        try (URLClassLoader service = new URLClassLoader(new URL[] {classes}, RetroBenchIT.class.getClassLoader())) {
            Class<?> server = service.loadClass("io.retro.store.EmbeddedMongoServer");
            Object store = server.getMethod("start", Path.class, String.class, int.class).invoke(null, dataDir, "127.0.0.1", 0);
            try (AutoCloseable closing = (AutoCloseable) store;
                    MongoClient client = MongoClients.create((String) server.getMethod("connectionString").invoke(store))) {
                return new HistoryGrowth(client.getDatabase("retro")).growTo(total);
            }
        }
    }

    private static String databaseName(String uri) {
        return Optional.ofNullable(new ConnectionString(uri).getDatabase()).orElse("retro");
    }

    /** A full run leaves gigabytes of store behind; the figures are what it is for. */
    private static void deleteRecursively(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** 1. Adding items through REST at 1, 16 and 64 clients, against raw inserts of the same documents. */
    private void commands(ServiceApi facilitator, List<ServiceApi> members, String teamId, MongoDatabase database) throws Exception {
        Duration each = Duration.ofSeconds(quick ? 5 : 20);
        List<String> retros = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            retros.add(startRetro(facilitator, teamId, "Load " + i, LocalDate.of(2026, 1, 5).plusWeeks(2L * i), 10));
        }
        // Warm-up, which also stores the event document the raw baseline copies.
        load(4, Duration.ofSeconds(quick ? 2 : 10), client -> members.get(client % members.size()).post(
                "/api/v1/retros/" + retros.get(client % retros.size()) + "/items",
                Map.of("column", "CONTINUE", "text", "Warm-up", "category", "FEATURE", "anonymous", false), 201));
        Document template = database.getCollection("events").find(new Document("payloadType", "io.retro.api.retro.RetroItemAddedEvent"))
                .first();
        MongoCollection<Document> raw = database.getCollection("bench_raw_events");
        raw.createIndex(Indexes.ascending("streamKey"), new IndexOptions().unique(true));
        raw.createIndex(Indexes.ascending("aggregateIdentifier", "sequenceNumber"), new IndexOptions().unique(true));
        raw.createIndex(Indexes.ascending("eventIdentifier"), new IndexOptions().unique(true));
        AtomicLong rawSequence = new AtomicLong();
        String lagRetro = startRetro(facilitator, teamId, "Lag", LocalDate.of(2026, 12, 7), 3);
        Map<Integer, Load> rawByClients = new java.util.HashMap<>();
        for (int clients : new int[] {1, 16, 64}) {
            // 3. Projection lag: while the clients load the service, one more client adds an item and
            // reads the board at once; the read waits until the board read model has the item.
            List<Double> lag = new CopyOnWriteArrayList<>();
            Thread probe = clients == 16 ? new Thread(() -> {
                ServiceApi api = members.get(0);
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        api.post("/api/v1/retros/" + lagRetro + "/items",
                                Map.of("column", "STOP", "text", "Lag probe", "category", "BUG", "anonymous", false), 201);
                        long t = System.nanoTime();
                        api.get("/api/v1/retros/" + lagRetro);
                        lag.add((System.nanoTime() - t) / 1e6);
                    }
                } catch (IllegalStateException stopped) {
                    if (!(stopped.getCause() instanceof InterruptedException)) {
                        throw stopped;
                    }
                }
            }) : null;
            if (probe != null) {
                probe.start();
            }
            Load rest = load(clients, each, client -> {
                ServiceApi api = members.get(client % members.size());
                api.post("/api/v1/retros/" + retros.get(client % retros.size()) + "/items",
                        Map.of("column", "STOP", "text", "Item from client " + client, "category", "TECH_DEBT", "anonymous", false), 201);
            });
            if (probe != null) {
                probe.interrupt();
                probe.join();
                double[] sorted = lag.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                double[] me = timed(30, () -> members.get(0).get("/api/v1/me"));
                results.add("projection lag under 16 clients: board read right after an add, p50", percentile(sorted, 50), "ms",
                        "GET /api/v1/me, p50", percentile(me, 50), null);
                results.add("projection lag under 16 clients: board read right after an add, p99", percentile(sorted, 99), "ms",
                        "GET /api/v1/me, p99", percentile(me, 99), "< 250 ms");
            }
            Load driver = load(clients, each, client -> {
                long sequence = rawSequence.incrementAndGet();
                Document document = new Document(template);
                String aggregate = "raw-" + client;
                document.put("_id", sequence);
                document.put("aggregateIdentifier", aggregate);
                document.put("sequenceNumber", sequence);
                document.put("streamKey", aggregate + "#" + sequence);
                document.put("eventIdentifier", UUID.randomUUID().toString());
                raw.insertMany(List.of(document));
            });
            rawByClients.put(clients, driver);
            String baseline = "raw driver insert of the same event document, " + clients + " clients";
            results.add("add item over REST, " + clients + " clients", rest.perSecond(), "commands/s", baseline, driver.perSecond(),
                    clients == 16 ? ">= 25% of raw" : null);
            results.add("add item over REST, " + clients + " clients, p50", rest.percentile(50), "ms", baseline + ", p50",
                    driver.percentile(50), null);
            results.add("add item over REST, " + clients + " clients, p99", rest.percentile(99), "ms", baseline + ", p99",
                    driver.percentile(99), clients == 16 ? "< 50 ms" : null);
        }
        votes(facilitator, members, retros, rawByClients);
    }

    /**
     * 1, continued. Casting and taking back votes through REST on the same retros, now in VOTE: each
     * client alternates, so no member runs out of votes.
     */
    private void votes(ServiceApi facilitator, List<ServiceApi> members, List<String> retros, Map<Integer, Load> rawByClients) throws Exception {
        Duration each = Duration.ofSeconds(quick ? 5 : 20);
        List<String> items = new ArrayList<>();
        for (String retroId : retros) {
            facilitator.post("/api/v1/retros/" + retroId + "/phase", Map.of("phase", "GROUP"), 204);
            facilitator.post("/api/v1/retros/" + retroId + "/phase", Map.of("phase", "VOTE"), 204);
            items.add(facilitator.get("/api/v1/retros/" + retroId).get("items").get(0).get("id").asText());
        }
        for (int clients : new int[] {1, 16, 64}) {
            boolean[] voted = new boolean[clients];
            Load load = load(clients, each, client -> {
                ServiceApi api = members.get(client % members.size());
                String path = "/api/v1/retros/" + retros.get(client % retros.size()) + "/items/" + items.get(client % items.size()) + "/votes";
                if (voted[client]) {
                    api.delete(path, 204);
                } else {
                    api.post(path, null, 204);
                }
                voted[client] = !voted[client];
            });
            Load raw = rawByClients.get(clients);
            String baseline = "raw driver insert of the same event document, " + clients + " clients";
            results.add("vote or take back a vote over REST, " + clients + " clients", load.perSecond(), "commands/s", baseline,
                    raw.perSecond(), clients == 16 ? ">= 25% of raw" : null);
            results.add("vote or take back a vote over REST, " + clients + " clients, p99", load.percentile(99), "ms",
                    baseline + ", p99", raw.percentile(99), clients == 16 ? "< 50 ms" : null);
        }
    }

    /** 2. From a command's response to its arrival on 20 open board streams. */
    private void live(ServiceApi facilitator, ServiceApi member, String teamId) throws Exception {
        String retroId = startRetro(facilitator, teamId, "Live", LocalDate.of(2027, 1, 4));
        int streams = 20;
        int items = quick ? 30 : 100;
        List<List<Long>> arrivals = new ArrayList<>();
        List<java.util.concurrent.CompletableFuture<HttpResponse<Stream<String>>>> open = new ArrayList<>();
        java.util.concurrent.CountDownLatch connected = new java.util.concurrent.CountDownLatch(streams);
        ExecutorService readers = Executors.newFixedThreadPool(streams);
        for (int s = 0; s < streams; s++) {
            List<Long> mine = new CopyOnWriteArrayList<>();
            arrivals.add(mine);
            HttpRequest request = member.request("/api/v1/retros/" + retroId + "/stream").header("Accept", "text/event-stream")
                    .timeout(Duration.ofMinutes(10)).build();
            var response = ServiceApi.client().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
            open.add(response);
            readers.submit(() -> {
                response.join().body().forEach(line -> {
                    if (line.startsWith(":connected")) {
                        connected.countDown();
                    } else if (line.startsWith("id:")) {
                        mine.add(System.nanoTime());
                    }
                });
                return null;
            });
        }
        connected.await();
        long[] answered = new long[items];
        for (int i = 0; i < items; i++) {
            member.post("/api/v1/retros/" + retroId + "/items",
                    Map.of("column", "STOP", "text", "Live " + i, "category", "BUG", "anonymous", false), 201);
            answered[i] = System.nanoTime();
            Thread.sleep(20);
        }
        Thread.sleep(2_000);
        List<Double> latencies = new ArrayList<>();
        for (List<Long> stream : arrivals) {
            for (int i = 0; i < Math.min(items, stream.size()); i++) {
                latencies.add(Math.max(0, stream.get(i) - answered[i]) / 1e6);
            }
        }
        open.forEach(response -> response.join().body().close());
        readers.shutdownNow();
        double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        results.add("live: command response to arrival on 20 streams, p50", percentile(sorted, 50), "ms", null, null, null);
        results.add("live: command response to arrival on 20 streams, p95", percentile(sorted, 95), "ms", null, null, "< 150 ms");
        if (sorted.length != (long) streams * items) {
            throw new IllegalStateException("expected " + streams * items + " arrivals, got " + sorted.length);
        }
    }

    /**
     * 5 and 6. Trend queries and a quarterly review over years of sprints, against the API's cheapest
     * authenticated answer. Timed once the read models have handled the sprints just recorded: a
     * query asked earlier waits for them first, which is projection lag (3), measured on its own.
     */
    private void trends(ServiceApi admin, ServiceApi facilitator, String teamId, MongoDatabase database) throws Exception {
        int sprints = 130;
        LocalDate end = LocalDate.now().minusDays(1);
        facilitator.put("/api/v1/teams/" + teamId + "/balance-target",
                Map.of("maintenanceMin", 0.2, "maintenanceMax", 0.4, "rationale", "bench", "effectiveFrom", end.minusYears(6).toString()), 204);
        sprints(facilitator, teamId, sprints, end);
        int otherTeams = quick ? 9 : 99;
        int otherSprints = quick ? 26 : 130;
        load(4, null, otherTeams, client -> {
            String other = facilitator.id(facilitator.post("/api/v1/teams", Map.of("name", "Bench " + client), 201));
            sprints(facilitator, other, otherSprints, end);
        });

        awaitRebuilt(admin, head(database));

        String range = "from=" + end.minusYears(5) + "&to=" + end;
        double[] me = timed(50, () -> facilitator.get("/api/v1/me"));
        double[] team = timed(50, () -> facilitator.get("/api/v1/teams/" + teamId + "/health?granularity=SPRINT&" + range));
        results.add("trend query, one team, 5 years of sprints, SPRINT, p50", percentile(team, 50), "ms", "GET /api/v1/me, p50", percentile(me, 50), null);
        results.add("trend query, one team, 5 years of sprints, SPRINT, p95", percentile(team, 95), "ms", "GET /api/v1/me, p95", percentile(me, 95), "< 50 ms");
        double[] org = timed(20, () -> admin.get("/api/v1/health?granularity=QUARTER&" + range));
        results.add("trend query, org of " + (otherTeams + 1) + " teams, QUARTER, p50", percentile(org, 50), "ms", "GET /api/v1/me, p50",
                percentile(me, 50), null);
        results.add("trend query, org of " + (otherTeams + 1) + " teams, QUARTER, p95", percentile(org, 95), "ms", "GET /api/v1/me, p95",
                percentile(me, 95), null);
        String quarter = end.getYear() + "-Q" + ((end.getMonthValue() - 1) / 3 + 1);
        double[] review = timed(20, () -> facilitator.get("/api/v1/teams/" + teamId + "/reviews/" + quarter));
        results.add("quarterly review, 5 years of sprints, p50", percentile(review, 50), "ms", "GET /api/v1/me, p50", percentile(me, 50), null);
        results.add("quarterly review, 5 years of sprints, p95", percentile(review, 95), "ms", "GET /api/v1/me, p95", percentile(me, 95), "< 1,000 ms");
    }

    /**
     * 4. Rebuilding every read model from the grown history. Baseline: the raw driver reading the
     * same collection by {@code _id} in batches of 1,000. A single cursor is no baseline here: the
     * embedded server gathers a cursor's whole result in its memory first, which for a million
     * events exceeds the service's heap.
     */
    private void replay(ServiceApi admin, MongoDatabase database, long events) throws Exception {
        long head = head(database);
        if (head < events) {
            throw new IllegalStateException("The service sees events up to " + head + " of the " + events + " stored");
        }
        List<String> names = new ArrayList<>();
        admin.get("/api/v1/admin/projections").forEach(model -> names.add(model.get("name").asText()));
        long start = System.nanoTime();
        for (String name : names) {
            admin.post("/api/v1/admin/projections/" + name + "/replay", null, 202);
        }
        // The read models had begun to catch up with the grown history when the rebuilds reset them,
        // so a rebuild is done only once its read model has also reached the head.
        awaitRebuilt(admin, head);
        double seconds = (System.nanoTime() - start) / 1e9;
        // Read once the service is idle, so that the baseline does not share the machine with it.
        start = System.nanoTime();
        long read = 0;
        MongoCollection<Document> collection = database.getCollection("events");
        for (long first = 1; first <= head; first += 1_000) {
            List<Long> ids = LongStream.range(first, Math.min(first + 1_000, head + 1)).boxed().toList();
            for (Document ignored : collection.find(Filters.in("_id", ids))) {
                read++;
            }
        }
        double rawRate = read / ((System.nanoTime() - start) / 1e9);
        results.add(String.format("rebuild all %d read models from %,d events", names.size(), events), events / seconds, "events/s",
                "raw driver reading the events collection by _id, batches of 1,000", rawRate, ">= 50% of raw");
    }

    /** The highest event number handed out so far. */
    private static long head(MongoDatabase database) {
        return database.getCollection("sequences").find(new Document("_id", "events")).first().get("value", Number.class).longValue();
    }

    /** Waits until no read model is being rebuilt and each has handled the events up to {@code head}. */
    private static void awaitRebuilt(ServiceApi admin, long head) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(60).toNanos();
        while (System.nanoTime() < deadline) {
            boolean done = true;
            for (JsonNode model : admin.get("/api/v1/admin/projections")) {
                done &= !model.get("replaying").asBoolean() && !model.get("position").isNull() && model.get("position").asLong() >= head;
            }
            if (done) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The read models were not rebuilt up to event " + head + " within an hour");
    }

    /** The store the service uses: a real MongoDB when {@code RETRO_MONGODB_URI} is set (the service inherits it), else the embedded one. */
    private static String storeUri(ServiceNode service) {
        String real = System.getenv("RETRO_MONGODB_URI");
        return real == null || real.isBlank() ? service.embeddedStoreUri() : real;
    }


    private static String startRetro(ServiceApi facilitator, String teamId, String sprint, LocalDate start) {
        return startRetro(facilitator, teamId, sprint, start, 3);
    }

    private static String startRetro(ServiceApi facilitator, String teamId, String sprint, LocalDate start, int votesPerMember) {
        return facilitator.id(facilitator.post("/api/v1/teams/" + teamId + "/retros", Map.of("sprint", sprint,
                "sprintStart", start.toString(), "sprintEnd", start.plusDays(11).toString(), "template", "START_STOP_CONTINUE",
                "votesPerMember", votesPerMember), 201));
    }

    private static void sprints(ServiceApi facilitator, String teamId, int count, LocalDate end) {
        for (int s = count - 1; s >= 0; s--) {
            LocalDate sprintEnd = end.minusWeeks(2L * s);
            String retroId = startRetro(facilitator, teamId, "Sprint " + (count - s), sprintEnd.minusDays(11));
            facilitator.put("/api/v1/retros/" + retroId + "/work-mix", Map.of("unit", "POINTS", "feature", 8,
                    "maintenance", 1 + s % 3, "techDebt", s % 2, "bug", 1, "process", 1), 204);
        }
    }

    interface Work {
        void run(int client) throws Exception;
    }

    /** Latencies and a rate from {@code clients} threads repeating the work for the duration. */
    record Load(long count, double seconds, double[] sortedMillis) {

        double perSecond() {
            return count / seconds;
        }

        double percentile(int p) {
            return RetroBenchIT.percentile(sortedMillis, p);
        }
    }

    private static Load load(int clients, Duration duration, Work work) throws Exception {
        return load(clients, duration, -1, work);
    }

    /** Runs for the duration, or until {@code total} units of work are done when no duration is given. */
    private static Load load(int clients, Duration duration, int total, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Double>>> done = new ArrayList<>();
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        long deadline = duration == null ? Long.MAX_VALUE : start + duration.toNanos();
        for (int c = 0; c < clients; c++) {
            int client = c;
            done.add(pool.submit(() -> {
                List<Double> mine = new ArrayList<>();
                while (System.nanoTime() < deadline) {
                    long unit = next.getAndIncrement();
                    if (total >= 0 && unit >= total) {
                        break;
                    }
                    long t = System.nanoTime();
                    work.run(total >= 0 ? (int) unit : client);
                    mine.add((System.nanoTime() - t) / 1e6);
                }
                return mine;
            }));
        }
        List<Double> all = new ArrayList<>();
        for (Future<List<Double>> future : done) {
            all.addAll(future.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Load(all.size(), seconds, all.stream().mapToDouble(Double::doubleValue).sorted().toArray());
    }

    private static double[] timed(int times, Runnable call) {
        for (int i = 0; i < 5; i++) {
            call.run();
        }
        double[] millis = new double[times];
        for (int i = 0; i < times; i++) {
            long t = System.nanoTime();
            call.run();
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)];
    }
}
