package org.tlrepro.core.results;

/**
 * One of the paper's claims, judged on our results: what the paper says, what we measured with its 95% confidence
 * interval, and a verdict.
 *
 * @param id        a short stable name ({@code gain}, {@code best}, ...) for templates and tests
 * @param statement the claim in words, as the paper makes it
 * @param paper     the paper's value, in words and numbers
 * @param ours      our estimate in words (with the interval's meaning where it is not a mean)
 * @param estimate  our estimate, NaN where not measured
 * @param low       lower end of its 95% confidence interval, NaN where none
 * @param high      upper end, NaN where none
 * @param verdict   whether our results reproduce the claim
 * @param basis     how the verdict follows from the interval, and any caveat (collapsed runs, few runs)
 */
public record Claim(String id, String statement, String paper, String ours, double estimate, double low,
                    double high, Verdict verdict, String basis) {

    /** What our results say of a claim. */
    public enum Verdict {
        REPRODUCED("reproduced"),
        NOT_REPRODUCED("not reproduced"),
        INCONCLUSIVE("inconclusive"),
        NOT_MEASURED("not measured");

        private final String words;

        Verdict(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }

        @Override
        public String toString() {
            return words;
        }
    }

    /** Whether the interval lies wholly above 0, wholly below, or straddles it. */
    static Verdict sign(double low, double high, boolean claimPositive) {
        if (Double.isNaN(low) || Double.isNaN(high)) {
            return Verdict.NOT_MEASURED;
        }
        if (low > 0) {
            return claimPositive ? Verdict.REPRODUCED : Verdict.NOT_REPRODUCED;
        }
        if (high < 0) {
            return claimPositive ? Verdict.NOT_REPRODUCED : Verdict.REPRODUCED;
        }
        return Verdict.INCONCLUSIVE;
    }
}
