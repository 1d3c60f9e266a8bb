package io.reportbot.nlp;

/** What about a topic a question asks, beyond the topic itself; each adds a stated or computed line. */
public enum Aspect {
    /** the euro figure */
    EURO,
    /** the previous year's value, computed from the growth rate */
    PREVIOUS_YEAR,
    /** the national total, computed from the share */
    NATIONAL,
    /** the share of the national total */
    SHARE,
    /** where it comes from */
    SOURCE,
    /** a ratio of two figures (the fund's leverage) */
    RATIO,
    /** a currency the report doesn't use (dollars): said so, never converted at a rate the report doesn't give */
    OTHER_CURRENCY,
    /** names, lists or rankings ("which universities", "top 5"): the report gives numbers, not names */
    NAMES,
    /** a count ("how many"): said so where the report gives no number, only a claim */
    HOW_MANY,
    /** a cause ("why"): the report states figures and claims, not their causes */
    WHY,
    /** a date or time ("when"): said so where the topic's sentences name no time */
    WHEN,
    /** per counted thing ("pro Unternehmen?"): computed where a fact gives an amount and a count */
    PER_UNIT,
    /** what something is worth in money ("valuation", "Umsatz"): said so where the topic gives only counts */
    MONEY,
    /** the total or share for the whole nation, asked for explicitly ("in ganz China", "nationwide"): said so
     * where the topic gives Beijing's figure only */
    NATIONAL_TOTAL,
    /** what a term means ("was ist photonisches Computing?", "what counts as a unicorn?"): the report uses its terms,
     * it doesn't define them */
    DEFINITION,
    /** a change over time ("how fast did it grow?"): said so where the topic gives no change and no earlier figure */
    GROWTH
}
