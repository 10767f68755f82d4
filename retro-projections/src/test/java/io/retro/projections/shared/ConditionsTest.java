package io.retro.projections.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.model.Filters;
import org.bson.BsonDocument;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

class ConditionsTest {

    @Test
    void aConditionIsTheOneTheDriversFiltersBuild() {
        assertThat(bson(Conditions.lt("version", 7L))).isEqualTo(bson(Filters.lt("version", 7L)));
        assertThat(bson(Conditions.exists("actionItems.a.status", false))).isEqualTo(bson(Filters.exists("actionItems.a.status", false)));
        assertThat(bson(Conditions.exists("phase", true))).isEqualTo(bson(Filters.exists("phase", true)));
    }

    private static BsonDocument bson(Bson condition) {
        return condition.toBsonDocument(BsonDocument.class, MongoClientSettings.getDefaultCodecRegistry());
    }
}
