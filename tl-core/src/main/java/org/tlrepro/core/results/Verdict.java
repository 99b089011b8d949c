package org.tlrepro.core.results;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The count of what {@code tl:check} found, enforced rules and the paper's claims kept apart: a claim that does not
 * hold is a finding of the reproduction, not a failure of the build.
 *
 * @param enforced    enforced rules that were judged (not skipped)
 * @param met         of those, the ones met
 * @param claims      reported-only rules (the paper's claims) that were judged
 * @param claimsHold  of those, the ones that hold
 * @param why         how many rules were skipped for each reason: for want of a baseline, or of Table 3 in a build
 *                    that trained none
 */
public record Verdict(int enforced, int met, int claims, int claimsHold, Map<Rule.Skip, Integer> why) {

    public static Verdict of(List<Rule.Outcome> outcomes) {
        int enforced = 0;
        int met = 0;
        int claims = 0;
        int hold = 0;
        Map<Rule.Skip, Integer> why = new EnumMap<>(Rule.Skip.class);
        for (Rule.Outcome o : outcomes) {
            if (o.skipped()) {
                why.merge(o.skip(), 1, Integer::sum);
            } else if (o.rule().reportOnly()) {
                claims++;
                hold += o.passed() ? 1 : 0;
            } else {
                enforced++;
                met += o.passed() ? 1 : 0;
            }
        }
        return new Verdict(enforced, met, claims, hold, why);
    }

    /** Rules skipped, for any reason. */
    public int skipped() {
        return why.values().stream().mapToInt(Integer::intValue).sum();
    }

    public boolean passed() {
        return met == enforced;
    }

    /**
     * E.g. "8 of 8 rules met; the paper's values reached: 4 of 5": the report-only rules hold the paper's own numbers
     * as bounds, which differs from judging its claims with confidence intervals (the report's claims table), so the
     * two are named apart.
     */
    public String line() {
        if (enforced + claims + skipped() == 0) {
            return "no rules configured";
        }
        return met + " of " + enforced + " rules met"
                + (why.isEmpty() ? "" : " (" + why.entrySet().stream().map(e -> e.getValue() + " skipped: "
                + e.getKey().words()).collect(Collectors.joining(", ")) + ")")
                + (claims == 0 ? "" : "; the paper's values reached: " + claimsHold + " of " + claims);
    }

    /** E.g. "PASS: 8 of 8 rules met; the paper's values reached: 4 of 5". */
    public String headline() {
        return (passed() ? "PASS" : "FAIL") + ": " + line();
    }
}
