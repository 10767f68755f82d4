package io.retro.web.admin;

import java.util.List;

/**
 * What the consistency check found: each read model rebuilt apart from the events up to
 * {@code upToEvent}, compared with the live one.
 *
 * @param quiet false when events were stored while the check ran: a difference may then only be
 *     one of those events, handled by the live read model and not by the check
 */
record ConsistencyReport(long upToEvent, long eventsReplayed, boolean quiet, boolean consistent, List<ReadModelCheck> readModels) {

    /** One read model; {@code differences} lists the first few of {@code differing}. */
    record ReadModelCheck(String name, int documents, int differing, List<Difference> differences) {}

    /** One document that is not the same: null on the side where it is missing. */
    record Difference(String collection, String id, String live, String rebuilt) {}
}
