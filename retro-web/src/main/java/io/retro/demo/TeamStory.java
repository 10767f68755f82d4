package io.retro.demo;

import io.retro.api.techdebt.TechDebtStatus;
import java.util.List;
import java.util.Random;

/**
 * How one demo team's two years go, sprint by sprint: the maintenance share of its work, the band
 * it agrees, how it treats tech debt, action items and the PM's updates. Each story is meant to be
 * read off the health dashboard at a glance.
 */
enum TeamStory {

    /** Feature pressure wins: maintenance slides below the band, debt votes pile up, follow-through drops. */
    DRIFTING("Checkout", "Priya Shah", "Tom Becker", List.of("Lena Novak", "Omar Haddad", "Jonas Weber", "Mei Lin"),
            List.of(new Band(0, 0.25, 0.40, "Checkout is mature; a quarter of our time keeps it healthy."))) {

        @Override
        double maintenanceShare(double p, Random random) {
            double trend = p < 0.25 ? 0.32 : p < 0.6 ? 0.32 - (p - 0.25) / 0.35 * 0.21 : 0.11;
            return trend + (random.nextDouble() - 0.5) * 0.04;
        }

        @Override
        double[] maintenanceSplit(double p) {
            return p < 0.5 ? new double[] {0.45, 0.30, 0.25} : new double[] {0.35, 0.10, 0.55};
        }

        @Override
        int debtProposals(int sprint, double p, Random random) {
            return p < 0.3 ? (sprint % 2 == 0 ? 1 : 0) : 1 + (random.nextDouble() < p ? 1 : 0);
        }

        @Override
        int votesOnProposal(double p, Random random) {
            return 2 + random.nextInt(p < 0.3 ? 2 : 3);
        }

        @Override
        int pilingVotes(double p, Random random) {
            return p < 0.3 ? 0 : 1 + (int) (p * 3) + random.nextInt(2);
        }

        @Override
        List<Step> debtPath(double p, Random random) {
            if (p < 0.3) {
                return FULL_PATH;
            }
            double roll = random.nextDouble();
            if (roll < 0.15) {
                return List.of(new Step(2, TechDebtStatus.ACCEPTED), new Step(5, TechDebtStatus.SCHEDULED),
                        new Step(9, TechDebtStatus.RESOLVED));
            }
            if (roll < 0.25) {
                return List.of(new Step(2, TechDebtStatus.REJECTED));
            }
            return List.of(new Step(2, TechDebtStatus.ACCEPTED));
        }

        /** More and more is promised in retros, and less of it done. */
        @Override
        int actionItemsPerRetro(double p) {
            return p > 0.5 ? 3 : 2;
        }

        @Override
        Fate actionFate(double p, Random random) {
            double roll = random.nextDouble();
            double onTime = 0.8 - 0.65 * p;
            return roll < onTime ? Fate.ON_TIME : roll < onTime + 0.1 ? Fate.AT_NEXT_RETRO : Fate.NEVER;
        }

        @Override
        boolean postsUpdate(int sprint, double p) {
            return p < 0.5 ? sprint % 2 == 1 : sprint % 3 == 1;
        }

        @Override
        double acknowledgeChance(double p) {
            return 0.85 - 0.6 * p;
        }

        @Override
        double badChance(boolean maintenanceWork, double p) {
            return maintenanceWork ? 0.3 + 0.5 * p : 0.3;
        }
    },

    /**
     * Maintenance below the first band until an outage; the team agrees a higher band and then swings
     * far above it for half a year, rewriting and paying back everything, before it settles inside.
     */
    OVER_CORRECTING("Platform", "Sofia Rossi", "Daniel Kim", List.of("Aisha Bello", "Lukas Meyer", "Nora Berg", "Ravi Iyer"),
            List.of(new Band(0, 0.20, 0.35, "New platform: mostly features, a fifth of the time for upkeep."),
                    new Band(26, 0.30, 0.45, "After the outage we invest more in reliability until the platform is sound."))) {

        @Override
        double maintenanceShare(double p, Random random) {
            int sprint = sprintOf(p);
            double level = sprint < 26 ? 0.13 : sprint < 40 ? 0.66 : 0.39;
            return level + (random.nextDouble() - 0.5) * 0.05;
        }

        @Override
        double[] maintenanceSplit(double p) {
            int sprint = sprintOf(p);
            return sprint >= 26 && sprint < 40 ? new double[] {0.25, 0.60, 0.15} : new double[] {0.45, 0.30, 0.25};
        }

        @Override
        int debtProposals(int sprint, double p, Random random) {
            if (sprint < 26) {
                return random.nextDouble() < 0.6 ? 1 : 0;
            }
            return sprint < 40 ? (random.nextDouble() < 0.3 ? 1 : 0) : (sprint % 2 == 0 ? 1 : 0);
        }

        @Override
        int votesOnProposal(double p, Random random) {
            return 2 + random.nextInt(2);
        }

        @Override
        int pilingVotes(double p, Random random) {
            return sprintOf(p) < 26 ? 1 : 0;
        }

        @Override
        List<Step> debtPath(double p, Random random) {
            int sprint = sprintOf(p);
            if (sprint < 26) {
                return random.nextDouble() < 0.15 ? FULL_PATH : List.of(new Step(2, TechDebtStatus.ACCEPTED));
            }
            return sprint < 40
                    ? List.of(new Step(1, TechDebtStatus.ACCEPTED), new Step(2, TechDebtStatus.SCHEDULED),
                            new Step(4, TechDebtStatus.RESOLVED))
                    : FULL_PATH;
        }

        @Override
        int debtPaidBack(int sprint) {
            return sprint >= 26 && sprint < 40 ? 2 : 0;
        }

        @Override
        Fate actionFate(double p, Random random) {
            double roll = random.nextDouble();
            return roll < 0.65 ? Fate.ON_TIME : roll < 0.85 ? Fate.AT_NEXT_RETRO : Fate.NEVER;
        }

        @Override
        boolean postsUpdate(int sprint, double p) {
            return sprint % 2 == 1;
        }

        @Override
        double acknowledgeChance(double p) {
            return 0.7;
        }

        @Override
        double badChance(boolean maintenanceWork, double p) {
            return 0.35;
        }
    },

    /** Keeps its band sprint after sprint: debt comes and goes at the same pace, actions get done. */
    STEADY("Mobile", "Emma Clarke", "Mateo Garcia", List.of("Yuki Tanaka", "Felix Wagner", "Chloe Martin", "Samir Khan"),
            List.of(new Band(0, 0.20, 0.35, "A quarter of our time for upkeep keeps releases calm."))) {

        @Override
        double maintenanceShare(double p, Random random) {
            return 0.27 + (random.nextDouble() - 0.5) * 0.06;
        }

        @Override
        double[] maintenanceSplit(double p) {
            return new double[] {0.45, 0.30, 0.25};
        }

        /** Four items to start with, then one every second sprint, each open eight sprints: the count stays flat. */
        @Override
        int debtProposals(int sprint, double p, Random random) {
            return sprint == 0 ? STEADY_BACKLOG : sprint % 2 == 0 ? 1 : 0;
        }

        @Override
        int votesOnProposal(double p, Random random) {
            return 3;
        }

        @Override
        int pilingVotes(double p, Random random) {
            return 0;
        }

        @Override
        List<Step> debtPath(double p, Random random) {
            return STEADY_PATH;
        }

        @Override
        List<Step> backlogPath(int index, double p, Random random) {
            return List.of(new Step(0, TechDebtStatus.ACCEPTED), new Step(1, TechDebtStatus.SCHEDULED),
                    new Step(2 * (index + 1), TechDebtStatus.RESOLVED));
        }

        /** Proposals and resolutions fall on the same weekday, so the open count never wobbles. */
        @Override
        int proposalDay(int index, Random random) {
            return 1;
        }

        @Override
        Fate actionFate(double p, Random random) {
            double roll = random.nextDouble();
            return roll < 0.85 ? Fate.ON_TIME : roll < 0.97 ? Fate.AT_NEXT_RETRO : Fate.NEVER;
        }

        @Override
        boolean postsUpdate(int sprint, double p) {
            return sprint % 2 == 1;
        }

        @Override
        double acknowledgeChance(double p) {
            return 0.85;
        }

        @Override
        double badChance(boolean maintenanceWork, double p) {
            return 0.25;
        }
    };

    static final int SPRINTS = 52;
    private static final int STEADY_BACKLOG = 4;
    private static final List<Step> FULL_PATH = List.of(new Step(1, TechDebtStatus.ACCEPTED),
            new Step(3, TechDebtStatus.SCHEDULED), new Step(6, TechDebtStatus.RESOLVED));
    private static final List<Step> STEADY_PATH = List.of(new Step(1, TechDebtStatus.ACCEPTED),
            new Step(4, TechDebtStatus.SCHEDULED), new Step(8, TechDebtStatus.RESOLVED));

    /** A band the team agrees in the retro before sprint {@code fromSprint}, in force from that sprint's start. */
    record Band(int fromSprint, double min, double max, String rationale) {}

    /** A tech-debt item reaches {@code status} this many sprints after it was proposed. */
    record Step(int sprintsLater, TechDebtStatus status) {}

    /** What becomes of an action item. */
    enum Fate { ON_TIME, AT_NEXT_RETRO, NEVER }

    private final String teamName;
    private final String productManager;
    private final String facilitator;
    private final List<String> engineers;
    private final List<Band> bands;

    TeamStory(String teamName, String productManager, String facilitator, List<String> engineers, List<Band> bands) {
        this.teamName = teamName;
        this.productManager = productManager;
        this.facilitator = facilitator;
        this.engineers = engineers;
        this.bands = bands;
    }

    String teamName() {
        return teamName;
    }

    String productManager() {
        return productManager;
    }

    String facilitator() {
        return facilitator;
    }

    List<String> engineers() {
        return engineers;
    }

    List<Band> bands() {
        return bands;
    }

    /** Sprint index back from progress {@code p} (0 for the first sprint, 1 for the last). */
    static int sprintOf(double p) {
        return (int) Math.round(p * (SPRINTS - 1));
    }

    /** The share of maintenance, tech debt and bugs in the sprint's work, process left out. */
    abstract double maintenanceShare(double p, Random random);

    /** How the maintenance share splits into maintenance, tech debt and bugs. */
    abstract double[] maintenanceSplit(double p);

    abstract int debtProposals(int sprint, double p, Random random);

    abstract int votesOnProposal(double p, Random random);

    /** Extra votes this sprint on items already open: members adding their voice to old pain. */
    abstract int pilingVotes(double p, Random random);

    abstract List<Step> debtPath(double p, Random random);

    /** The path of the {@code index}-th item proposed in the first sprint. */
    List<Step> backlogPath(int index, double p, Random random) {
        return debtPath(p, random);
    }

    /** The day of the sprint (0 is its Monday) the {@code index}-th proposal of a sprint is made on. */
    int proposalDay(int index, Random random) {
        return 1 + random.nextInt(10);
    }

    /** How many of the oldest open items the team pushes through to RESOLVED this sprint. */
    int debtPaidBack(int sprint) {
        return 0;
    }

    int actionItemsPerRetro(double p) {
        return 2;
    }

    abstract Fate actionFate(double p, Random random);

    abstract boolean postsUpdate(int sprint, double p);

    abstract double acknowledgeChance(double p);

    /** Chance that a retro item about this kind of work is a complaint. */
    abstract double badChance(boolean maintenanceWork, double p);
}
