package io.retro.projections.retro;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.retro.api.retro.ActionItemAddedEvent;
import io.retro.api.retro.CarriedActionItem;
import io.retro.api.retro.CarriedActionItemReviewedEvent;
import io.retro.api.retro.CarryOverDecision;
import io.retro.api.retro.FindOpenActionItemsQuery;
import io.retro.api.retro.FindRetroBoardQuery;
import io.retro.api.retro.RetroBoardView;
import io.retro.api.retro.RetroItemAddedEvent;
import io.retro.api.retro.RetroPhase;
import io.retro.api.retro.RetroPhaseChangedEvent;
import io.retro.api.retro.RetroStartedEvent;
import io.retro.api.retro.RetroTemplate;
import io.retro.api.retro.RetroVoteCastEvent;
import io.retro.api.shared.WorkCategory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import io.retro.projections.shared.ReadModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetroBoardProjectionTest {

    private static final String RETRO = "retro-1";
    private static final String TEAM = "team-1";

    private MongoServer server;
    private MongoClient client;
    private RetroBoardProjection boards;
    private TeamRetrosProjection teamRetros;

    @BeforeEach
    void startStore() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://" + server.bindAndGetConnectionString().replace("mongodb://", ""));
        ReadModels readModels = new ReadModels(client.getDatabase("test"));
        boards = new RetroBoardProjection(readModels);
        teamRetros = new TeamRetrosProjection(readModels);
    }

    @AfterEach
    void stopStore() {
        client.close();
        server.shutdownNow();
    }

    private void started() {
        boards.on(new RetroStartedEvent(RETRO, TEAM, "Sprint 1", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 13),
                RetroTemplate.MAD_SAD_GLAD, 3, List.of(), "f"));
        boards.on(new RetroItemAddedEvent(RETRO, "item-1", "MAD", "Slow CI", WorkCategory.TECH_DEBT, null, "seal"), 1);
        boards.on(new RetroPhaseChangedEvent(RETRO, TEAM, RetroPhase.GROUP, "f"), 2);
        boards.on(new RetroPhaseChangedEvent(RETRO, TEAM, RetroPhase.VOTE, "f"), 3);
    }

    private RetroBoardView board(String viewer) {
        return boards.handle(new FindRetroBoardQuery(RETRO, viewer)).orElseThrow();
    }

    @Test
    void aVoteHandledTwiceCountsOnce() {
        started();
        RetroVoteCastEvent vote = new RetroVoteCastEvent(RETRO, "item-1", "voter");
        boards.on(vote, 4);
        boards.on(vote, 4);
        boards.on(new RetroPhaseChangedEvent(RETRO, TEAM, RetroPhase.DISCUSS, "f"), 5);

        assertThat(board("voter").items().get(0).votes()).isEqualTo(1);
        assertThat(board("voter").myVotesLeft()).isEqualTo(2);
    }

    @Test
    void votesAreHiddenDuringVoteButTheViewerKnowsTheirOwn() {
        started();
        boards.on(new RetroVoteCastEvent(RETRO, "item-1", "voter"), 4);

        assertThat(board("voter").items().get(0).votes()).isNull();
        assertThat(board("voter").items().get(0).myVotes()).isEqualTo(1);
        assertThat(board("other").items().get(0).myVotes()).isZero();
        assertThat(board("other").myVotesLeft()).isEqualTo(3);
    }

    @Test
    void aStartHandledAgainDoesNotResetTheBoard() {
        started();
        boards.on(new RetroStartedEvent(RETRO, TEAM, "Sprint 1", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 13),
                RetroTemplate.MAD_SAD_GLAD, 3, List.of(), "f"));

        assertThat(board("f").phase()).isEqualTo(RetroPhase.VOTE);
        assertThat(board("f").items()).hasSize(1);
        assertThat(board("f").items().get(0).authorId()).isNull();
    }

    @Test
    void aDecisionHandledBeforeTheActionItemStillEndsItsCarryingOver() {
        teamRetros.on(new CarriedActionItemReviewedEvent("retro-2", TEAM, RETRO, "action-1", CarryOverDecision.DONE, "f"));
        teamRetros.on(new ActionItemAddedEvent(RETRO, TEAM, "action-1", "Automate", "owner", null, "f"), Instant.now());
        teamRetros.on(new ActionItemAddedEvent(RETRO, TEAM, "action-2", "Runbook", "owner", null, "f"), Instant.now());

        assertThat(teamRetros.handle(new FindOpenActionItemsQuery(TEAM)))
                .extracting(CarriedActionItem::actionItemId).containsExactly("action-2");
    }
}
