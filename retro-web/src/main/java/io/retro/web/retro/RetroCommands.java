package io.retro.web.retro;

import io.retro.api.retro.ActionItemStatus;
import io.retro.api.retro.AddActionItemCommand;
import io.retro.api.retro.AddRetroItemCommand;
import io.retro.api.retro.CarriedActionItem;
import io.retro.api.retro.CarryOverDecision;
import io.retro.api.retro.CastRetroVoteCommand;
import io.retro.api.retro.ChangeActionItemStatusCommand;
import io.retro.api.retro.ChangeRetroPhaseCommand;
import io.retro.api.retro.DeleteRetroItemCommand;
import io.retro.api.retro.EditRetroItemCommand;
import io.retro.api.retro.FindOpenActionItemsQuery;
import io.retro.api.retro.GroupRetroItemsCommand;
import io.retro.api.retro.RecordWorkMixCommand;
import io.retro.api.retro.RetroPhase;
import io.retro.api.retro.RetroTemplate;
import io.retro.api.retro.ReviewCarriedActionItemCommand;
import io.retro.api.retro.StartRetroCommand;
import io.retro.api.retro.WithdrawRetroVoteCommand;
import io.retro.api.retro.WorkMix;
import io.retro.api.shared.WorkCategory;
import io.retro.security.RetroUser;
import io.retro.web.shared.Gateways;
import io.retro.web.shared.InvalidInputException;
import io.retro.web.shared.TeamAccess;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The retro commands as the API and the pages give them: each resolves the requester's role in the
 * team first (see {@link RetroAccess}) and sends it along, since the Retro aggregate keeps no copy
 * of the team's members.
 */
@Component
class RetroCommands {

    private final Gateways gateways;
    private final TeamAccess teamAccess;
    private final RetroAccess access;

    RetroCommands(Gateways gateways, TeamAccess teamAccess, RetroAccess access) {
        this.gateways = gateways;
        this.teamAccess = teamAccess;
        this.access = access;
    }

    /**
     * Starts a retro with the team's open action items of earlier retros, read from the team's
     * retro read model, so the new board opens with them for review.
     */
    Mono<String> start(String teamId, String sprint, LocalDate sprintStart, LocalDate sprintEnd, RetroTemplate template,
            int votesPerMember, RetroUser user) {
        String retroId = UUID.randomUUID().toString();
        return teamAccess.readableTeam(teamId, user)
                .flatMap(team -> gateways.queryList(new FindOpenActionItemsQuery(teamId), CarriedActionItem.class)
                        .flatMap(open -> gateways.send(new StartRetroCommand(retroId, teamId, sprint, sprintStart, sprintEnd,
                                template, votesPerMember, open, user.requester(), team.roleOf(user.id()).orElse(null)))))
                .thenReturn(retroId);
    }

    Mono<String> addItem(String retroId, String column, String text, WorkCategory category, boolean anonymous, RetroUser user) {
        String itemId = UUID.randomUUID().toString();
        return access.forCommand(retroId, user)
                .flatMap(retroTeam -> gateways.send(new AddRetroItemCommand(retroId, itemId, column, text, category, anonymous,
                        user.requester(), retroTeam.role())))
                .thenReturn(itemId);
    }

    Mono<Void> editItem(String retroId, String itemId, String text, WorkCategory category, RetroUser user) {
        return access.forCommand(retroId, user)
                .flatMap(retroTeam -> gateways.send(new EditRetroItemCommand(retroId, itemId, text, category, user.requester(), retroTeam.role())))
                .then();
    }

    Mono<Void> deleteItem(String retroId, String itemId, RetroUser user) {
        return access.forCommand(retroId, user)
                .flatMap(retroTeam -> gateways.send(new DeleteRetroItemCommand(retroId, itemId, user.requester(), retroTeam.role())))
                .then();
    }

    Mono<String> group(String retroId, String title, List<String> itemIds, RetroUser user) {
        String groupId = UUID.randomUUID().toString();
        return access.forCommand(retroId, user)
                .flatMap(retroTeam -> gateways.send(new GroupRetroItemsCommand(retroId, groupId, title, itemIds, user.requester(), retroTeam.role())))
                .thenReturn(groupId);
    }

    Mono<Void> vote(String retroId, String itemId, RetroUser user) {
        return access.forCommand(retroId, user)
                .flatMap(retroTeam -> gateways.send(new CastRetroVoteCommand(retroId, itemId, user.requester(), retroTeam.role())))
                .then();
    }

    Mono<Void> withdrawVote(String retroId, String itemId, RetroUser user) {
        return access.forCommand(retroId, user)
                .flatMap(retroTeam -> gateways.send(new WithdrawRetroVoteCommand(retroId, itemId, user.requester(), retroTeam.role())))
                .then();
    }

    Mono<Void> changePhase(String retroId, RetroPhase phase, RetroUser user) {
        return access.forCommand(retroId, user)
                .flatMap(retroTeam -> gateways.send(new ChangeRetroPhaseCommand(retroId, phase, user.requester(), retroTeam.role())))
                .then();
    }

    /** The owner must be a member of the team: an action nobody on the team owns is not followed through. */
    Mono<String> addActionItem(String retroId, String text, String ownerId, LocalDate dueDate, RetroUser user) {
        String actionItemId = UUID.randomUUID().toString();
        return access.forCommand(retroId, user)
                .flatMap(retroTeam -> {
                    if (retroTeam.team().roleOf(ownerId).isEmpty()) {
                        return Mono.error(new InvalidInputException("ownerId", "The owner must be a member of the team."));
                    }
                    return gateways.send(new AddActionItemCommand(retroId, actionItemId, text, ownerId, dueDate,
                            user.requester(), retroTeam.role()));
                })
                .thenReturn(actionItemId);
    }

    Mono<Void> changeActionItemStatus(String retroId, String actionItemId, ActionItemStatus status, RetroUser user) {
        return access.forCommand(retroId, user)
                .flatMap(retroTeam -> gateways.send(new ChangeActionItemStatusCommand(retroId, actionItemId, status,
                        user.requester(), retroTeam.role())))
                .then();
    }

    Mono<Void> reviewCarried(String retroId, String actionItemId, CarryOverDecision decision, RetroUser user) {
        return access.forCommand(retroId, user)
                .flatMap(retroTeam -> gateways.send(new ReviewCarriedActionItemCommand(retroId, actionItemId, decision,
                        user.requester(), retroTeam.role())))
                .then();
    }

    Mono<Void> recordWorkMix(String retroId, WorkMix workMix, RetroUser user) {
        return access.forCommand(retroId, user)
                .flatMap(retroTeam -> gateways.send(new RecordWorkMixCommand(retroId, workMix, user.requester(), retroTeam.role())))
                .then();
    }
}
