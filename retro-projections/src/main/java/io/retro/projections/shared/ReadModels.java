package io.retro.projections.shared;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** Every read model of the application by name (its processing group), for rebuilds and checks. */
@Component
public class ReadModels {

    private final MongoDatabase database;
    private final Map<String, ReadModel> byName = new ConcurrentSkipListMap<>();

    public ReadModels(MongoDatabase database) {
        this.database = database;
    }

    /** Declares a read model; {@code name} must be the processing group that builds it. */
    public ReadModel define(String name, List<String> collections, Consumer<Function<String, MongoCollection<Document>>> prepare) {
        ReadModel readModel = new ReadModel(database, name, collections, prepare);
        if (byName.putIfAbsent(name, readModel) != null) {
            throw new IllegalStateException("Read model " + name + " is defined twice");
        }
        return readModel;
    }

    public ReadModel define(String name, List<String> collections) {
        return define(name, collections, resolver -> {});
    }

    public Optional<ReadModel> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Collection<ReadModel> all() {
        return byName.values();
    }
}
