package io.retro.security;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** The account store: one document per user, usernames unique. Blocking; call off the event loop. */
@Component
public class UserAccounts {

    private final MongoCollection<Document> users;
    private final CredentialCache credentials;

    public UserAccounts(MongoDatabase database, @Lazy CredentialCache credentials) {
        this.users = database.getCollection("users");
        this.credentials = credentials;
        users.createIndex(Indexes.ascending("username"), new IndexOptions().unique(true).name("username"));
    }

    /** Stores a new account; empty when the username is taken. */
    public Optional<UserAccount> create(UserAccount account) {
        try {
            users.insertOne(new Document("_id", account.id())
                    .append("username", account.username())
                    .append("displayName", account.displayName())
                    .append("passwordHash", account.passwordHash())
                    .append("admin", account.admin()));
            return Optional.of(account);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public Optional<UserAccount> findByUsername(String username) {
        return Optional.ofNullable(users.find(eq("username", username)).first()).map(UserAccounts::toAccount);
    }

    public Optional<UserAccount> findById(String id) {
        return Optional.ofNullable(users.find(eq("_id", id)).first()).map(UserAccounts::toAccount);
    }

    public List<UserAccount> findByIds(Collection<String> ids) {
        return users.find(in("_id", ids)).map(UserAccounts::toAccount).into(new ArrayList<>());
    }

    /** Erases the account and with it the person's name and username; events keep only the id. */
    public boolean delete(String id) {
        Document deleted = users.findOneAndDelete(eq("_id", id));
        if (deleted == null) {
            return false;
        }
        credentials.forget(deleted.getString("username"));
        return true;
    }

    private static UserAccount toAccount(Document document) {
        return new UserAccount(
                document.getString("_id"),
                document.getString("username"),
                document.getString("displayName"),
                document.getString("passwordHash"),
                document.getBoolean("admin", false));
    }
}
