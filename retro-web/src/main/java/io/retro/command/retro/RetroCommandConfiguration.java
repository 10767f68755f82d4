package io.retro.command.retro;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.security.SecureRandom;
import java.util.Base64;
import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Command-side parts of the retro feature that aggregates use but must not build themselves. */
@Configuration(proxyBeanMethods = false)
public class RetroCommandConfiguration {

    private static final String SECRETS = "secrets";
    private static final String AUTHOR_SEAL_KEY = "retro-author-seal-key";

    /**
     * The key is made once, by whichever node starts first (the insert of a fixed {@code _id} wins
     * once), and read by every other node, so all nodes recognise the same authors.
     */
    @Bean
    AuthorSeals authorSeals(MongoDatabase database) {
        MongoCollection<Document> secrets = database.getCollection(SECRETS);
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        try {
            secrets.insertOne(new Document("_id", AUTHOR_SEAL_KEY).append("key", Base64.getEncoder().encodeToString(fresh)));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        Document stored = secrets.find(new Document("_id", AUTHOR_SEAL_KEY)).first();
        return new AuthorSeals(Base64.getDecoder().decode(stored.getString("key")));
    }
}
