package io.retro.command.retro;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the author of an anonymous retro item, so the author can still edit or delete it while
 * nobody can read who wrote it.
 *
 * <p>Decision: an anonymous item's event carries no author id, only
 * HMAC-SHA256(server key, retro id, item id, author id). The Retro aggregate recomputes the seal for
 * whoever asks to change the item and compares. Without the key the seal cannot be tested against
 * the team's few member ids, and the item id in it makes seals of one author differ from item to
 * item, so they do not link items either. The key lives in the store beside the events (see
 * {@link RetroCommandConfiguration}) so that every node seals alike and a restart keeps the
 * authors able to edit; whoever holds both the store and the key could still find the authors,
 * which is the accepted limit of this design. A hash without a key would be no protection at all:
 * a team has a handful of members to try.
 */
public class AuthorSeals {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public AuthorSeals(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("The author seal key needs at least 32 bytes.");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    public String seal(String retroId, String itemId, String authorId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal((retroId + "\n" + itemId + "\n" + authorId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    public boolean matches(String seal, String retroId, String itemId, String userId) {
        return seal != null && MessageDigest.isEqual(
                seal.getBytes(StandardCharsets.US_ASCII),
                seal(retroId, itemId, userId).getBytes(StandardCharsets.US_ASCII));
    }
}
