package io.retro.projections.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;

/**
 * What a read model holds, in a form two builds of it can be compared in: every document by
 * collection and id, fields in name order and lists of ids sorted. Events of different aggregates
 * may be handled in another order by another build, which changes the order in which fields and
 * set members (a team's tech-debt item ids) were added, not what a document holds; queries order
 * their answers themselves.
 */
public final class ReadModelContents {

    private ReadModelContents() {}

    /** collection → id → document as canonical JSON. */
    public static Map<String, Map<String, String>> of(ReadModel readModel) {
        Map<String, Map<String, String>> contents = new TreeMap<>();
        for (String collection : readModel.collections()) {
            Map<String, String> documents = new TreeMap<>();
            for (Document document : readModel.forQueries(collection).find()) {
                // How many writes made the document is no part of what it holds.
                document.remove(BatchWrites.REVISION);
                documents.put(String.valueOf(document.get("_id")), ((Document) canonical(document)).toJson());
            }
            contents.put(collection, documents);
        }
        return contents;
    }

    private static Object canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            Document sorted = new Document();
            new TreeMap<>(map).forEach((key, field) -> sorted.append((String) key, canonical(field)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            List<Object> members = new ArrayList<>(list.stream().map(ReadModelContents::canonical).toList());
            return members.stream().allMatch(String.class::isInstance)
                    ? members.stream().map(String.class::cast).sorted().toList()
                    : members;
        }
        return value;
    }
}
