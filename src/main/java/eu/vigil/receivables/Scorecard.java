package eu.vigil.receivables;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A tenant's scorecard: up to {@value #MAX_VARIABLES} variables whose weights add up to 100, each with ranges that
 * give it 0-100 points; a customer's score is the weighted average of the points of the variables it has a value for.
 *
 * @param alertPoints a change of the score by this many points or more is logged as a move worth a look
 */
public record Scorecard(List<Variable> variables, int alertPoints) {

    public static final int MAX_VARIABLES = 10;

    public Scorecard {
        variables = List.copyOf(variables);
    }

    /** A range {@code from <= value < to}; a null bound is open. */
    public record Band(BigDecimal from, BigDecimal to, int points) {

        boolean holds(BigDecimal value) {
            return (from == null || value.compareTo(from) >= 0) && (to == null || value.compareTo(to) < 0);
        }
    }

    public record Variable(ScoreVariable variable, int weight, List<Band> bands) {

        public Variable {
            bands = List.copyOf(bands);
        }

        /** The points of the first range holding the value; null without a value or a range for it. */
        public Integer points(BigDecimal value) {
            if (value == null) {
                return null;
            }
            return bands.stream()
                    .filter(b -> b.holds(value))
                    .map(Band::points)
                    .findFirst()
                    .orElse(null);
        }
    }

    /** The grade of a score: A from 80, B from 65, C from 50, D from 35, E below. */
    public static String grade(int score) {
        if (score >= 80) {
            return "A";
        }
        if (score >= 65) {
            return "B";
        }
        if (score >= 50) {
            return "C";
        }
        return score >= 35 ? "D" : "E";
    }

    /** Checks what the admin wrote; the first problem is thrown, naming the variable and the range. */
    public Scorecard validated() {
        if (variables.isEmpty()) {
            throw new ReceivablesException("scorecard.error.empty");
        }
        if (variables.size() > MAX_VARIABLES) {
            throw new ReceivablesException("scorecard.error.tooMany", MAX_VARIABLES);
        }
        if (alertPoints < 1 || alertPoints > 100) {
            throw new ReceivablesException("scorecard.error.alertPoints", alertPoints);
        }
        Set<ScoreVariable> seen = EnumSet.noneOf(ScoreVariable.class);
        int total = 0;
        for (Variable v : variables) {
            String name = v.variable().name();
            if (!seen.add(v.variable())) {
                throw new ReceivablesException("scorecard.error.duplicate", name);
            }
            if (v.weight() < 1 || v.weight() > 100) {
                throw new ReceivablesException("scorecard.error.weight", name, v.weight());
            }
            total += v.weight();
            if (v.bands().isEmpty()) {
                throw new ReceivablesException("scorecard.error.noRange", name);
            }
            for (int i = 0; i < v.bands().size(); i++) {
                Band b = v.bands().get(i);
                if (b.points() < 0 || b.points() > 100) {
                    throw new ReceivablesException("scorecard.error.points", name, i + 1, b.points());
                }
                if (b.from() != null && b.to() != null && b.from().compareTo(b.to()) >= 0) {
                    throw new ReceivablesException("scorecard.error.emptyRange", name, i + 1);
                }
                for (int j = 0; j < i; j++) {
                    if (overlap(v.bands().get(j), b)) {
                        throw new ReceivablesException("scorecard.error.overlap", name, j + 1, i + 1);
                    }
                }
            }
        }
        if (total != 100) {
            throw new ReceivablesException("scorecard.error.total", total);
        }
        return this;
    }

    private static boolean overlap(Band a, Band b) {
        boolean aEndsBeforeB = a.to() != null && b.from() != null && a.to().compareTo(b.from()) <= 0;
        boolean bEndsBeforeA = b.to() != null && a.from() != null && b.to().compareTo(a.from()) <= 0;
        return !aEndsBeforeB && !bEndsBeforeA;
    }

    /** A new tenant's scorecard: how they pay us first, then the bureau, the accounts and the registry. */
    public static Scorecard standard() {
        return new Scorecard(
                List.of(
                        new Variable(
                                ScoreVariable.ON_TIME_SHARE,
                                20,
                                List.of(band(null, 50, 0), band(50, 75, 40), band(75, 90, 70), band(90, null, 100))),
                        new Variable(
                                ScoreVariable.DBT,
                                15,
                                List.of(band(null, 5, 100), band(5, 15, 70), band(15, 30, 40), band(30, null, 0))),
                        new Variable(
                                ScoreVariable.YEARS_IN_BUSINESS,
                                10,
                                List.of(band(null, 2, 20), band(2, 5, 50), band(5, 10, 75), band(10, null, 100))),
                        new Variable(
                                ScoreVariable.RISK_CLASS,
                                15,
                                List.of(band(null, 3, 100), band(3, 5, 70), band(5, 7, 40), band(7, null, 0))),
                        new Variable(
                                ScoreVariable.PROBABILITY_OF_DEFAULT,
                                10,
                                List.of(band(null, 1, 100), band(1, 3, 70), band(3, 10, 30), band(10, null, 0))),
                        new Variable(
                                ScoreVariable.SOLVENCY,
                                10,
                                List.of(band(null, 0, 0), band(0, 15, 40), band(15, 30, 70), band(30, null, 100))),
                        new Variable(
                                ScoreVariable.TURNOVER_TREND,
                                5,
                                List.of(band(null, -20, 0), band(-20, 0, 50), band(0, null, 100))),
                        new Variable(
                                ScoreVariable.NEGATIVE_EVENTS_12M,
                                15,
                                List.of(band(null, 1, 100), band(1, 2, 60), band(2, 4, 30), band(4, null, 0)))),
                10);
    }

    private static Band band(Integer from, Integer to, int points) {
        return new Band(
                from == null ? null : BigDecimal.valueOf(from), to == null ? null : BigDecimal.valueOf(to), points);
    }
}
