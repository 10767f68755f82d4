package io.retro.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.retro.eventstore.AppendDurability;
import io.retro.eventstore.GroupCommit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one place that decides which MongoDB Retro uses: a real one by URI, or the embedded default. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StoreProperties.class)
public class MongoStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MongoStoreConfiguration.class);
    private static final String DEFAULT_DATABASE = "retro";

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${retro.store.mongodb-uri:}'.isBlank()")
    EmbeddedMongoServer embeddedMongoServer(StoreProperties properties) {
        EmbeddedMongoServer server =
                EmbeddedMongoServer.start(properties.dataDir(), properties.embeddedBindAddress(), properties.embeddedPort(),
                        properties.embeddedCacheMb());
        log.info("Store: embedded MongoDB persisted to {}, listening on {}", server.file(), server.connectionString());
        return server;
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(StoreProperties properties, ObjectProvider<EmbeddedMongoServer> embedded) {
        if (properties.embedded()) {
            return MongoClients.create(embedded.getObject().connectionString());
        }
        ConnectionString uri = new ConnectionString(properties.mongodbUri());
        log.info("Store: MongoDB at {}, database {}", uri.getHosts(), databaseName(properties));
        // An acknowledged command must survive the loss of the primary.
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(uri)
                .writeConcern(uri.getWriteConcern() == null ? WriteConcern.MAJORITY.withJournal(true) : uri.getWriteConcern())
                .build());
    }

    @Bean
    MongoDatabase mongoDatabase(MongoClient client, StoreProperties properties) {
        return client.getDatabase(databaseName(properties));
    }

    @Bean
    AppendDurability appendDurability(ObjectProvider<EmbeddedMongoServer> embedded) {
        EmbeddedMongoServer server = embedded.getIfAvailable();
        return server == null ? AppendDurability.NONE : new GroupCommit(server::commit);
    }

    private static String databaseName(StoreProperties properties) {
        if (properties.embedded()) {
            return DEFAULT_DATABASE;
        }
        return Optional.ofNullable(new ConnectionString(properties.mongodbUri()).getDatabase()).orElse(DEFAULT_DATABASE);
    }
}
