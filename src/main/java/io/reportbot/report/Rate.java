package io.reportbot.report;

/**
 * A percentage with its qualifier: a year-on-year change or a share of the national total.
 *
 * @param percent   e.g. 12 for +12 %
 * @param qualifier how exact the report is about it
 */
public record Rate(double percent, Qualifier qualifier) {
    public Rate {
        qualifier = qualifier == null ? Qualifier.EXACT : qualifier;
    }
}
