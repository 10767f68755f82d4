package io.retro.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

class IdsInTest {

    private final IdsIn idsIn = new IdsIn();
    private final List<Object> askedTheLibrary = new ArrayList<>();
    private final BiPredicate<Document, Document> library = (document, query) -> {
        askedTheLibrary.add(document.get("_id"));
        return true;
    };

    @Test
    void tellsWholeNumbersAndTextsByTheSetOfIdsAskedFor() {
        Document query = new Document("_id", new Document("$in", List.of(1L, 2, "a")));

        assertThat(idsIn.matches(new Document("_id", 1), query, library)).isTrue();
        assertThat(idsIn.matches(new Document("_id", 2L), query, library)).isTrue();
        assertThat(idsIn.matches(new Document("_id", "a"), query, library)).isTrue();
        assertThat(idsIn.matches(new Document("_id", 3L), query, library)).isFalse();
        assertThat(idsIn.matches(new Document("_id", "b"), query, library)).isFalse();
        assertThat(askedTheLibrary).isEmpty();
    }

    @Test
    void leavesAnyOtherIdAndAnyOtherQueryToTheLibrary() {
        Document byIds = new Document("_id", new Document("$in", List.of(1L, 2L)));
        Document withADouble = new Document("_id", new Document("$in", List.of(1L, 2.0)));
        Document withMore = new Document("_id", new Document("$in", List.of(1L))).append("x", 1);

        assertThat(idsIn.matches(new Document("_id", 2.0), byIds, library)).isTrue();
        assertThat(idsIn.matches(new Document("_id", 7L), withADouble, library)).isTrue();
        assertThat(idsIn.matches(new Document("_id", 7L), withMore, library)).isTrue();
        assertThat(idsIn.matches(new Document("_id", 7L), byIds, library)).isFalse();
        assertThat(askedTheLibrary).containsExactly(2.0, 7L, 7L);
    }
}
