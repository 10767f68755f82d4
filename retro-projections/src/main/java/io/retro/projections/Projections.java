package io.retro.projections;

import io.retro.projections.health.HealthProjection;
import io.retro.projections.history.TeamAggregatesProjection;
import io.retro.projections.productupdate.ProductUpdateFeedProjection;
import io.retro.projections.retro.RetroBoardProjection;
import io.retro.projections.retro.TeamRetrosProjection;
import io.retro.projections.shared.ReadModels;
import io.retro.projections.team.TeamProjection;
import io.retro.projections.techdebt.TechDebtRegisterProjection;
import java.util.List;

/** Every projection, built on a set of read models other than the live ones: how a check rebuilds them all apart. */
public final class Projections {

    private Projections() {}

    public static List<Object> on(ReadModels readModels) {
        return List.of(
                new TeamProjection(readModels),
                new TeamRetrosProjection(readModels),
                new RetroBoardProjection(readModels),
                new TechDebtRegisterProjection(readModels),
                new ProductUpdateFeedProjection(readModels),
                new HealthProjection(readModels),
                new TeamAggregatesProjection(readModels));
    }
}
