package io.retro.demo;

import io.retro.api.retro.Sentiment;
import io.retro.api.shared.WorkCategory;
import io.retro.api.techdebt.Impact;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** What the demo people write: retro items, action items, tech debt, product updates and their talk. */
final class DemoTexts {

    /** How an item feels about its subject; a template's columns take one tone each. */
    /** A tech-debt item as someone would propose it. */
    record Debt(String title, String area, String estimate, Impact impact) {}

    /** A product metric and how it moves from update to update. */
    record MetricSeries(String name, String unit, double start, double drift, double noise, int scale) {}

    private DemoTexts() {}

    static final Map<Sentiment, Map<WorkCategory, List<String>>> ITEMS = Map.of(
            Sentiment.POSITIVE, Map.of(
                    WorkCategory.FEATURE, List.of(
                            "Shipped saved carts to every customer on the planned day",
                            "Pairing on the new onboarding flow worked really well",
                            "Design and engineering agreed the search filters early",
                            "The feature flag rollout let us release without drama"),
                    WorkCategory.MAINTENANCE, List.of(
                            "The framework upgrade went smoothly thanks to the test suite",
                            "Dependency updates are finally automated",
                            "The new queue dashboards made on-call calmer"),
                    WorkCategory.TECH_DEBT, List.of(
                            "Splitting the order service paid off: builds are twice as fast",
                            "Removing the legacy pricing code made changes easy again",
                            "The new module boundaries made reviews quicker"),
                    WorkCategory.BUG, List.of(
                            "Fixed the time zone bug before customers noticed",
                            "Quick turnaround on the payment retry bug",
                            "Crash reporting caught the login regression within an hour"),
                    WorkCategory.PROCESS, List.of(
                            "Short stand-ups gave us more focus time",
                            "Clear acceptance criteria on every story",
                            "The sprint demo brought the whole team together")),
            Sentiment.NEGATIVE, Map.of(
                    WorkCategory.FEATURE, List.of(
                            "The export feature doubled in scope mid-sprint",
                            "We started too many features at once",
                            "Late design changes on the checkout page"),
                    WorkCategory.MAINTENANCE, List.of(
                            "Nobody had time to update the base images",
                            "Staging was broken for three days",
                            "The certificates nearly expired again"),
                    WorkCategory.TECH_DEBT, List.of(
                            "Every change to billing touches five modules",
                            "The flaky integration tests cost us a day",
                            "The old search index holds every feature back",
                            "We keep copy-pasting the validation logic"),
                    WorkCategory.BUG, List.of(
                            "Three production incidents from the same cache issue",
                            "Bug reports pile up faster than we fix them",
                            "The hotfix broke login on Android"),
                    WorkCategory.PROCESS, List.of(
                            "Too many meetings in the second week",
                            "Reviews waited days for a second approver",
                            "Unclear who owns the release checklist")),
            Sentiment.NEUTRAL, Map.of(
                    WorkCategory.FEATURE, List.of(
                            "Spike on offline mode before we commit to it",
                            "Invite a customer to the next sprint review"),
                    WorkCategory.MAINTENANCE, List.of(
                            "Reserve Friday afternoons for upgrades",
                            "Let a bot open the dependency updates"),
                    WorkCategory.TECH_DEBT, List.of(
                            "Keep a debt budget of one story per sprint",
                            "Write a decision record before the next big refactoring"),
                    WorkCategory.BUG, List.of(
                            "Run a bug bash before each release",
                            "Add contract tests with the payment provider"),
                    WorkCategory.PROCESS, List.of(
                            "Rotate the facilitator every sprint",
                            "Timebox refinement to one hour")));

    static final List<String> GROUP_TITLES = List.of(
            "Release pain", "Focus time", "Quality", "Working with design", "On-call", "Build and test speed");

    static final List<String> ACTION_ITEMS = List.of(
            "Write a runbook for the cache incident",
            "Book a session to split the billing module",
            "Automate the certificate renewal",
            "Pair on the flaky tests for two days",
            "Agree a review turnaround of one working day",
            "Add alerting on queue depth",
            "Ask design for final mock-ups before planning",
            "Write a release checklist and name its owner",
            "Move stand-up to 9:45",
            "Schedule the framework upgrade",
            "Document the deployment steps",
            "Set up a weekly bug triage",
            "Measure build times and share them in the team channel",
            "Pick one tech-debt item for the next sprint");

    static final List<Debt> DEBTS = List.of(
            new Debt("Split the monolithic order service", "orders", "3 sprints", Impact.HIGH),
            new Debt("Replace the hand-rolled retry logic", "payments", "1 sprint", Impact.HIGH),
            new Debt("Move the search index to the new cluster", "search", "2 sprints", Impact.MEDIUM),
            new Debt("Remove the legacy pricing engine", "pricing", "2 sprints", Impact.HIGH),
            new Debt("Fix the flaky end-to-end tests", "testing", "1 week", Impact.MEDIUM),
            new Debt("Upgrade to the current LTS runtime", "platform", "1 sprint", Impact.MEDIUM),
            new Debt("Untangle the shared utils package", "core", "1 week", Impact.LOW),
            new Debt("Consolidate the three date libraries", "core", "3 days", Impact.LOW),
            new Debt("Move secrets out of environment files", "security", "1 week", Impact.HIGH),
            new Debt("Replace shipment polling with webhooks", "shipping", "2 sprints", Impact.MEDIUM),
            new Debt("Drop the unused feature flags", "core", "2 days", Impact.LOW),
            new Debt("Index the reporting queries", "reporting", "3 days", Impact.MEDIUM),
            new Debt("Rewrite the CSV importer", "imports", "1 sprint", Impact.MEDIUM),
            new Debt("Contract tests for the mobile API", "api", "1 sprint", Impact.MEDIUM),
            new Debt("Merge the duplicated validation rules", "checkout", "1 week", Impact.LOW),
            new Debt("Replace the cron jobs with a scheduler", "platform", "1 sprint", Impact.MEDIUM));

    static final List<String> DEBT_DESCRIPTIONS = List.of(
            "Slows every change in this area and caused two incidents last quarter.",
            "New joiners lose days understanding it; nobody wants to touch it.",
            "Blocks the next two roadmap features.",
            "Costs us about a day each sprint in workarounds.",
            "The vendor ends support for the old version next year.");

    static final List<String> REJECT_NOTES = List.of(
            "Superseded by the platform migration.",
            "Not worth it: the module is being retired.",
            "Duplicate of an item already scheduled.");

    static final List<String> UPDATE_TITLES = List.of(
            "Sprint review: conversion is up",
            "What customers told us this month",
            "Quarter goals: where we stand",
            "Pricing experiment results",
            "Adoption of the new onboarding",
            "Roadmap check-in",
            "Churn interviews: what we learned",
            "Release notes and early feedback");

    static final List<String> UPDATE_BODIES = List.of(
            "Thanks for a solid sprint. The numbers below are from the last two weeks; the trend holds.",
            "We talked to eight customers. The short version: they love the speed, and they hit the same rough edges.",
            "Here is where the quarter's goals stand. We are on track for one and behind on the other.",
            "The experiment ran for two weeks with half of new sign-ups. Results below; we keep the winner.",
            "A quick update before planning so that everyone knows why the next stories matter.");

    static final List<String> CUSTOMER_VOICES = List.of(
            "\"Checkout is so much faster now, my team stopped complaining.\"",
            "\"We still export to spreadsheets every Monday; please make that easier.\"",
            "\"The app logged me out twice this week.\"",
            "\"Saved carts changed how our buyers work.\"",
            "\"Support answered within minutes, but the bug came back.\"",
            "\"I could not find the invoice history on mobile.\"",
            "\"Onboarding took us ten minutes instead of a day.\"",
            "\"Search results feel slower than last year.\"",
            "\"Please keep the old report layout as an option.\"",
            "\"Great release, though the new filters confused a few of us.\"");

    static final List<String> QUESTIONS = List.of(
            "Which customers are behind the conversion numbers?",
            "Does the goal include the mobile app?",
            "Can we see the support tickets behind the churn figure?",
            "Is the export request coming from large accounts only?",
            "Will the pricing change affect existing contracts?");

    static final List<String> ANSWERS = List.of(
            "Mostly mid-sized accounts; I'll share the segment breakdown on Thursday.",
            "Yes, web and mobile together.",
            "Sure, I put the ticket list in the team folder.",
            "Mainly, but two small accounts asked for it too.",
            "No, only new contracts from next quarter.");

    static final List<MetricSeries> METRICS = List.of(
            new MetricSeries("Weekly active accounts", "accounts", 1200, 18, 25, 0),
            new MetricSeries("Checkout conversion", "%", 3.1, 0.02, 0.15, 2),
            new MetricSeries("Support tickets", "tickets", 140, -0.5, 12, 0),
            new MetricSeries("p95 page load", "ms", 820, -3, 30, 0));

    static final List<String> GOALS = List.of(
            "Launch saved carts", "Cut support tickets by 20%", "Reach 1,500 weekly active accounts", "Mobile parity for invoices");

    static <T> T pick(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
