package io.reportbot.nlp;

/**
 * What a turn that leans on the last answer asks about it ("und die Anzahl?", "and in euros?", "where?").
 * The words for each are data ({@code chat.json}, per language), read by {@link ChatWords}.
 */
public enum FollowUpAspect {
    /** how many: the count the last topic gives */
    COUNT,
    /** how fast it grew, or against the year before */
    GROWTH,
    /** what it is worth, how big, how much */
    VALUE,
    /** the euro figure of the value the last answer was about */
    EURO,
    /** the total for, or the share of, the whole nation ("und in ganz China?"; the nation's names come from the report) */
    NATIONAL,
    /** a share: of the nation where the topic gives one, else the topic's own ("welcher Anteil war Open Source?") */
    SHARE,
    /** the absolute figure behind a rate */
    ABSOLUTE,
    /** per company, on average: computed where the topic gives a total and a count */
    PER_UNIT,
    /** where the figure comes from */
    SOURCE,
    /** where it is or happens */
    PLACE,
    /** which period or date the figure is for */
    PERIOD,
    /** more on the same, or whether it is a lot */
    MORE,
    /** "und weltweit?": the same topic for the whole world; declined unless the topic's sentences speak of it. */
    WORLD,
    /** "sind die gut?": how good the last answer's things are; another topic may answer it (a topic's aspectTopics). */
    QUALITY
}
